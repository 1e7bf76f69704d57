import { describe, expect, it } from "vitest";
import { speedModelComparison, MEDIAN_ERROR_GOAL } from "../../bench/speed-model.js";
import { UTILIZATION_ANCHORS } from "../../src/estimate/achievable-utilization.js";
import { PUBLISHED_RUNS } from "../../bench/speed-model-rows.js";

describe("speed model against published throughput", () => {
  it("has at least six published runs, each with its source, none of them an anchor of the curve", () => {
    expect(PUBLISHED_RUNS.length).toBeGreaterThanOrEqual(6);
    for (const run of PUBLISHED_RUNS) {
      expect(run.url).toMatch(/^https:\/\//);
      expect(run.source.length).toBeGreaterThan(10);
      const anchor = UTILIZATION_ANCHORS.some(
        (a) =>
          a.gpu === run.gpu &&
          a.hidden === run.model.hidden &&
          a.seqLen === run.seqLen &&
          a.microBatch === run.microBatch &&
          !run.checkpointing,
      );
      expect(anchor, run.name).toBe(false);
    }
  });

  it("predicts step time with a median error within the goal", () => {
    const result = speedModelComparison();
    expect(result.medianError).toBeLessThanOrEqual(MEDIAN_ERROR_GOAL);
  });
});
