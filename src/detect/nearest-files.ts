/**
 * The files matching a pattern, those sharing the longest folder prefix with any of `near` first,
 * at most `limit`: where a search must stop early (each read is an API call through the GitHub
 * source), the files most likely to refer to each other are read first.
 * @example nearestFiles({ files, pattern: /\.sh$/, near: ["recipes/sft.yaml"], limit: 100 })
 */
export function nearestFiles(args: { files: string[]; pattern: RegExp; near: string[]; limit: number }): string[] {
  const closeness = (f: string) => Math.max(0, ...args.near.map((n) => sharedFolders(f, n)));
  return args.files
    .filter((f) => args.pattern.test(f))
    .map((f) => ({ f, near: closeness(f) }))
    .sort((a, b) => b.near - a.near)
    .slice(0, args.limit)
    .map((c) => c.f);
}

function sharedFolders(a: string, b: string): number {
  const x = a.split("/").slice(0, -1);
  const y = b.split("/").slice(0, -1);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}
