import { describe, expect, it } from "vitest";
import { loadCliConfig } from "../../src/cli/load-cli-config.js";
import { GitSource } from "../../src/source/git-source.js";
import { tempFolder, tempRepo } from "../helpers/temp-repo.js";

const CONFIG = ".github/batch-advisor.yml";

describe("the bot config of a CLI run", () => {
  it("is read at the base revision: a change that loosens its own budget does not loosen it", async () => {
    const repo = tempRepo([
      { tag: "base", files: { [CONFIG]: "memory:\n  budget: 1GiB\n  level: error\n" } },
      { tag: "head", files: { [CONFIG]: "memory:\n  budget: 1000GiB\n  level: warn\n" } },
    ]);
    const loaded = await loadCliConfig({
      kind: "git",
      source: new GitSource({ repo, base: "base", head: "head" }),
      base: "base",
    });
    expect(loaded.config.memory.budget?.raw).toBe("1GiB");
    expect(loaded.config.memory.level).toBe("error");
  });

  it("never falls back to the working tree for a git run", async () => {
    // The base has no config; the working tree (the head) has one that would loosen the budget.
    const repo = tempRepo([
      { tag: "base", files: { "train.yaml": "batch_size: 8\n" } },
      { tag: "head", files: { [CONFIG]: "memory:\n  budget: 1000GiB\n" } },
    ]);
    const loaded = await loadCliConfig({
      kind: "git",
      source: new GitSource({ repo, base: "base", head: "head" }),
      base: "base",
    });
    expect(loaded).toMatchObject({ errors: [], unusable: false });
    expect(loaded.config.memory.budget).toBeUndefined();
  });

  it("refuses a config that is a symlink at the base, and never shows its target", async () => {
    const outside = tempFolder({ "secret.txt": "memory:\n  budget: TOKEN-s3cret\n" });
    const repo = tempRepo([
      { tag: "base", files: { [CONFIG]: { symlink: `${outside}/secret.txt` } } },
      { tag: "head", files: {} },
    ]);
    const loaded = await loadCliConfig({
      kind: "git",
      source: new GitSource({ repo, base: "base", head: "head" }),
      base: "base",
    });
    expect(loaded.unusable).toBe(true);
    expect(loaded.errors).toEqual([
      {
        key: "",
        message:
          `${CONFIG} at base: is a symbolic link in the repository; not followed; the ` +
          "config was refused and the defaults apply",
      },
    ]);
    expect(JSON.stringify(loaded)).not.toContain("s3cret");
    expect(JSON.stringify(loaded)).not.toContain(outside);
  });

  it(
    "reads the working tree for two plain files only when the config is a " + "regular file inside the repository",
    async () => {
      const outside = tempFolder({ "secret.txt": "language: TOKEN-s3cret\n" });
      const linked = tempFolder({ [CONFIG]: { symlink: `${outside}/secret.txt` } });
      const refused = await loadCliConfig({ kind: "worktree", root: linked });
      expect(refused.errors[0].message).toBe(
        `${CONFIG}: is a symbolic link that leads outside the repository; not ` +
          "followed; the config was refused and the defaults apply",
      );
      expect(JSON.stringify(refused)).not.toContain("s3cret");
      const plain = tempFolder({ [CONFIG]: "language: zh-TW\n" });
      expect((await loadCliConfig({ kind: "worktree", root: plain })).config.language).toBe("zh-TW");
    },
  );

  it("names a --config that is not a regular file and uses the defaults", async () => {
    const loaded = await loadCliConfig({ kind: "file", path: "/dev/zero" });
    expect(loaded).toMatchObject({
      unusable: true,
      errors: [
        { key: "", message: "/dev/zero: is not a regular file (a character device); not read; using the defaults" },
      ],
    });
  });

  it("keeps the paths a repository's config names inside the repository", async () => {
    const root = tempFolder({
      [CONFIG]:
        "proxy:\n  data: ../../home/me/private.csv\n  model: /etc/model.json\nmodel:\n  configJson: ../config.json\n",
    });
    const { config, errors } = await loadCliConfig({ kind: "worktree", root });
    expect(errors.map((e) => e.key).sort()).toEqual(["model.configJson", "proxy.data", "proxy.model"]);
    expect(errors.every((e) => e.message.includes("is outside the repository"))).toBe(true);
    expect([config.proxy.data, config.proxy.model, config.model.configJson]).toEqual(["auto", "auto", undefined]);
  });
});
