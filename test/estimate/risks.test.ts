import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config.js";
import { estimateConvergence } from "../../src/estimate/convergence.js";
import { quantity } from "../../src/estimate/quantity.js";
import { risks, type RiskInput } from "../../src/estimate/risks.js";
import { measurements } from "./build-inputs.js";
import { translator } from "../../src/report/messages/translate.js";

/** The words a reviewer reads: the report catalogue's, since the estimate stage emits ids and numbers. */
const en = translator("en");

const thresholds = defaultConfig().thresholds;
const convergence = (bCrit: number, before: number, after: number) =>
  estimateConvergence({
    bCrit: quantity(bCrit, "examples", "x"),
    source: "noise-scale",
    frame: { unit: "samples", before, after, how: "stand-in" },
  });
const ids = (o: Partial<RiskInput>) =>
  risks({
    unknown: [],
    microBatch: { before: 32, after: 64 },
    memory: { peak: { basis: "none" }, notes: [] },
    measurements: measurements(),
    thresholds,
    ...o,
  }).map((r) => r.id);

describe("risks", () => {
  it("a new batch well past B_crit flags diminishing returns and the generalisation gap", () => {
    const r = risks({
      unknown: [],
      microBatch: { before: 512, after: 4096 },
      memory: { peak: { basis: "none" }, notes: [] },
      convergence: convergence(900, 512, 4096),
      measurements: measurements(),
      thresholds,
    });
    expect(r.find((x) => x.id === "past-critical-batch")).toMatchObject({
      level: "warn",
      source: "McCandlish et al. 2018",
    });
    expect(r.find((x) => x.id === "generalisation-gap")).toMatchObject({ level: "info", source: "Keskar et al. 2017" });
  });

  it("a batch below B_crit raises no large-batch flag", () => {
    expect(ids({ convergence: convergence(900, 32, 64) })).not.toContain("past-critical-batch");
  });

  it("lowering the batch past B_crit is not a large-batch risk", () => {
    expect(ids({ convergence: convergence(100, 4096, 2048) })).not.toContain("past-critical-batch");
  });

  it("a very small per-device batch is noted", () => {
    expect(ids({ microBatch: { before: 16, after: 4 } })).toContain("very-small-batch");
    expect(ids({ microBatch: { before: 4, after: 8 } })).not.toContain("very-small-batch");
  });

  it("over budget carries the budget's level", () => {
    const memory = {
      peak: { basis: "calibration" as const },
      notes: [],
      budget: {
        budget: "40GiB",
        kind: "absolute" as const,
        limit: 1,
        level: "error" as const,
        status: "error" as const,
        message: { id: "budget-over", text: "over" },
      },
    };
    expect(
      risks({ unknown: [], microBatch: { before: 1, after: 2 }, memory, measurements: measurements(), thresholds })[0],
    ).toMatchObject({ id: "over-budget", level: "error" });
  });

  it("unknown parts of the effective batch are a warning that counts them (the report names them)", () => {
    const r = risks({
      unknown: [{ devicesFrom: { id: "devices.launcher" } }],
      microBatch: { before: 32, after: 64 },
      memory: { peak: { basis: "none" }, notes: [] },
      measurements: measurements(),
      thresholds,
    });
    expect(r[0]).toMatchObject({ id: "unknown-batch-parts", level: "warn", params: { count: 1 } });
    expect(en.note(r[0])).toContain("Part of the effective batch is unknown");
  });

  it("a partial or missing proxy run is flagged", () => {
    expect(
      ids({ measurements: measurements({ partial: true, partialReason: "time budget hit during noise" }) }),
    ).toContain("proxy-partial");
    expect(ids({ measurements: undefined })).toContain("proxy-missing");
  });

  it("a noise scale taken early in training is flagged", () => {
    const early = measurements({
      noise: { bSmall: 32, bBig: 256, bSimple: 40, interval: [30, 50], atLoss: 2.0, initialLoss: 2.3, samples: [] },
    });
    expect(ids({ measurements: early, convergence: convergence(40, 32, 64) })).toContain("noise-scale-early");
    expect(ids({ convergence: convergence(900, 32, 64) })).not.toContain("noise-scale-early");
  });
});

describe("BatchNorm statistics follow the per-device batch", () => {
  const base = {
    unknown: [],
    memory: { peak: { basis: "none" }, notes: [] } as RiskInput["memory"],
    measurements: measurements(),
    thresholds,
  };

  it("a BatchNorm model whose per-device batch changes is told so; below 16 per device it warns", () => {
    const info = risks({ ...base, batchNorm: true, microBatch: { before: 32, after: 64 } }).find(
      (r) => r.id === "batchnorm-statistics",
    )!;
    expect(info).toMatchObject({ level: "info", params: { before: 32, after: 64, small: 0 } });
    const warn = risks({ ...base, batchNorm: true, microBatch: { before: 32, after: 8 } }).find(
      (r) => r.id === "batchnorm-statistics",
    )!;
    expect(warn).toMatchObject({ level: "warn", source: "Wu & He 2018" });
  });

  it("no BatchNorm, or the same per-device batch, says nothing about it", () => {
    expect(risks({ ...base, batchNorm: false, microBatch: { before: 32, after: 8 } }).map((r) => r.id)).not.toContain(
      "batchnorm-statistics",
    );
    expect(risks({ ...base, batchNorm: true, microBatch: { before: 32, after: 32 } }).map((r) => r.id)).not.toContain(
      "batchnorm-statistics",
    );
  });
});
