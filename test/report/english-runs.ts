/**
 * English prose left in a Chinese text: four or more English words in a row once code (fenced,
 * inline, <code>), HTML tags, links, citations ("Kaplan et al. 2020", "Riedmiller & Braun 1993")
 * and dotted or snake_case keys are taken out.
 */
export function englishRuns(text: string): string[] {
  const stripped = text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/<code>[\s\S]*?<\/code>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[A-Z][\w-]*(?: (?:&|and) [A-Z][\w-]*)?(?: et al\.)?,? \d{4}[a-z]?/g, " ")
    .replace(/\b[\w-]+(?:[._/][\w-]+)+\b/g, " ");
  return [...stripped.matchAll(/\b[A-Za-z][A-Za-z'-]*(?:[ ,;:()-]+[A-Za-z][A-Za-z'-]*){3,}/g)].map((m) => m[0]);
}
