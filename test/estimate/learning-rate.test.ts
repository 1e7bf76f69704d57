import { describe, expect, it } from "vitest";
import { formatLike } from "../../src/estimate/format-like.js";
import { cappedFactor, learningRateAdvice, type LearningRateInput } from "../../src/estimate/learning-rate.js";
import { defaultConfig } from "../../src/config.js";
import { optimizerFamily } from "../../src/estimate/optimizer-family.js";
import { readTraining } from "../../src/workload/read-training.js";
import { setting } from "./build-inputs.js";
import type { MessageId } from "../../src/report/messages/en.js";
import { translator } from "../../src/report/messages/translate.js";

/** The words a reviewer reads: the report catalogue's, since the estimate stage emits ids and numbers. */
const en = translator("en");

/**
 * The workload's optimizer for these settings, as analyze() reads it: the config's, the bot
 * config's, the framework's default.
 */
const optimizerOf = (settings: LearningRateInput["settings"], framework: string, hint?: "adamw" | "sgd" | "momentum") =>
  readTraining({
    entries: [],
    settings,
    file: "train.yaml",
    framework,
    config: { ...defaultConfig(), model: { ...defaultConfig().model, ...(hint ? { optimizer: hint } : {}) } },
  }).optimizer;

const advise = (o: Partial<LearningRateInput>) => {
  const framework = o.framework ?? "generic";
  const settings = o.settings ?? [];
  return learningRateAdvice({
    framework,
    role: "micro_batch",
    k: 2,
    learningRate: { before: 3e-4, after: 3e-4 },
    settings,
    optimizer: optimizerOf(settings, framework),
    ...o,
  });
};

describe("learning-rate rules", () => {
  it("Adam at ×2 with the LR unchanged: ×1.414 (square-root rule)", () => {
    const a = advise({
      settings: [
        setting("optimizer", "optimizer", "adamw"),
        setting("learning_rate", "learning_rate", 3e-4, 2, "3e-4"),
      ],
    });
    expect(a).toMatchObject({
      family: "adam",
      rule: "sqrt",
      status: "unchanged-needs-scaling",
      suggestedRaw: "4.24e-4",
    });
    expect(a.suggested!.value / 3e-4).toBeCloseTo(1.414, 3);
    expect(a.suggested!.source).toMatch(/Malladi/);
  });

  it("Adam's betas and epsilon follow Malladi et al.: β1 0.9 → 0.8, β2 0.999 → 0.998, ε ÷ √2", () => {
    const a = advise({ settings: [setting("optimizer", "optimizer", "adam")] });
    const adj = Object.fromEntries(a.adjustments.map((x) => [x.name, x.after]));
    expect(adj.beta1).toBeCloseTo(0.8, 10);
    expect(adj.beta2).toBeCloseTo(0.998, 10);
    expect(adj.epsilon).toBeCloseTo(1e-8 / Math.SQRT2, 20);
  });

  it("SGD with momentum at ×4: linear, ×4, with a warm-up", () => {
    const a = advise({
      k: 4,
      learningRate: { before: 0.1, after: 0.1 },
      settings: [
        setting("optimizer", "optimizer.type", "SGD"),
        setting("learning_rate", "optimizer.lr", 0.1, 2, "0.1"),
      ],
    });
    expect(a).toMatchObject({ family: "sgd", rule: "linear", suggestedRaw: "0.4" });
    expect(a.suggested!.value).toBeCloseTo(0.4, 12);
    expect(a.adjustments.map((x) => x.name)).toEqual(["warmup"]);
    expect(en.note(a.message)).toContain("Goyal et al. 2017");
  });

  it("halving the batch lowers the LR by the same rules", () => {
    const a = advise({
      k: 0.5,
      learningRate: { before: 0.02, after: 0.02 },
      settings: [setting("optimizer", "optim", "sgd"), setting("learning_rate", "lr", 0.02, 1, "0.02")],
    });
    expect(a.suggestedRaw).toBe("0.01");
  });

  it("an LR the PR already scaled is checked against the rule", () => {
    expect(
      advise({
        learningRate: { before: 3e-4, after: 4.2e-4 },
        settings: [setting("optimizer", "optim", "adamw_torch")],
      }).status,
    ).toBe("matches-rule");
    // Adam's best LR grows as B^α, 0.5 ≤ α < 1: linear is defensible too.
    expect(
      advise({ learningRate: { before: 3e-4, after: 6e-4 }, settings: [setting("optimizer", "optim", "adamw_torch")] })
        .status,
    ).toBe("matches-rule");
    const sgd = advise({
      learningRate: { before: 0.1, after: 0.1414 },
      settings: [setting("optimizer", "optim", "sgd")],
    });
    expect(sgd.status).toBe("differs-from-rule");
    expect(en.note(sgd.message)).toContain("suggests ×2");
  });

  it("the framework's default optimizer decides the rule: Hugging Face uses AdamW", () => {
    expect(advise({ framework: "huggingface" })).toMatchObject({ family: "adam", rule: "sqrt" });
    expect(advise({ framework: "detectron2" })).toMatchObject({ family: "sgd-momentum", rule: "linear" });
  });

  it("an unknown optimizer gets both rules and no single suggestion", () => {
    const a = advise({});
    expect(a).toMatchObject({ family: "unknown", status: "unknown" });
    expect(en.note(a.message)).toContain("by 2 for SGD");
    expect(en.note(a.message)).toContain("by 1.41 for Adam");
  });

  it("an unchanged effective batch needs no change", () => {
    expect(advise({ k: 1 }).status).toBe("not-needed");
    expect(advise({ k: null }).status).toBe("unknown");
  });

  it("near the critical batch the square-root rule is capped; far below it, it is not", () => {
    const a = advise({ framework: "huggingface", critical: { bCrit: 60, before: 32, after: 64 } });
    // (1 + 60/32)/(1 + 60/64) = 2.875/1.9375 = 1.484, √ = 1.218 vs 1.414: capped.
    expect(a.caveat!.id).toBe("lr-capped");
    expect(
      advise({ framework: "huggingface", critical: { bCrit: 1000, before: 256, after: 512 } }).caveat,
    ).toBeUndefined();
  });

  it("momentum SGD from 256 to 2048 past its critical batch: the linear rule is capped near B_crit", () => {
    const sgd = [
      setting("optimizer", "optimizer.type", "SGD"),
      setting("learning_rate", "optimizer.lr", 0.1, 2, "0.1"),
    ];
    const a = advise({
      k: 8,
      learningRate: { before: 0.1, after: 0.1 },
      settings: sgd,
      critical: { bCrit: 300, low: 150, high: 600, before: 256, after: 2048 },
    });
    // McCandlish et al. 2018 eq. 2.6: (1 + 300/256) / (1 + 300/2048) = 2.1719 / 1.1465 = 1.894.
    expect(a.suggested!.value / 0.1).toBeCloseTo(2.1719 / 1.1465, 3);
    expect(a.capped).toMatchObject({ uncapped: 8 });
    expect(a.caveat).toMatchObject({ id: "lr-capped", params: { factor: "1.89", uncapped: "8" } });
    expect(a.status).toBe("unchanged-needs-scaling");
  });

  it("an LR the PR raised by the capped factor matches the rule; one raised ×8 does not", () => {
    const sgd = [
      setting("optimizer", "optimizer.type", "SGD"),
      setting("learning_rate", "optimizer.lr", 0.2, 2, "0.2"),
    ];
    const critical = { bCrit: 300, low: 150, high: 600, before: 256, after: 2048 };
    expect(advise({ k: 8, learningRate: { before: 0.1, after: 0.2 }, settings: sgd, critical }).status).toBe(
      "matches-rule",
    );
    expect(advise({ k: 8, learningRate: { before: 0.1, after: 0.8 }, settings: sgd, critical }).status).toBe(
      "differs-from-rule",
    );
  });
});

describe("frameworks that scale the learning rate themselves", () => {
  it("mmengine auto_scale_lr enabled", () => {
    const a = advise({
      framework: "mmengine",
      settings: [
        setting("lr_scaling", "auto_scale_lr.enable", true, 40),
        setting("lr_scaling", "auto_scale_lr.base_batch_size", 16, 40),
      ],
    });
    expect(a.status).toBe("framework-scales");
    expect(a.frameworkScaling).toMatchObject({ key: "auto_scale_lr.enable", line: 40 });
  });

  it("mmengine auto_scale_lr disabled still gets the rule, and the hint to enable it", () => {
    const a = advise({
      framework: "mmengine",
      settings: [
        setting("lr_scaling", "auto_scale_lr.enable", false),
        setting("optimizer", "optim_wrapper.optimizer.type", "SGD"),
      ],
    });
    expect(a.status).toBe("unchanged-needs-scaling");
    expect(en.t(`scaling.${a.frameworkScaling!.mechanism}` as MessageId)).toContain("--auto-scale-lr");
  });

  it("timm with --lr unset derives the LR from --lr-base", () => {
    const lr = { ...setting("learning_rate", "lr", null), unknownReason: { id: "value.timmLrDerived" } as const };
    expect(
      advise({
        framework: "timm",
        learningRate: { before: null, after: null },
        settings: [lr, setting("lr_scaling", "lr_base", 0.1)],
      }).status,
    ).toBe("framework-scales");
  });

  it("timm with an explicit --lr does not scale it", () => {
    expect(
      advise({
        framework: "timm",
        settings: [setting("learning_rate", "lr", 3e-4), setting("lr_scaling", "lr_base", 0.1)],
      }).status,
    ).not.toBe("framework-scales");
  });

  it("detectron2 REFERENCE_WORLD_SIZE scales for a device change only", () => {
    const s = [
      setting("lr_scaling", "SOLVER.REFERENCE_WORLD_SIZE", 8),
      setting("learning_rate", "SOLVER.BASE_LR", 0.02),
    ];
    expect(advise({ framework: "detectron2", role: "devices", settings: s }).status).toBe("framework-scales");
    const byHand = advise({
      framework: "detectron2",
      role: "global_batch",
      learningRate: { before: 0.02, after: 0.02 },
      settings: s,
    });
    expect(byHand.status).toBe("unchanged-needs-scaling");
    expect(en.t(`scaling.${byHand.frameworkScaling!.mechanism}` as MessageId)).toContain(
      "only rescales for a different number of GPUs",
    );
  });

  it("latent-diffusion base_learning_rate is scaled by --scale_lr unless turned off", () => {
    expect(advise({ settings: [setting("learning_rate", "model.base_learning_rate", 4.5e-6)] }).status).toBe(
      "framework-scales",
    );
    expect(
      advise({
        settings: [
          setting("learning_rate", "model.base_learning_rate", 4.5e-6),
          setting("lr_scaling", "scale_lr", false),
        ],
      }).status,
    ).not.toBe("framework-scales");
  });

  it("Ultralytics: an effective batch held at nbs needs nothing, and says why", () => {
    const a = advise({ framework: "ultralytics", k: 1, settings: [setting("nominal_batch", "nbs", 64)] });
    expect(a.status).toBe("not-needed");
    expect(en.note(a.message)).toContain("nbs=64");
  });

  it("Ludwig learning_rate_scaling follows workers, not batch_size", () => {
    expect(
      advise({ role: "devices", settings: [setting("lr_scaling", "trainer.learning_rate_scaling", "linear")] }).status,
    ).toBe("framework-scales");
    expect(
      advise({ role: "micro_batch", settings: [setting("lr_scaling", "trainer.learning_rate_scaling", "linear")] })
        .status,
    ).not.toBe("framework-scales");
  });
});

describe("optimizer names and number style", () => {
  it("groups the workload's optimizer kinds by learning-rate rule", () => {
    const family = (name: string) =>
      optimizerFamily(optimizerOf([setting("optimizer", "optim", name)], "generic").value);
    expect(family("paged_adamw_8bit")).toBe("adam");
    expect(family("Lamb")).toBe("adam");
    expect(family("RMSprop")).toBe("adam");
    expect(family("SGD")).toBe("sgd");
    expect(family("nesterov_momentum")).toBe("sgd-momentum");
    expect(family("auto")).toBe("unknown");
    expect(optimizerFamily(null)).toBe("unknown");
  });

  it("a file's own optimizer wins over model.optimizer, which wins over the framework's default", () => {
    const own = [setting("optimizer", "optim", "sgd")];
    expect(optimizerFamily(optimizerOf(own, "huggingface", "adamw").value)).toBe("sgd");
    expect(optimizerFamily(optimizerOf([], "huggingface", "momentum").value)).toBe("sgd-momentum");
    expect(optimizerFamily(optimizerOf([], "huggingface").value)).toBe("adam");
  });

  it("writes the suggestion the way the user wrote theirs", () => {
    expect(formatLike(4.2426e-4, "3e-4")).toBe("4.24e-4");
    expect(formatLike(4.2426e-4, "0.0003")).toBe("0.000424");
    expect(formatLike(2.828e-4, "2e-04")).toBe("2.83e-04");
    expect(formatLike(0.02828, "'2e-2'")).toBe("'2.83e-2'");
    expect(formatLike(2.5e-5, "5.0E-5")).toBe("2.5E-5");
  });
});

describe("capping at the critical batch (McCandlish et al. 2018, eq. 2.6)", () => {
  it("is the plain rule far below B_crit and flat far above it", () => {
    expect(cappedFactor("linear", 1e9, { before: 32, after: 128 })).toBeCloseTo(4, 5);
    expect(cappedFactor("sqrt", 1e9, { before: 32, after: 128 })).toBeCloseTo(2, 5);
    expect(cappedFactor("linear", 1, { before: 1000, after: 8000 })).toBeCloseTo(1.00088, 4);
  });
});
