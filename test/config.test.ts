import { describe, expect, it } from "vitest";
import { configSchema } from "../src/config/schema.js";
import { defaultConfig, loadConfig, parseBytes, parseCount, parseRelative } from "../src/config.js";

const messages = (text: string) => loadConfig(text, ".github/batch-advisor.yml").errors.map((e) => e.message);

describe("loadConfig", () => {
  it("an empty file gives every default and no errors", () => {
    const { config, errors } = loadConfig("");
    expect(errors).toEqual([]);
    expect(config).toEqual(defaultConfig());
    expect(config.language).toBe("en");
    expect(config.memory.level).toBe("warn");
    expect(config.proxy).toEqual({ model: "auto", data: "auto", timeBudget: 30, backend: "auto", seed: 42 });
    expect(config.thresholds.uncertainRatio).toBe(2);
    expect(config.files.some((g) => g.includes("yaml"))).toBe(true);
  });

  it("reads a full configuration", () => {
    const { config, errors } = loadConfig(`
files: ["configs/**/*.yaml"]
devices: 8
language: zh-TW
memory:
  budget: 80GB
  level: error
  calibration: { batch: 32, peak: 18GiB }
model:
  parameters: 1.5B
  hidden: 1600
  layers: 48
  heads: 25
  seqLen: 1024
  vocab: 50257
  precision: mixed
  optimizer: adamw
  zeroStage: 2
proxy: { model: transformer, data: tokens, timeBudget: 20, backend: wasm, seed: 7 }
thresholds: { uncertainRatio: 3, largeBatchFactor: 4 }
`);
    expect(errors).toEqual([]);
    expect(config.devices).toBe(8);
    expect(config.memory.budget).toEqual({ raw: "80GB", kind: "absolute", value: 80e9 });
    expect(config.memory.calibration).toEqual({ batch: 32, peak: { raw: "18GiB", bytes: 18 * 2 ** 30 } });
    expect(config.model.parameters).toBe(1.5e9);
    expect(config.model.zeroStage).toBe(2);
    expect(config.proxy.backend).toBe("wasm");
    expect(config.thresholds).toEqual({ uncertainRatio: 3, largeBatchFactor: 4, smallBatch: 8, memoryMargin: 0.05 });
  });

  it("a bad enum value names the key and the allowed values", () => {
    expect(messages("language: fr")).toEqual([
      '.github/batch-advisor.yml: language: "fr" is not allowed; use one of: en, zh-TW',
    ]);
  });

  it("a misspelt key suggests the key it most likely meant", () => {
    expect(messages("memory:\n  budgett: 40GiB")).toEqual([
      ".github/batch-advisor.yml: memory.budgett: unknown key; did you mean memory.budget?",
    ]);
  });

  it("a key at the wrong level points to where it belongs", () => {
    expect(messages("budget: 40GiB")[0]).toContain("budget: unknown key; did you mean memory.budget?");
  });

  it("an unknown key with no close match lists the allowed keys", () => {
    expect(messages("proxy:\n  zzz: 1")[0]).toContain(
      "proxy.zzz: unknown key; allowed keys here: model, data, timeBudget, backend, seed",
    );
  });

  it("a bad value falls back to its default and keeps the rest of the file", () => {
    const { config, errors } = loadConfig("language: fr\ndevices: 4\nmemory:\n  level: fatal\n  budget: 40GiB");
    expect(errors.map((e) => e.key)).toEqual(["language", "memory.level"]);
    expect(config.language).toBe("en");
    expect(config.memory.level).toBe("warn");
    expect(config.memory.budget?.value).toBe(40 * 2 ** 30);
    expect(config.devices).toBe(4);
  });

  it("errors carry the line of the key", () => {
    const { errors } = loadConfig("devices: 2\nproxy:\n  backend: cuda\n");
    expect(errors).toEqual([
      {
        key: "proxy.backend",
        line: 3,
        message:
          '.github/batch-advisor.yml: proxy.backend: "cuda" is not allowed; use one ' +
          "of: auto, tensorflow-gpu, tensorflow, wasm, cpu",
        issue: {
          id: "config.notAllowed",
          params: { value: '"cuda"', allowed: "auto, tensorflow-gpu, tensorflow, wasm, cpu" },
        },
      },
    ]);
  });

  it("a malformed budget says which forms are accepted", () => {
    expect(messages("memory: { budget: 40 gigs }")[0]).toMatch(
      /memory\.budget: "40 gigs" is not valid; write a size like "40GiB"/,
    );
    expect(messages('memory: { budget: "10%" }')[0]).toContain('write a growth limit like "+10%"');
  });

  it("proxy model and data accept a path of the right kind", () => {
    const ok = loadConfig("proxy: { model: models/net/model.json, data: data/sample.jsonl }");
    expect(ok.errors).toEqual([]);
    expect(ok.config.proxy.model).toBe("models/net/model.json");
    expect(messages("proxy: { data: data/sample.parquet }")[0]).toContain(
      "use one of: auto, mnist, teacher-student, tokens, or a path to a .csv or .jsonl sample",
    );
  });

  it("wrong types name the expected type", () => {
    expect(messages("devices: two")[0]).toBe(
      '.github/batch-advisor.yml: devices: "two" is not valid; expected a number of devices (a positive whole number)',
    );
    expect(messages("memory: 3")[0]).toContain(
      "memory: 3 is not valid; expected a mapping of keys (budget, level, calibration)",
    );
    expect(messages("model: { zeroStage: 4 }")[0]).toContain("model.zeroStage: 4 is not valid; use one of: 0, 1, 2, 3");
  });

  it("a file that is not a mapping is an error, not a crash", () => {
    const { config, errors } = loadConfig("- 1\n- 2");
    // Every top-level key of the schema is named, so the message stays true as keys are added.
    expect(errors[0].message).toContain(`expected a mapping of keys (${Object.keys(configSchema.shape).join(", ")})`);
    expect(errors[0].message).toMatch(/\(files, ignore, devices, language, memory, model, .*hardware.*thresholds\)/);
    expect(config).toEqual(defaultConfig());
  });

  it("broken YAML is reported with its line and the defaults apply", () => {
    const { config, errors } = loadConfig("language: en\nmemory: [\n  level: warn\n");
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBeGreaterThan(0);
    expect(config).toEqual(defaultConfig());
  });

  it("an alias bomb is refused instead of expanded", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(", ")}]`,
      ),
    ].join("\n");
    expect(() => loadConfig(bomb)).not.toThrow();
    expect(loadConfig(bomb).errors.length).toBeGreaterThan(0);
  });
});

describe("size parsing", () => {
  it("binary and decimal byte units", () => {
    expect(parseBytes("40GiB")).toEqual({ ok: true, value: 40 * 2 ** 30 });
    expect(parseBytes("80GB")).toEqual({ ok: true, value: 80e9 });
    expect(parseBytes("512MiB")).toEqual({ ok: true, value: 512 * 2 ** 20 });
    expect(parseBytes("1.5 TB")).toEqual({ ok: true, value: 1.5e12 });
    expect(parseBytes(1024)).toEqual({ ok: true, value: 1024 });
    expect(parseBytes("40G").ok).toBe(false);
    expect(parseBytes("-1GB").ok).toBe(false);
  });

  it("relative budgets need a sign", () => {
    expect(parseRelative("+10%")).toEqual({ ok: true, value: 1.1 });
    expect(parseRelative("+0%")).toEqual({ ok: true, value: 1 });
    expect(parseRelative("10%").ok).toBe(false);
  });

  it("parameter counts with suffixes", () => {
    expect(parseCount("1.5B")).toEqual({ ok: true, value: 1.5e9 });
    expect(parseCount("125M")).toEqual({ ok: true, value: 125e6 });
    expect(parseCount(7e9)).toEqual({ ok: true, value: 7e9 });
    expect(parseCount("lots").ok).toBe(false);
  });
});
