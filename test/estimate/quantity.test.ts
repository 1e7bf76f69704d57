import { describe, expect, it } from "vitest";
import { combine, isTooWide, mapQuantity, markUncertain, quantity } from "../../src/estimate/quantity.js";

describe("quantities", () => {
  it("sorts an interval and keeps the value inside it", () => {
    expect(quantity(5, "ratio", "x", { low: 6, high: 2 })).toMatchObject({ low: 2, high: 6 });
    expect(quantity(5, "ratio", "x", { low: Number.NaN, high: 2 }).low).toBeUndefined();
  });

  it("a decreasing function swaps the ends", () => {
    const q = mapQuantity(quantity(2, "ratio", "x", { low: 1, high: 4 }), (x) => 1 / x, "ratio", "y");
    expect(q).toMatchObject({ value: 0.5, low: 0.25, high: 1, source: "y" });
  });

  it("a quotient takes the extreme combinations", () => {
    const q = combine(quantity(10, "ms", "m", { low: 9, high: 11 }), quantity(5, "ms", "m", { low: 4, high: 6 }), {
      unit: "ratio",
      source: "m",
      divide: true,
    });
    expect(q).toMatchObject({ value: 2, low: 1.5, high: 2.75 });
  });

  it("marks too-wide intervals anywhere in a tree", () => {
    const tree = {
      a: quantity(1, "ratio", "x", { low: 0.2, high: 1.1 }),
      b: [{ c: quantity(1, "ratio", "x", { low: 0.9, high: 1.1 }) }],
    };
    markUncertain(tree, 2);
    expect(tree.a.uncertain).toBe(true);
    expect(tree.b[0].c.uncertain).toBeUndefined();
    expect(isTooWide(quantity(1, "ratio", "x"), 2)).toBe(false);
  });
});
