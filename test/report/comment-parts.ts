import type { Language } from "../../src/config/schema.js";

/** What a reviewer sees without opening anything: the comment with every `<details>` block and the hidden marker
 * removed. */
export function aboveTheFold(markdown: string): string {
  let text = markdown.replace(/<!--[\s\S]*?-->/g, "");
  // Folds nest (the memory parts inside a finding's details): remove innermost first.
  while (/<details>(?:(?!<details>)[\s\S])*?<\/details>/.test(text))
    text = text.replace(/<details>(?:(?!<details>)[\s\S])*?<\/details>/g, "");
  return text.trim();
}

/** The one table above the fold, and the prose around it. */
export function split(markdown: string): { tables: string[]; prose: string } {
  const blocks = aboveTheFold(markdown).split(/\n\n+/);
  const isTable = (b: string) => b.split("\n").every((l) => l.startsWith("|"));
  return { tables: blocks.filter(isTable), prose: blocks.filter((b) => !isTable(b)).join("\n\n") };
}

/** Words of English prose; for Chinese, each two CJK characters count as a word (the usual reading-length equivalence),
 * Latin tokens as one. */
export function words(prose: string, language: Language): number {
  const text = prose.replace(/<[^>]+>/g, " ").replace(/[*`]/g, "");
  const latin = text.replace(/[\u3000-\u9fff\uff00-\uffef]/g, " ").match(/[^\s—–:;,.()（）]+/g)?.length ?? 0;
  if (language === "en") return latin;
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return latin + Math.ceil(cjk / 2);
}
