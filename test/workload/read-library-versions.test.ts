import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { detectFile } from "../../src/detect/detect-file.js";
import { parseConfig } from "../../src/detect/parse/parse-config.js";
import { dependencyFiles, pinOf, readBitsandbytes } from "../../src/workload/read-library-versions.js";
import { readWorkload } from "../../src/workload/read-workload.js";

const config = (bot = "") => loadConfig(bot).config;

describe("dependencyFiles: where a bitsandbytes pin is looked for", () => {
  it("beside the config first, then the repository root", () => {
    expect(dependencyFiles("configs/llama/qlora.yaml")).toEqual([
      "configs/llama/requirements.txt",
      "configs/llama/pyproject.toml",
      "requirements.txt",
      "pyproject.toml",
      "setup.py",
    ]);
  });

  it("a config at the root has only the root's files", () => {
    expect(dependencyFiles("qlora.yaml")).toEqual(["requirements.txt", "pyproject.toml", "setup.py"]);
  });
});

describe("pinOf: the requirement on bitsandbytes in a dependency file's text", () => {
  it("reads a requirements.txt line with its comment, and its line number", () => {
    expect(pinOf("torch>=2.2\n# bitsandbytes==0.40.0 (old)\nbitsandbytes==0.42.0  # quantization\n")).toEqual({
      spec: "==0.42.0",
      line: 3,
    });
  });

  it("reads several clauses and an extra, and stops at the environment marker", () => {
    expect(pinOf("bitsandbytes[test] >= 0.45.2, <0.46 ; python_version >= '3.9'")?.spec).toBe(">=0.45.2,<0.46");
  });

  it("skips a macOS-only entry of pyproject.toml for the one GPUs run (LitGPT's layout)", () => {
    const text = [
      "optional-dependencies.extra = [",
      "  \"bitsandbytes>=0.42,<0.43; sys_platform=='darwin'\",",
      "  \"bitsandbytes>=0.45.2,<0.46; sys_platform=='linux' or sys_platform=='win32'\",",
      "]",
    ].join("\n");
    expect(pinOf(text)).toEqual({ spec: ">=0.45.2,<0.46", line: 3 });
  });

  it("reads setup.py strings and Poetry tables", () => {
    expect(pinOf('install_requires=["torch", "bitsandbytes==0.41.0"],')?.spec).toBe("==0.41.0");
    expect(pinOf('[tool.poetry.dependencies]\nbitsandbytes = "^0.42.0"')?.spec).toBe("^0.42.0");
    expect(pinOf('bitsandbytes = { version = "~0.43.1", optional = true }')?.spec).toBe("~0.43.1");
  });

  it("gives nothing for a name without a version or a file without the package", () => {
    expect(pinOf("bitsandbytes\ntransformers==4.40.0")).toBeUndefined();
    expect(pinOf("torch==2.3.0")).toBeUndefined();
  });
});

describe("readBitsandbytes: the workload field", () => {
  const files = new Map([["requirements.txt", "bitsandbytes==0.42.0\n"]]);

  it("takes the bot config's model.bitsandbytes over any file", () => {
    const f = readBitsandbytes({ config: config('model:\n  bitsandbytes: "0.45.5"\n'), configPath: "q.yaml", files });
    expect(f).toEqual({ value: "0.45.5", source: { kind: "bot-config", key: "model.bitsandbytes" } });
  });

  it("names the file and line of a pin", () => {
    const f = readBitsandbytes({ config: config(), configPath: "q.yaml", files });
    expect(f).toEqual({
      value: "==0.42.0",
      source: { kind: "config", file: "requirements.txt", key: "bitsandbytes", line: 1 },
    });
  });

  it("is unknown, naming the key to set, when nothing pins it", () => {
    const f = readBitsandbytes({ config: config(), configPath: "q.yaml", files: new Map() });
    expect(f.value).toBeNull();
    expect(f.source).toEqual({
      kind: "unknown",
      reason: { id: "default.unset", params: { key: "model.bitsandbytes" } },
    });
  });
});

describe("readWorkload reads dependency files only for a 4-bit base", () => {
  async function workloadWithReads(text: string) {
    const path = "configs/finetune.yaml";
    const file = detectFile(path, text, {});
    const entries = parseConfig(path, text).entries;
    const asked: string[] = [];
    const repo: Record<string, string> = { "requirements.txt": "torch\nbitsandbytes==0.42.0\n" };
    const w = await readWorkload({
      file,
      entries,
      config: config(),
      read: async (p) => {
        asked.push(p);
        return repo[p] ?? null;
      },
    });
    return { w, asked };
  }

  it("a QLoRA config: the root requirements.txt pins bitsandbytes", async () => {
    const { w, asked } = await workloadWithReads(
      "base_model: meta-llama/Llama-2-7b-hf\nadapter: qlora\nload_in_4bit: true\n" +
        "sequence_len: 512\nmicro_batch_size: 2\n",
    );
    expect(w.baseQuantization.value).toMatch(/^nf4/);
    expect(asked).toContain("requirements.txt");
    expect(w.bitsandbytes.value).toBe("==0.42.0");
  });

  it("a LoRA config: no dependency file is read", async () => {
    const { w, asked } = await workloadWithReads(
      "base_model: meta-llama/Llama-2-7b-hf\nadapter: lora\nsequence_len: 512\nmicro_batch_size: 2\n",
    );
    expect(asked).not.toContain("requirements.txt");
    expect(w.bitsandbytes.value).toBeNull();
  });
});
