/**
 * Every number in a text, as written, sorted: what two languages must both say. 1/1.93 reads as
 * the factor 1.93, the way zh-TW says "1.93× fewer"; "∝ 1/batch" is said in words in zh-TW; a
 * list's separator is not part of a number.
 * @example numbers("1.93× fewer steps, 64 → 128") // ["1.93", "128", "64"]
 */
export function numbers(text: string): string[] {
  return (text.replace(/1\//g, "").match(/\d+(?:,\d{3})*(?:\.\d+)?(?:e-?\d+)?/g) ?? []).sort();
}
