/**
 * Levenshtein distance (insertions, deletions and substitutions each cost 1), two rows at a time.
 * @example editDistance("a100-80gb", "a100-40gb") // 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The `limit` display names whose keys are nearest to `query` by edit distance (ties broken by
 * name, so the answer is the same on every run). Each candidate may have several keys (id,
 * aliases); its nearest key counts.
 * @example closestNames("llama-3.2-2b", [{ name: "meta-llama/Llama-3.2-1B", keys: ["llama-3.2-1b"] }], 3)
 *   // ["meta-llama/Llama-3.2-1B"]
 */
export function closestNames(query: string, candidates: Array<{ name: string; keys: string[] }>, limit = 3): string[] {
  const q = query.toLowerCase();
  return candidates
    .map((c) => ({ name: c.name, distance: Math.min(...c.keys.map((k) => editDistance(q, k.toLowerCase()))) }))
    .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
    .slice(0, limit)
    .map((c) => c.name);
}
