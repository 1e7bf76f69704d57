import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/proxy/seeded-random.js";

describe("seededRandom", () => {
  it("repeats the same sequence for the same seed and stream", () => {
    const a = seededRandom(7, "init");
    const b = seededRandom(7, "init");
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it("gives independent streams for different stream names and seeds", () => {
    expect(seededRandom(7, "init").next()).not.toBe(seededRandom(7, "order").next());
    expect(seededRandom(7, "init").next()).not.toBe(seededRandom(8, "init").next());
  });

  it("draws standard normals with mean ≈ 0 and variance ≈ 1", () => {
    const rng = seededRandom(1);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it("permutes every index exactly once", () => {
    const p = seededRandom(3).permutation(100);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
