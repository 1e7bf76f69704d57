import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectChanges } from "../../src/detect/detect-changes.js";
import { FilePairSource } from "../../src/source/file-pair-source.js";
import { tempFolder } from "../helpers/temp-repo.js";

const OLD = "per_device_train_batch_size: 8\nlearning_rate: 2.0e-5\n";
const NEW = "per_device_train_batch_size: 32\nlearning_rate: 2.0e-5\n";

describe("two plain files", () => {
  it("compares old.yaml with new.yaml when both sit in one folder", async () => {
    const dir = tempFolder({ "old.yaml": OLD, "new.yaml": NEW });
    const source = new FilePairSource({ base: join(dir, "old.yaml"), head: join(dir, "new.yaml") });
    const [file] = await source.changedFiles();
    expect(await source.read("base", file.path)).toBe(OLD);
    expect(await source.read("head", file.path)).toBe(NEW);
    const { changes } = await detectChanges(source);
    expect(changes.map((c) => [c.key, c.before, c.after])).toEqual([["per_device_train_batch_size", 8, 32]]);
  });

  it("compares files with any names in any folders", async () => {
    const a = tempFolder({ "x/run.yml": OLD });
    const b = tempFolder({ "elsewhere/tuned.yaml": NEW });
    const { changes } = await detectChanges(
      new FilePairSource({ base: join(a, "x/run.yml"), head: join(b, "elsewhere/tuned.yaml") }),
    );
    expect(changes.map((c) => [c.before, c.after])).toEqual([[8, 32]]);
  });

  it("reads each side's inherited base beside that side's own file", async () => {
    const dir = tempFolder({
      "before/_base_/schedule.py": "train_dataloader = dict(batch_size=2)\n",
      "before/exp.py": "_base_ = ['./_base_/schedule.py']\n",
      "after/_base_/schedule.py": "train_dataloader = dict(batch_size=8)\n",
      "after/exp.py": "_base_ = ['./_base_/schedule.py']\n",
    });
    const { changes } = await detectChanges(
      new FilePairSource({ base: join(dir, "before/exp.py"), head: join(dir, "after/exp.py") }),
    );
    expect(changes.map((c) => [c.before, c.after])).toEqual([[2, 8]]);
  });

  it("does not follow an inherited symlink out of the files' folder, and names it", async () => {
    const outside = tempFolder({ "secret.yaml": "api_key: s3cret\nper_device_train_batch_size: 999\n" });
    const dir = tempFolder({
      "old.yaml": "defaults:\n  - link\nper_device_train_batch_size: 8\n",
      "new.yaml": "defaults:\n  - link\nper_device_train_batch_size: 32\n",
      "link.yaml": { symlink: join(outside, "secret.yaml") },
    });
    const source = new FilePairSource({ base: join(dir, "old.yaml"), head: join(dir, "new.yaml") });
    const result = await detectChanges(source);
    expect(JSON.stringify(result)).not.toContain("999");
    expect(result.changes.map((c) => [c.before, c.after])).toEqual([[8, 32]]);
    expect(source.skipped).toEqual([
      {
        path: join(dir, "link.yaml"),
        reason: "is a symbolic link that leads outside the repository; not followed",
        why: { id: "source.symlinkOutside" },
      },
    ]);
  });

  it("does not read an inherited absolute path or a .. path out of the files' folder", async () => {
    const outside = tempFolder({ "secret.py": "train_dataloader = dict(batch_size=999)\n" });
    const dir = tempFolder({
      "a/old.py": `_base_ = ['${join(outside, "secret.py")}']\ntrain_dataloader = dict(batch_size=2)\n`,
      "a/new.py": `_base_ = ['../../${outside.split("/").pop()}/secret.py']\ntrain_dataloader = dict(batch_size=8)\n`,
    });
    const source = new FilePairSource({ base: join(dir, "a/old.py"), head: join(dir, "a/new.py") });
    const result = await detectChanges(source);
    expect(JSON.stringify(result)).not.toContain("999");
    // Both sides name the same file outside, one absolutely, one through "..": refused once, by name.
    expect(source.skipped).toEqual([
      {
        path: join(outside, "secret.py"),
        reason: "is outside the repository; not read",
        why: { id: "source.outside" },
      },
    ]);
  });

  it("refuses a FIFO given as one of the two files at once, naming it", async () => {
    const dir = tempFolder({ "new.yaml": NEW });
    execFileSync("mkfifo", [join(dir, "old.yaml")]);
    const source = new FilePairSource({ base: join(dir, "old.yaml"), head: join(dir, "new.yaml") });
    expect(await source.read("base", join(dir, "new.yaml"))).toBeNull();
    expect(source.skipped).toEqual([
      {
        path: join(dir, "old.yaml"),
        reason: "is not a regular file (a FIFO); not read",
        why: { id: "source.notRegular", params: { kind: "fifo" } },
      },
    ]);
  }, 5000);
});
