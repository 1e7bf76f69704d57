import { execFile, execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { tempFolder, tempRepo } from "../helpers/temp-repo.js";

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

const OLD = "per_device_train_batch_size: 8\nlearning_rate: 2.0e-5\n";
const NEW = "per_device_train_batch_size: 32\nlearning_rate: 2.0e-5\n";
/** Two files with the same batch: the run detects no change, so nothing trains. */
const SAME = { "old.yaml": OLD, "new.yaml": OLD };
const ROOT = new URL("../..", import.meta.url).pathname;

describe("batch-advisor analyze and detect on two plain files", () => {
  it("analyze old.yaml new.yaml in one folder compares the two files and estimates the steps", async () => {
    const dir = tempFolder({ "old.yaml": OLD, "new.yaml": NEW });
    const { code, stdout } = await cli("analyze", join(dir, "old.yaml"), join(dir, "new.yaml"), "--json", "--quick");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(
      report.groups[0].changes.map((c: { key: string; before: number; after: number }) => [c.key, c.before, c.after]),
    ).toEqual([["per_device_train_batch_size", 8, 32]]);
    expect(report.groups[0].estimate.convergence.stepsRatio.value).toBeGreaterThan(0);
  });

  it("detect --old A --new B compares A with B whatever their names and folders", async () => {
    const a = tempFolder({ "runs/first.yml": OLD });
    const b = tempFolder({ "second.yaml": NEW });
    const { code, stdout } = await cli(
      "detect",
      "--old",
      join(a, "runs/first.yml"),
      "--new",
      join(b, "second.yaml"),
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).changes.map((c: { before: number; after: number }) => [c.before, c.after])).toEqual([
      [8, 32],
    ]);
  });

  it("reads the paths a user types from the folder they run in", async () => {
    const dir = tempFolder({ "old.yaml": OLD, "new.yaml": NEW });
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [
        join(ROOT, "node_modules/tsx/dist/cli.mjs"),
        join(ROOT, "src/cli.ts"),
        "detect",
        "--old",
        "old.yaml",
        "--new",
        "new.yaml",
        "--json",
      ],
      { cwd: dir },
    );
    expect(JSON.parse(stdout).changes.map((c: { before: number; after: number }) => [c.before, c.after])).toEqual([
      [8, 32],
    ]);
  });

  it("refuses /dev/zero and a FIFO as inputs at once, naming them, and goes on with the rest", async () => {
    const dir = tempFolder({ "new.yaml": NEW });
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const detect = await cli("detect", join(dir, "pipe.yaml"), "/dev/zero", join(dir, "new.yaml"), "--json");
    expect(detect.code).toBe(2);
    expect(detect.stderr).toContain(`skipped ${join(dir, "pipe.yaml")}: is not a regular file (a FIFO); not read`);
    expect(detect.stderr).toContain("skipped /dev/zero: is not a regular file (a character device); not read");
    expect(JSON.parse(detect.stdout).files.map((f: { path: string }) => f.path)).toEqual([join(dir, "new.yaml")]);
    const pair = await cli("detect", "--old", "/dev/zero", "--new", join(dir, "new.yaml"));
    expect(pair.code).toBe(2);
    expect(pair.stdout).toContain("skipped /dev/zero: is not a regular file (a character device); not read");
  }, 10_000);
});

describe("batch-advisor analyze: files the user asks for", () => {
  it("exits 2 and says so on stderr when --data or --proxy-model cannot be used", async () => {
    const dir = tempFolder(SAME);
    execFileSync("mkfifo", [join(dir, "pipe.csv")]);
    const { code, stderr } = await cli(
      "analyze",
      join(dir, "old.yaml"),
      join(dir, "new.yaml"),
      "--data",
      join(dir, "pipe.csv"),
      "--proxy-model",
      join(dir, "missing.json"),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      `batch-advisor: --data ${join(dir, "pipe.csv")}: is not a regular file (a FIFO); not read`,
    );
    expect(stderr).toContain(`batch-advisor: --proxy-model ${join(dir, "missing.json")}: not found`);
  }, 10_000);

  it("exits 2 and names the file when the proxy cannot use the model it was given", async () => {
    const dir = tempFolder({ "old.yaml": OLD, "new.yaml": NEW, "model.json": '{"modelTopology": "not a topology"}' });
    const { code, stdout, stderr } = await cli(
      "analyze",
      join(dir, "old.yaml"),
      join(dir, "new.yaml"),
      "--quick",
      "--json",
      "--proxy-model",
      join(dir, "model.json"),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /batch-advisor: proxy\.model: the proxy could not run, so nothing was measured on it: .*model\.json/,
    );
    expect(JSON.parse(stdout).groups[0].changes[0].after).toBe(32);
  });

  it("exits 2 when --config is not a regular file, and the run still reports", async () => {
    const dir = tempFolder(SAME);
    const { code, stdout, stderr } = await cli(
      "analyze",
      join(dir, "old.yaml"),
      join(dir, "new.yaml"),
      "--config",
      "/dev/zero",
      "--json",
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      "batch-advisor: /dev/zero: is not a regular file (a character device); not read; using the defaults",
    );
    expect(JSON.parse(stdout).groups).toEqual([]);
  });

  it("reads --data relative to the current folder, not the repository, and samples a large file", async () => {
    const dir = tempFolder({ "old.yaml": OLD, "new.yaml": NEW });
    const rows = 60_000;
    writeFileSync(
      join(dir, "sample.csv"),
      "a,b,label\n" + Array.from({ length: rows }, (_, i) => `${(i % 13) / 3},${(i % 7) - 3},${i % 2}\n`).join(""),
    );
    const elsewhere = tempFolder();
    const typed = relative(process.cwd(), join(dir, "sample.csv"));
    const { code, stdout } = await cli(
      "analyze",
      join(dir, "old.yaml"),
      join(dir, "new.yaml"),
      "--quick",
      "--json",
      "--repo",
      elsewhere,
      "--data",
      typed,
    );
    const report = JSON.parse(stdout);
    expect(report.configErrors).toEqual([]);
    expect(code).toBe(0);
    expect(report.measurements[0].dataDescription).toContain(`a seeded sample of 50000 of ${rows} rows`);
  });
});

describe("batch-advisor analyze --base/--head: git and the bot config", () => {
  it("never lets --base become a git option", async () => {
    const repo = tempRepo([
      { tag: "base", files: { "a.yaml": OLD } },
      { tag: "head", files: { "a.yaml": NEW } },
    ]);
    const target = join(tempFolder(), "written-by-git");
    for (const argv of [
      [`--base=--output=${target}`, "--head", "head"],
      ["--base", "base", `--head=--output=${target}`],
    ]) {
      const { code, stderr } = await cli("analyze", ...argv, "--repo", repo);
      expect(code).toBe(1);
      expect(stderr).toMatch(/batch-advisor: --(base|head) "--output=.*": a revision cannot start with "-"/);
    }
    expect(existsSync(target)).toBe(false);
  });

  it("says plainly that a revision is not a commit", async () => {
    const repo = tempRepo([{ tag: "base", files: { "a.yaml": OLD } }]);
    const { code, stderr } = await cli("detect", "--base", "base", "--head", "nope", "--repo", repo);
    expect(code).toBe(2);
    expect(stderr).toBe(`batch-advisor: --head "nope" is not a commit in ${repo} (or it is not a git repository)\n`);
  });

  it("refuses a bot config that is a symlink to /proc/self/environ and never prints what it points to", async () => {
    const secret = `s3cret-${process.pid}-token`;
    process.env.BATCH_ADVISOR_TEST_SECRET = secret;
    try {
      const repo = tempRepo([
        { tag: "base", files: { ".github/batch-advisor.yml": { symlink: "/proc/self/environ" }, "train.yaml": OLD } },
        { tag: "head", files: { "train.yaml": `${OLD}num_train_epochs: 3\n` } },
      ]);
      const { code, stdout, stderr } = await cli("analyze", "--base", "base", "--head", "head", "--repo", repo);
      expect(`${stdout}${stderr}`).not.toContain(secret);
      expect(`${stdout}${stderr}`).not.toContain("/proc/self/environ");
      expect(stderr).toContain(
        "batch-advisor: .github/batch-advisor.yml at base: is a symbolic link in the " +
          "repository; not followed; the config was refused and the defaults apply",
      );
      expect(code).toBe(2);
    } finally {
      delete process.env.BATCH_ADVISOR_TEST_SECRET;
    }
  });

  it("does not read the bot config from the working tree, where a change could loosen its budget", async () => {
    const outside = tempFolder({ "secret.yml": "language: s3cret-from-outside\n" });
    const repo = tempRepo([
      { tag: "base", files: { "train.yaml": OLD } },
      {
        tag: "head",
        files: {
          ".github/batch-advisor.yml": { symlink: join(outside, "secret.yml") },
          "train.yaml": `${OLD}num_train_epochs: 3\n`,
        },
      },
    ]);
    const { code, stdout, stderr } = await cli("analyze", "--base", "base", "--head", "head", "--repo", repo, "--json");
    expect(`${stdout}${stderr}`).not.toContain("s3cret-from-outside");
    expect(JSON.parse(stdout).configErrors).toEqual([]);
    // The head's new config is a changed file like any other: refused by name, not followed.
    expect(stderr).toContain(
      "batch-advisor: skipped .github/batch-advisor.yml: is a symbolic link in the repository; not followed",
    );
    expect(code).toBe(2);
  });
});
