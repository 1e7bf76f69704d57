import { describe, expect, it } from "vitest";
import { ALPHABET, charsCsv, CONTEXT, digitsCsv, syntheticText } from "../../bench/tasks/generate-tasks.js";
import { seededRandom } from "../../src/proxy/seeded-random.js";

describe("digitsCsv", () => {
  it("averages each 3×3 block of the 24×24 centre into 17 grey levels and keeps the label", () => {
    const images = new Float32Array(784);
    // A full-white block at rows/columns 2…4 (block 0,0) and nothing in the 2-pixel border counted.
    for (let r = 2; r < 5; r++) for (let c = 2; c < 5; c++) images[r * 28 + c] = 1;
    images[0] = 1;
    const [header, row] = digitsCsv({ images, labels: Int32Array.from([7]), count: 1 }, seededRandom(1))
      .trim()
      .split("\n");
    expect(header.split(",")).toHaveLength(65);
    const cells = row.split(",").map(Number);
    expect(cells[0]).toBe(16);
    expect(cells.slice(1, 64).every((v) => v === 0)).toBe(true);
    expect(cells[64]).toBe(7);
  });
});

describe("charsCsv", () => {
  it("one-hot encodes the previous characters, nearest first, and labels the next one", () => {
    const [header, row] = charsCsv("abc d", 1).trim().split("\n");
    expect(header.split(",")).toHaveLength(CONTEXT * ALPHABET.length + 1);
    const cells = row.split(",").map(Number);
    const hot = (k: number, ch: string) => cells[(k - 1) * ALPHABET.length + ALPHABET.indexOf(ch)];
    expect([hot(1, "c"), hot(2, "b"), hot(3, "a")]).toEqual([1, 1, 1]);
    expect(cells.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(CONTEXT);
    expect(cells.at(-1)).toBe(ALPHABET.indexOf(" "));
  });

  it("draws the same text for the same seed, from the alphabet only", () => {
    const text = syntheticText(500, seededRandom(7, "chars"));
    expect(text).toBe(syntheticText(500, seededRandom(7, "chars")));
    expect(text).toHaveLength(500);
    expect([...text].every((ch) => ALPHABET.includes(ch))).toBe(true);
  });
});
