import { describe, expect, it } from "vitest";
import {
  exponent,
  formatBytes,
  formatFactor,
  formatFactorRange,
  formatMs,
  formatNumber,
  formatPercentChange,
  formatRange,
} from "../../src/report/format-number.js";
import { quantityCell, ratioPhrase } from "../../src/report/format-quantity.js";
import { translator } from "../../src/report/messages/translate.js";
import { Footnotes } from "../../src/report/provenance.js";

describe("formatNumber", () => {
  it("keeps three significant digits and groups thousands", () => {
    expect(formatNumber(0.51724)).toBe("0.517");
    expect(formatNumber(1.0343)).toBe("1.03");
    expect(formatNumber(10000)).toBe("10,000");
    expect(formatNumber(524288)).toBe("524,288");
    expect(formatNumber(123.6)).toBe("124");
    expect(formatNumber(2.5)).toBe("2.5");
    expect(formatNumber(0.000141)).toBe("1.41e-4");
    expect(formatNumber(Number.NaN)).toBe("—");
  });

  it("writes learning rates the way configs do", () => {
    expect(exponent(0.0001)).toBe("1.0e-4");
    expect(exponent(1.414e-4)).toBe("1.41e-4");
  });
});

describe("formatBytes", () => {
  it("uses binary units with three significant digits", () => {
    expect(formatBytes(19327352832)).toBe("18.0 GiB");
    expect(formatBytes(536870912)).toBe("512 MiB");
    expect(formatBytes(12_000)).toBe("11.7 KiB");
    expect(formatBytes(512)).toBe("512 B");
  });
});

describe("factors, ranges and times", () => {
  it("formats factors and their intervals with one ×", () => {
    expect(formatFactor(1.9337)).toBe("1.93×");
    expect(formatFactor(12.04)).toBe("12×");
    expect(formatFactorRange(1.8, 2.1)).toBe("1.8–2.1×");
  });

  it("writes a unit once when both ends of a range share it", () => {
    expect(formatRange(24 * 2 ** 30, 29 * 2 ** 30, formatBytes)).toBe("24.0–29.0 GiB");
    expect(formatRange(900 * 2 ** 20, 2 * 2 ** 30, formatBytes)).toBe("900 MiB–2.00 GiB");
    expect(formatRange(0.49, 0.55)).toBe("0.49–0.55");
  });

  it("formats times and percentage changes", () => {
    expect(formatMs(12.345)).toBe("12.3 ms");
    expect(formatMs(2500)).toBe("2.5 s");
    expect(formatPercentChange(1.1)).toBe("+10%");
    expect(formatPercentChange(0.517)).toBe("−48%");
  });
});

describe("ratios in words", () => {
  const en = translator("en");
  const q = (value: number, extra: object = {}) => ({
    value,
    unit: "ratio" as const,
    source: "McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)",
    ...extra,
  });

  it("reads 0.517 as 1.93× fewer steps and 1.034 as 1.03× more examples", () => {
    expect(ratioPhrase(q(0.5172), "steps", { t: en })).toBe("1.93× fewer steps");
    expect(ratioPhrase(q(1.0343), "examples", { t: en })).toBe("1.03× more examples");
    expect(ratioPhrase(q(0.8), "time", { t: en })).toBe("1.25× less time");
    expect(ratioPhrase(q(1.002), "memory", { t: en })).toBe("about the same memory");
  });

  it("turns the interval of a ratio below 1 into an interval of factors, low to high", () => {
    expect(ratioPhrase(q(0.517, { low: 0.476, high: 0.556 }), "steps", { t: en })).toBe("1.93× fewer steps (1.8–2.1×)");
    expect(ratioPhrase(q(0.517, { low: 0.476, high: 0.556 }), "steps", { t: en, bare: true })).toBe(
      "1.93× fewer steps",
    );
  });

  it("gives an uncertain ratio as its range, never a point, and says uncertain when the range has no direction", () => {
    expect(ratioPhrase(q(0.62, { low: 0.3, high: 0.95, uncertain: true }), "steps", { t: en })).toBe(
      "1.05–3.33× fewer steps",
    );
    expect(ratioPhrase(q(0.62, { low: 0.3, high: 0.95, uncertain: true }), "steps", { t: translator("zh-TW") })).toBe(
      "訓練步數減為 1/3.33 到 1/1.05",
    );
    expect(ratioPhrase(q(1.2, { low: 0.8, high: 1.9, uncertain: true }), "steps", { t: en })).toBe(
      "steps: uncertain (×0.8–1.9)",
    );
    expect(ratioPhrase(q(0.62, { uncertain: true }), "steps", { t: translator("zh-TW") })).toBe("訓練步數：不確定");
  });

  it("puts the provenance marker after a table number", () => {
    const notes = new Footnotes(en, { description: "mlp on MNIST" });
    expect(quantityCell({ value: 5.2, low: 4.9, high: 5.7, unit: "ms", source: "measured" }, { t: en, notes })).toBe(
      "5.2 ms (4.9–5.7 ms)<sup>m</sup>",
    );
    expect(quantityCell(q(0.5, { uncertain: true, low: 0.1, high: 2 }), { t: en, notes })).toBe("×0.1–2<sup>1</sup>");
    expect(notes.legend()).toBe(
      "<sub>Where the numbers come from: <sup>m</sup> measured on the proxy (mlp " +
        "on MNIST) · <sup>1</sup> McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)</sub>",
    );
  });
});
