import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRegularFile } from "../../src/source/read-regular-file.js";
import { tempFolder } from "../helpers/temp-repo.js";

describe("reading a local file", () => {
  it("reads a regular file as text", async () => {
    const dir = tempFolder({ "a.yaml": "batch_size: 8\n" });
    expect(await readRegularFile(join(dir, "a.yaml"))).toMatchObject({ ok: true, text: "batch_size: 8\n" });
  });

  it("refuses /dev/zero at once instead of reading it forever", async () => {
    const started = Date.now();
    expect(await readRegularFile("/dev/zero")).toEqual({
      ok: false,
      missing: false,
      reason: "is not a regular file (a character device); not read",
      why: { id: "source.notRegular", params: { kind: "characterDevice" } },
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses a FIFO without opening it for a blocking read", async () => {
    const dir = tempFolder();
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    expect(await readRegularFile(join(dir, "pipe.yaml"))).toEqual({
      ok: false,
      missing: false,
      reason: "is not a regular file (a FIFO); not read",
      why: { id: "source.notRegular", params: { kind: "fifo" } },
    });
  }, 5000);

  it("refuses a folder and says a missing file is missing", async () => {
    const dir = tempFolder();
    mkdirSync(join(dir, "configs"));
    expect(await readRegularFile(join(dir, "configs"))).toMatchObject({
      ok: false,
      reason: "is not a regular file (a folder); not read",
      why: { id: "source.folder" },
    });
    expect(await readRegularFile(join(dir, "nope.yaml"))).toEqual({
      ok: false,
      missing: true,
      reason: "not found",
      why: { id: "source.notFound" },
    });
  });

  it("refuses a file over the size bound before reading it", async () => {
    const dir = tempFolder();
    writeFileSync(join(dir, "big.yaml"), "x".repeat(3 * 1024 * 1024));
    expect(await readRegularFile(join(dir, "big.yaml"), { maxBytes: 1024 * 1024 })).toMatchObject({
      ok: false,
      reason: "3 MiB is over the 1 MiB limit; not read",
      why: { id: "source.tooLarge", params: { size: "3", max: "1" } },
    });
  });

  it("keeps a repository's paths inside the repository: no .., no absolute path out, no symlink out", async () => {
    const outside = tempFolder({ "secret.txt": "TOKEN=s3cret\n" });
    const repo = tempFolder({
      "configs/base.yaml": "lr: 1\n",
      "configs/alias.yaml": { symlink: "base.yaml" },
      "configs/leak.yaml": { symlink: join(outside, "secret.txt") },
    });
    expect(await readRegularFile("configs/alias.yaml", { root: repo })).toMatchObject({ ok: true, text: "lr: 1\n" });
    expect(await readRegularFile(join(repo, "configs/base.yaml"), { root: repo })).toMatchObject({ ok: true });
    expect(await readRegularFile(`../${outside.split("/").pop()}/secret.txt`, { root: repo })).toMatchObject({
      ok: false,
      reason: "is outside the repository; not read",
      why: { id: "source.outside" },
    });
    expect(await readRegularFile(join(outside, "secret.txt"), { root: repo })).toMatchObject({
      ok: false,
      reason: "is outside the repository; not read",
      why: { id: "source.outside" },
    });
    expect(await readRegularFile("configs/leak.yaml", { root: repo })).toEqual({
      ok: false,
      missing: false,
      reason: "is a symbolic link that leads outside the repository; not followed",
      why: { id: "source.symlinkOutside" },
    });
  });
});
