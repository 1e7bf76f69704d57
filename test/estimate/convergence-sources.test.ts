import { describe, expect, it } from "vitest";
import { stepsRatio } from "../../src/estimate/convergence.js";
import { convergenceFromSources, KAPLAN_SPREAD, STAND_IN_SPREAD } from "../../src/estimate/convergence-sources.js";
import {
  kaplanCriticalBatch,
  NOISE_TO_CRITICAL_HIGH,
  NOISE_TO_CRITICAL_LOW,
} from "../../src/estimate/critical-batch.js";
import { measurements } from "./build-inputs.js";

const user = { unit: "samples" as const, before: 256, after: 2048 };
const builtIn = measurements(); // an mlp on MNIST, B_simple 900 [700, 1100]
const usersModel = measurements({ plan: { ...builtIn.plan, model: { kind: "user", topologyPath: "model.json" } } });

describe("convergence sources, most trusted first", () => {
  it("the user's own critical batch wins over every proxy, in the user's own batch sizes", () => {
    const c = convergenceFromSources({
      user,
      own: { criticalBatch: 4096 },
      proxy: { m: usersModel, before: 256, after: 2048 },
    })!;
    expect(c).toMatchObject({
      basis: "your-measurement",
      source: "your-critical-batch",
      frame: { before: 256, after: 2048 },
    });
    expect(c.stepsRatio.value).toBeCloseTo(stepsRatio(4096, 256, 2048), 12);
    expect(c.alternatives!.map((a) => a.basis)).toEqual(["your-proxy"]);
  });

  it("a measured noise scale carries the same B_simple → B_crit interval as the proxy's", () => {
    const c = convergenceFromSources({ user, own: { noiseScale: 1000 } })!;
    expect(c.bCrit).toMatchObject({
      value: 1000,
      low: NOISE_TO_CRITICAL_LOW * 1000,
      high: NOISE_TO_CRITICAL_HIGH * 1000,
    });
  });

  it("the user's own model as the proxy is about this task: its regime is said", () => {
    const c = convergenceFromSources({ user, proxy: { m: usersModel, before: 256, after: 2048 } })!;
    expect(c.basis).toBe("your-proxy");
    expect(c.frame).toMatchObject({ how: "your-proxy-same", before: 256, after: 2048 });
    expect(c.notes.map((n) => n.id)).toEqual(["convergence-position-past"]);
  });

  it(
    "Kaplan's law for a language model with a known loss comes before the " + "stand-in, with its factor-3 interval",
    () => {
      const tokens = { before: 256 * 2048, after: 2048 * 2048 };
      const c = convergenceFromSources({ user, loss: 3, tokens, proxy: { m: builtIn, before: 256, after: 2048 } })!;
      const b = kaplanCriticalBatch(3);
      expect(c).toMatchObject({
        basis: "published-law",
        source: "kaplan",
        frame: { unit: "tokens", before: tokens.before },
      });
      expect(c.bCrit.low).toBeCloseTo(b / KAPLAN_SPREAD, 6);
      expect(c.alternatives!.map((a) => a.basis)).toEqual(["stand-in"]);
    },
  );

  it("no published law applies to fine-tuning: the stand-in is used and fine-tuning is named as its own regime", () => {
    const c = convergenceFromSources({
      user,
      loss: 1.2,
      tokens: { before: 1, after: 8 },
      fineTuning: true,
      proxy: { m: builtIn, before: 256, after: 2048 },
    })!;
    expect(c.basis).toBe("stand-in");
    expect(c.notes.map((n) => n.id)).toContain("convergence-fine-tuning");
  });

  it("the bundled proxy is a labelled stand-in: 10× wider interval, no regime for the user's batch", () => {
    const c = convergenceFromSources({ user, proxy: { m: builtIn, before: 256, after: 2048 } })!;
    expect(c.basis).toBe("stand-in");
    expect(c.bCrit.low).toBeCloseTo((NOISE_TO_CRITICAL_LOW * 700) / STAND_IN_SPREAD, 6);
    expect(c.bCrit.high).toBeCloseTo(NOISE_TO_CRITICAL_HIGH * 1100 * STAND_IN_SPREAD, 6);
    expect(c.notes.map((n) => n.id)).toEqual(["convergence-stand-in"]);
    expect([c.stepsRatio.uncertain, c.examplesRatio.uncertain]).toEqual([true, true]);
    expect(c.notes[0].params).toMatchObject({ task: "mlp on mnist" });
  });

  it("the stand-in's label does not depend on the plan: quick and default plans say the same", () => {
    const quick = convergenceFromSources({ user, proxy: { m: builtIn, before: 16, after: 128 } })!;
    const full = convergenceFromSources({ user, proxy: { m: builtIn, before: 32, after: 256 } })!;
    expect(quick.notes.map((n) => n.id)).toEqual(full.notes.map((n) => n.id));
  });

  it(
    "an unresolved noise scale still bounds B_crit from below, and the steps " +
      "ratio spans perfect scaling to the bound",
    () => {
      const m = measurements({
        plan: usersModel.plan,
        noise: { ...builtIn.noise!, bSimple: Number.POSITIVE_INFINITY, interval: [48_000, Number.POSITIVE_INFINITY] },
      });
      const c = convergenceFromSources({
        user: { unit: "samples", before: 32, after: 64 },
        proxy: { m, before: 32, after: 64 },
      })!;
      expect(c.lowerBound).toBe(true);
      expect(c.bCrit.value).toBe(4800);
      expect(c.stepsRatio.low).toBe(0.5);
      expect(c.stepsRatio.high).toBeCloseTo(stepsRatio(4800, 32, 64), 12);
      expect(c.notes[0]).toMatchObject({ id: "convergence-lower-bound", params: { bCrit: 4800 } });
    },
  );

  it("with nothing to go on there is no convergence estimate", () => {
    expect(convergenceFromSources({ user })).toBeUndefined();
  });
});
