import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GitSource, SourceError } from "../../src/source/git-source.js";
import { tempFolder, tempRepo } from "../helpers/temp-repo.js";

describe("reading two revisions through git", () => {
  it("reads a file at each revision from git's objects", async () => {
    const repo = tempRepo([
      { tag: "base", files: { "train.yaml": "per_device_train_batch_size: 8\n" } },
      { tag: "head", files: { "train.yaml": "per_device_train_batch_size: 32\n" } },
    ]);
    const source = new GitSource({ repo, base: "base", head: "head" });
    expect(await source.changedFiles()).toEqual([{ path: "train.yaml", status: "modified" }]);
    expect(await source.read("base", "train.yaml")).toBe("per_device_train_batch_size: 8\n");
    expect(await source.read("head", "train.yaml")).toBe("per_device_train_batch_size: 32\n");
    expect(await source.read("head", "missing.yaml")).toBeNull();
    expect(source.skipped).toEqual([]);
  });

  it("refuses a symlink in the repository instead of reading its link text or its target", async () => {
    const secret = join(tempFolder({ "secret.txt": "TOKEN=s3cret\n" }), "secret.txt");
    const repo = tempRepo([
      { tag: "base", files: { "a.yaml": "x: 1\n" } },
      { tag: "head", files: { "link.yaml": { symlink: secret } } },
    ]);
    const source = new GitSource({ repo, base: "base", head: "head" });
    expect(await source.readFile("head", "link.yaml")).toEqual({
      missing: false,
      reason: "is a symbolic link in the repository; not followed",
      why: { id: "source.symlink" },
    });
    expect(await source.read("head", "link.yaml")).toBeNull();
    expect(source.skipped).toEqual([
      {
        path: "link.yaml",
        reason: "is a symbolic link in the repository; not followed",
        why: { id: "source.symlink" },
      },
    ]);
    // Searches over the tree never meet it.
    expect(await source.list("head")).toEqual(["a.yaml"]);
  });

  it("refuses paths that leave the repository and folders", async () => {
    const repo = tempRepo([
      { tag: "base", files: { "configs/a.yaml": "x: 1\n" } },
      { tag: "head", files: {} },
    ]);
    const source = new GitSource({ repo, base: "base", head: "head" });
    expect(await source.readFile("base", "../etc/passwd")).toEqual({
      missing: false,
      reason: "is outside the repository; not read",
      why: { id: "source.outside" },
    });
    expect(await source.readFile("base", "/etc/passwd")).toEqual({
      missing: false,
      reason: "is outside the repository; not read",
      why: { id: "source.outside" },
    });
    expect(await source.readFile("base", "configs")).toEqual({
      missing: false,
      reason: "is a folder, not a file; not read",
      why: { id: "source.folder" },
    });
    expect(await source.readFile("base", "configs/../configs/a.yaml")).toEqual({ text: "x: 1\n" });
  });

  it("never lets a revision become a git option", async () => {
    const repo = tempRepo([
      { tag: "base", files: { "a.yaml": "x: 1\n" } },
      { tag: "head", files: { "a.yaml": "x: 2\n" } },
    ]);
    const target = join(tmpdir(), `batch-advisor-output-${process.pid}`);
    expect(() => new GitSource({ repo, base: `--output=${target}`, head: "head" })).toThrow(SourceError);
    expect(() => new GitSource({ repo, base: `--output=${target}`, head: "head" })).toThrow(
      `--base "--output=${target}": a revision cannot start with "-"`,
    );
    expect(existsSync(target)).toBe(false);
  });

  it("says plainly when a revision is not a commit", async () => {
    const repo = tempRepo([{ tag: "base", files: { "a.yaml": "x: 1\n" } }]);
    const source = new GitSource({ repo, base: "base", head: "no-such-branch" });
    await expect(source.changedFiles()).rejects.toThrow(`--head "no-such-branch" is not a commit in ${repo}`);
  });
});
