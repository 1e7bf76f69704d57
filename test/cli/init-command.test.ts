import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defaultConfig, loadConfig } from "../../src/config.js";
import { initCommand } from "../../src/cli/init-command.js";
import { FORK_SAFE_ANALYSE_WORKFLOW, FORK_SAFE_POST_WORKFLOW, MINIMAL_WORKFLOW } from "../../src/cli/init-workflows.js";
import { runCli } from "../../src/cli/run-cli.js";

const docsBlocks = [
  ...readFileSync(new URL("../../docs/action.md", import.meta.url), "utf8").matchAll(/```yaml\n([\s\S]*?)```/g),
].map((m) => m[1]);

let repo: string;
let out: string;
let err: string;
const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), isTTY: false };
const read = (path: string) => readFileSync(join(repo, path), "utf8");
function put(path: string, text: string) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}
async function init(...argv: string[]) {
  out = "";
  err = "";
  return initCommand([...argv, "--repo", repo], io);
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), "batch-advisor-init-"));
  execFileSync("git", ["init", "-q"], { cwd: repo });
  put(
    "configs/sft.yaml",
    "model_name_or_path: Qwen/Qwen2.5-0.5B\nper_device_train_batch_size: " +
      "8\ngradient_accumulation_steps: 2\nlearning_rate: 1.0e-5\n",
  );
  put("ds_config.json", '{\n  "train_micro_batch_size_per_gpu": 4,\n  "gradient_accumulation_steps": 8\n}\n');
  put("package.json", '{ "name": "x", "batch_size": 3 }\n');
  put("README.md", "batch_size: 64\n");
  // Ignored by git: a virtualenv's files are not the repository's configs.
  put(".gitignore", "venv/\n");
  put("venv/lib/site.yaml", "batch_size: 16\n");
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe("batch-advisor init", () => {
  it(
    "writes the minimal Action workflow of docs/action.md and a commented bot " +
      "config naming the configs and frameworks it found",
    async () => {
      expect(await init()).toBe(0);
      expect(read(".github/workflows/batch-advisor.yml")).toBe(MINIMAL_WORKFLOW);
      const config = read(".github/batch-advisor.yml");
      expect(config.split("\n")[0]).toBe(
        "# yaml-language-server: " +
          "$schema=https://raw.githubusercontent.com/OWNER/batch-advisor/v1/schema/batch-advisor.schema.json",
      );
      expect(config).toMatch(/^#\s+configs\/sft\.yaml\s+huggingface\s+per_device_train_batch_size: 8 \(line 2\)$/m);
      expect(config).toMatch(/^#\s+ds_config\.json\s+deepspeed\s+train_micro_batch_size_per_gpu: 4 \(line 2\)$/m);
      expect(config).toContain("# Frameworks: deepspeed, huggingface");
      expect(config).toContain('# files: ["ds_config.json", "configs/**"]');
      // Not configs: package.json is in the default ignore list, README.md is no config format, venv/ is git-ignored.
      expect(config).not.toMatch(/package\.json|README|venv/);
      expect(out).toContain("found 2 training configs (deepspeed, huggingface)");
    },
  );

  it(
    "writes a bot config that changes nothing until a line is uncommented, and " + "whose commented keys are real ones",
    async () => {
      await init();
      const config = read(".github/batch-advisor.yml");
      expect(loadConfig(config)).toEqual({ config: defaultConfig(), errors: [] });
      // Uncommenting every suggested key gives a file the loader accepts.
      const keys = config
        .split("\n")
        .filter((l) => /^# ( {2})?(devices|memory|budget|level|language|hardware|gpu|model|seqLen):/.test(l))
        .map((l) => l.slice(2))
        .join("\n");
      expect(keys).toContain("budget: 80GB");
      expect(loadConfig(keys).errors).toEqual([]);
      expect(loadConfig(keys).config.memory.level).toBe("error");
      expect(loadConfig(keys).config.hardware.gpu).toBe("A100-80GB");
      expect(loadConfig(keys).config.model.seqLen).toBe(2048);
    },
  );

  it("never overwrites without --force: exits 1 naming the file and writes nothing", async () => {
    put(".github/batch-advisor.yml", "language: zh-TW\n");
    expect(await init()).toBe(1);
    expect(err).toContain(".github/batch-advisor.yml already exists; nothing was written (pass --force to overwrite)");
    expect(read(".github/batch-advisor.yml")).toBe("language: zh-TW\n");
    expect(existsSync(join(repo, ".github/workflows/batch-advisor.yml"))).toBe(false);

    expect(await init("--force")).toBe(0);
    expect(out).toContain("overwrote .github/batch-advisor.yml");
    expect(read(".github/batch-advisor.yml")).toContain("# Frameworks:");
  });

  it("writes the fork-safe pair with --fork-safe, pinned to --action", async () => {
    expect(await init("--fork-safe", "--action", "acme/batch-advisor@v1.2.0")).toBe(0);
    const analyse = read(".github/workflows/batch-advisor.yml");
    const post = read(".github/workflows/batch-advisor-post.yml");
    expect(analyse).toBe(FORK_SAFE_ANALYSE_WORKFLOW.replaceAll("OWNER/batch-advisor@v1", "acme/batch-advisor@v1.2.0"));
    expect(post).toBe(FORK_SAFE_POST_WORKFLOW.replaceAll("OWNER/batch-advisor@v1", "acme/batch-advisor@v1.2.0"));
    expect((parse(post) as { permissions: Record<string, string> }).permissions["pull-requests"]).toBe("write");
    expect(read(".github/batch-advisor.yml")).toContain(
      "$schema=https://raw.githubusercontent.com/acme/batch-advisor/v1.2.0/schema/batch-advisor.schema.json",
    );
    expect(out).not.toContain("replace OWNER");
  });

  it("refuses an --action that is not OWNER/REPO@REF, and an unknown option, before writing", async () => {
    expect(await init("--action", "acme/batch-advisor")).toBe(1);
    expect(err).toContain("--action must look like OWNER/REPO@REF");
    expect(await init("--fork")).toBe(1);
    expect(existsSync(join(repo, ".github"))).toBe(false);
  });

  it("says so when a folder holds no training config (outside git too)", async () => {
    const empty = mkdtempSync(join(tmpdir(), "batch-advisor-init-empty-"));
    try {
      writeFileSync(join(empty, "notes.yaml"), "title: hello\n");
      out = "";
      expect(await initCommand(["--repo", empty], io)).toBe(0);
      expect(readFileSync(join(empty, ".github/batch-advisor.yml"), "utf8")).toContain(
        "found no training config that sets a batch size (1 of 1 config-like file read)",
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("is reached from the CLI as `batch-advisor init`", async () => {
    out = "";
    expect(await runCli(["init", "--repo", repo], io)).toBe(0);
    expect(out).toContain("wrote .github/workflows/batch-advisor.yml");
  });

  it("writes the workflows docs/action.md shows, word for word", () => {
    expect(docsBlocks).toContain(MINIMAL_WORKFLOW);
    expect(docsBlocks).toContain(FORK_SAFE_ANALYSE_WORKFLOW);
    expect(docsBlocks).toContain(FORK_SAFE_POST_WORKFLOW);
  });
});
