import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/advisor.js";
import { defaultConfig } from "../../../src/config.js";
import { DETECTION_REASONS } from "../../../src/report/messages/detection-reasons.js";
import { DEVICES_FROM } from "../../../src/report/messages/launcher-devices.js";
import { DETECTION_WARNINGS } from "../../../src/report/messages/detection-warnings.js";
import { CONFIG_ISSUES } from "../../../src/report/messages/config-issues.js";
import { SKIP_REASONS } from "../../../src/report/messages/skip-reasons.js";
import { SOURCE_SKIPS } from "../../../src/report/messages/source-skips.js";
import { BACKEND_SKIPS, DATA_DESCRIPTIONS } from "../../../src/report/messages/proxy-words.js";
import { PARSE_PROBLEMS } from "../../../src/report/messages/parse-errors.js";
import type { ReasonCatalogue } from "../../../src/report/messages/reason-words.js";
import { translator } from "../../../src/report/messages/translate.js";
import { WORKLOAD_REASONS } from "../../../src/report/messages/workload-reasons.js";
import { renderComment } from "../../../src/report/render-comment.js";
import { MemorySource } from "../../../src/source/memory-source.js";
import { englishRuns } from "../english-runs.js";

/** The ids a stage's reason interface declares (`"default.key": { … };`), read from its source. */
function declaredIds(path: string): string[] {
  const source = readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
  return [...source.matchAll(/^\s*"([a-zA-Z0-9.]+)": /gm)].map((m) => m[1]).sort();
}

/** Ids a catalogue words in some language but not in every one. */
function missingLanguages(catalogue: ReasonCatalogue<Record<string, unknown>>, ids: string[]): string[] {
  return Object.entries(catalogue).flatMap(([language, words]) =>
    ids.filter((id) => typeof (words as Record<string, unknown>)[id] !== "function").map((id) => `${language}: ${id}`),
  );
}

/** Plain parameters for every placeholder a reason may take. */
const SAMPLE = {
  key: "optim",
  value: "adamw_torch",
  file: "ds.json",
  name: "acme/x",
  who: "LitGPT",
  rank: 8,
  modules: "q, v",
  model: "acme/x",
  trainable: 2,
  layers: 16,
  role: "tensor_parallel",
};
const plain = { code: (s: string | number) => `\`${s}\``, text: (s: string | number) => String(s) };

describe("reason catalogues", () => {
  const workloadIds = declaredIds("src/workload/reason.ts");

  it("word every workload reason id in English and Traditional Chinese", () => {
    expect(workloadIds.length).toBeGreaterThan(40);
    expect(workloadIds).toEqual(expect.arrayContaining(["default.key", "unknown.devices", "derived.lora"]));
    expect(missingLanguages(WORKLOAD_REASONS as never, workloadIds)).toEqual([]);
    expect(Object.keys(WORKLOAD_REASONS["zh-TW"]).sort()).toEqual(Object.keys(WORKLOAD_REASONS.en).sort());
  });

  it("the completeness check fails when a language lacks an id", () => {
    const { "default.key": _, ...rest } = WORKLOAD_REASONS["zh-TW"];
    const broken = { ...WORKLOAD_REASONS, "zh-TW": rest };
    expect(missingLanguages(broken as never, workloadIds)).toEqual(["zh-TW: default.key"]);
  });

  it("say every workload reason in Chinese without an English sentence, and differently from English", () => {
    const zh = translator("zh-TW");
    const en = translator("en");
    for (const id of workloadIds) {
      const say = (t: typeof zh) =>
        (WORKLOAD_REASONS[t.language] as Record<string, (p: unknown, q: typeof plain, t: unknown) => string>)[id](
          SAMPLE,
          plain,
          t,
        );
      expect(englishRuns(say(zh)), id).toEqual([]);
      expect(say(zh), id).not.toBe(say(en));
    }
  });
});

/** Plain parameters for every placeholder a detection reason may take. */
const DETECTION_SAMPLE = {
  ...SAMPLE,
  name: "BS",
  expr: "${data.bs}",
  max: 10,
  key: "data.bs",
  value: "auto",
  token: "@",
  values: "8 16",
  override: "~trainer.devices",
  flag: "--gres",
  percent: 70,
  message: "unclosed (",
  op: "<<",
  from: "base",
  kind: "function",
  param: "bs",
  fn: "get_bs",
  field: "bs",
  file: "base.libsonnet",
  depth: 3,
  files: 20,
  error: "unexpected }",
  part: "micro_batch",
  devices: 6,
  parallel: 4,
  reference: 8,
  global: 16,
  what: "torchrun --nproc_per_node",
  a: "torchrun --nproc_per_node",
  b: "accelerate launch --num_processes",
  c: "deepspeed --num_gpus",
  example: "8xb32",
};

describe("detection reason catalogues", () => {
  const ids = declaredIds("src/detect/reason.ts");
  const families = [
    ["reasons", DETECTION_REASONS],
    ["device sources", DEVICES_FROM],
  ] as const;

  it("word every detection reason and device source in English and Traditional Chinese", () => {
    expect(ids.length).toBeGreaterThan(100);
    expect(ids).toEqual(expect.arrayContaining(["value.env", "value.importMissing", "devices.launcher"]));
    const worded = families.flatMap(([, c]) => Object.keys(c.en));
    expect(worded.sort()).toEqual(ids);
    for (const [, catalogue] of families) {
      const own = ids.filter((id) => id in catalogue.en);
      expect(missingLanguages(catalogue as never, own)).toEqual([]);
      expect(Object.keys(catalogue["zh-TW"]).sort()).toEqual(Object.keys(catalogue.en).sort());
    }
  });

  it("say every detection reason in Chinese without an English sentence, and differently from English", () => {
    const zh = translator("zh-TW");
    const en = translator("en");
    for (const [, catalogue] of families)
      for (const id of Object.keys(catalogue.en)) {
        const say = (t: typeof zh) =>
          (catalogue[t.language] as Record<string, (p: unknown, q: typeof plain, t: unknown) => string>)[id](
            DETECTION_SAMPLE,
            plain,
            t,
          );
        expect(englishRuns(say(zh)), id).toEqual([]);
        // A bare command or key (devices.from) is the same in both languages.
        if (id !== "devices.from") expect(say(zh), id).not.toBe(say(en));
      }
  });
});

/** Plain parameters for every placeholder a detection warning may take. */
const WARNING_SAMPLE = {
  globalKey: "train_batch_size",
  global: 256,
  microKey: "train_micro_batch_size_per_gpu",
  accumKey: "gradient_accumulation_steps",
  micro: 8,
  accum: 4,
  devices: 4,
  keys: "parallelism.dp",
  stated: 8,
  modelParallel: 2,
  line: 3,
  comment: "batch size 8",
  key: "per_device_train_batch_size",
  value: 16,
  file: "conf/train.yaml",
  inherited: "conf/base.yaml",
  depth: 10,
  files: 50,
};

describe("detection warning catalogue", () => {
  const ids = declaredIds("src/detect/warning.ts");

  it("words every detection warning in English and Traditional Chinese", () => {
    expect(ids).toEqual(expect.arrayContaining(["warning.conflict", "warning.comment", "warning.inheritedError"]));
    expect(Object.keys(DETECTION_WARNINGS.en).sort()).toEqual(ids);
    expect(missingLanguages(DETECTION_WARNINGS as never, ids)).toEqual([]);
  });

  it("says every warning in Chinese without an English sentence, and differently from English", () => {
    const zh = translator("zh-TW");
    const en = translator("en");
    for (const id of ids) {
      const say = (t: typeof zh) =>
        (DETECTION_WARNINGS[t.language] as Record<string, (p: unknown, q: typeof plain, t: unknown) => string>)[id](
          WARNING_SAMPLE,
          plain,
          t,
        );
      expect(englishRuns(say(zh)), id).toEqual([]);
      // An inherited file's parse error is its file name; the error that follows is worded on its own.
      if (id !== "warning.inheritedError") expect(say(zh), id).not.toBe(say(en));
    }
  });
});

/** Catalogues of one small family each: the interface that declares the ids, and a sample of every parameter. */
const SMALL_FAMILIES = [
  {
    name: "bot-config issues",
    declared: "src/config/config-issue.ts",
    catalogue: CONFIG_ISSUES,
    sample: {
      guess: "memory.budget",
      allowed: "en, zh-TW",
      value: '"fr"',
      detail: "expected a number",
      file: "x.yml",
      what: "criticalBatch",
      units: "B, KB, MB",
      path: "sample",
      example: "A100-80GB",
      requirement: ">=0.45.2,<0.46",
      closest: "A100-80GB",
      known: "A100-80GB, H100-80GB",
      field: "runs.0.stepSeconds",
      at: "12",
      max: 1048576,
    },
  },
  { name: "skip reasons", declared: "src/detect/skip-reason.ts", catalogue: SKIP_REASONS, sample: { max: 32 } },
  {
    name: "source skips",
    declared: "src/source/source-skip.ts",
    catalogue: SOURCE_SKIPS,
    sample: { kind: "fifo", size: "2.5", max: "1", code: "EACCES" },
  },
  {
    name: "proxy backend skips",
    declared: "src/proxy/backend-skip.ts",
    catalogue: BACKEND_SKIPS,
    sample: {
      pkg: "@tensorflow/tfjs-node",
      error: "The Node.js native addon module can not be found",
      version: "4.22.0",
      dir: "node_modules/@tensorflow/tfjs-backend-wasm/dist",
      source: "node_modules",
      missing: "tfjs-backend-wasm.wasm",
      backend: "wasm",
    },
  },
  {
    name: "proxy data descriptions",
    declared: "src/proxy/data/data-description.ts",
    catalogue: DATA_DESCRIPTIONS,
    sample: {
      train: 9000,
      held: 1000,
      features: 32,
      classes: 3,
      noise: 0.1,
      examples: 4096,
      vocab: 32,
      length: 64,
      entropy: "1.23",
      sequences: 2048,
      outputs: 1,
      file: "data/sample.csv",
      rows: 500,
      total: 500,
      label: "species",
      task: "classification",
    },
  },
  {
    name: "parse problems",
    declared: "src/detect/parse-problem.ts",
    catalogue: PARSE_PROBLEMS,
    sample: {
      format: "YAML",
      detail: "Implicit map keys need to be followed by map values",
      count: 3,
      size: "2.5",
      max: 2,
      open: "$(",
      at: "model.layers",
    },
  },
] as const;

describe.each(SMALL_FAMILIES)("$name", ({ declared, catalogue, sample }) => {
  const ids = declaredIds(declared);

  it("words every id in English and Traditional Chinese", () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(Object.keys(catalogue.en).sort()).toEqual(ids);
    expect(missingLanguages(catalogue as never, ids)).toEqual([]);
  });

  it("says every id in Chinese without an English sentence, and differently from English", () => {
    for (const id of ids) {
      const say = (t: ReturnType<typeof translator>) =>
        (catalogue[t.language] as Record<string, (p: unknown, q: typeof plain, t: unknown) => string>)[id](
          sample,
          plain,
          t,
        );
      expect(englishRuns(say(translator("zh-TW"))), id).toEqual([]);
      expect(say(translator("zh-TW")), id).not.toBe(say(translator("en")));
    }
  });
});

describe("a zh-TW comment on a workload read from framework defaults", () => {
  it("words the framework's defaults in Chinese; only keys and names stay English", async () => {
    const head = "model_name_or_path: meta-llama/Llama-3.2-1B\nmax_seq_length: 2048\nper_device_train_batch_size: 32\n";
    const base = head.replace("32", "8");
    // Devices from the bot config: detection's own reasons (a launcher's devices) are not this test's subject.
    const config = { ...defaultConfig(), language: "zh-TW" as const, devices: 1, hardware: { gpu: "A100-80GB" } };
    const report = await analyze(new MemorySource({ base: { "sft.yaml": base }, head: { "sft.yaml": head } }), config, {
      noProxy: true,
    });
    const comment = renderComment(report);
    expect(report.groups[0].estimate.workload?.optimizer.source).toMatchObject({
      kind: "default",
      what: { id: "default.key", params: { key: "TrainingArguments.optim", value: "adamw_torch" } },
    });
    expect(comment).toContain("`TrainingArguments.optim` 預設為 `adamw_torch`");
    expect(comment).not.toMatch(/defaults to|is not set|no packing/);
    expect(englishRuns(comment)).toEqual([]);
  });
});
