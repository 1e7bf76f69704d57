/**
 * The known key a misspelt or misplaced key most likely meant: a sibling within a small edit
 * distance first, then the same name elsewhere in the schema (`budget` → `memory.budget`).
 * @example suggestKey("memory.budgett", ["memory.budget", "memory.level"]) // "memory.budget"
 */
export function suggestKey(path: string, known: string[]): string | undefined {
  const segments = path.split(".");
  const name = segments[segments.length - 1];
  const parent = segments.slice(0, -1).join(".");
  const siblings = known.filter((k) => k.slice(0, Math.max(0, k.lastIndexOf("."))) === parent);
  let best: { key: string; distance: number } | undefined;
  for (const key of siblings) {
    const distance = editDistance(name.toLowerCase(), lastSegment(key).toLowerCase());
    if (distance <= Math.max(2, Math.floor(name.length / 3)) && (!best || distance < best.distance))
      best = { key, distance };
  }
  if (best) return best.key;
  const normal = (s: string) => s.toLowerCase().replace(/[_-]/g, "");
  return known.find((k) => normal(lastSegment(k)) === normal(name));
}

/** Sibling keys allowed beside `path`, for the message when nothing is close. */
export function siblingKeys(path: string, known: string[]): string[] {
  const depth = path.split(".").length;
  const parent = path.split(".").slice(0, -1).join(".");
  return known
    .filter((k) => k.split(".").length === depth && k.startsWith(parent ? `${parent}.` : ""))
    .map(lastSegment);
}

function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf(".") + 1);
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
