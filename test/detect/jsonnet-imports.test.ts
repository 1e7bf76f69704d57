import { describe, expect, it } from "vitest";
import { fixtureTree } from "../helpers/fixture-tree.js";
import { detectChanges } from "../../src/detect/detect-changes.js";
import { detectConfig } from "../../src/detect/detect-config.js";
import { importTarget, JSONNET_IMPORT_LIMITS, readJsonnetImports } from "../../src/detect/parse/jsonnet-imports.js";
import { parseJsonnet } from "../../src/detect/parse/parse-jsonnet.js";
import { MemorySource } from "../../src/source/memory-source.js";
import { inEnglish } from "../helpers/in-english.js";

const tree = () => fixtureTree("jsonnet-imports");

const CONFIG = "training_config/roberta_tagger.jsonnet";
const LIB = "training_config/common/trainer.libsonnet";

describe("Jsonnet imports inside the repository", () => {
  it("reads an imported field where the imported file writes it", async () => {
    const files = tree();
    const report = await detectConfig({ path: CONFIG, read: async (p) => files[p] ?? null });
    expect(report?.framework).toBe("allennlp");
    expect(report?.settings.find((s) => s.role === "micro_batch")).toMatchObject({
      key: "data_loader.batch_sampler.batch_size",
      value: 32,
      line: 3,
      source: LIB,
    });
    expect(report?.settings.find((s) => s.role === "grad_accum")).toMatchObject({ value: 2, line: 4, source: LIB });
    expect(report?.settings.find((s) => s.role === "learning_rate")).toMatchObject({
      value: 2e-5,
      line: 7,
      source: LIB,
    });
  });

  it("importstr is the file's text; a path outside the repository is named as not read", async () => {
    const files = tree();
    const imports = await readJsonnetImports(CONFIG, files[CONFIG], async (p) => files[p] ?? null);
    const parsed = parseJsonnet(files[CONFIG], CONFIG, imports);
    expect(parsed.entries.find((e) => e.path.join(".") === "trainer.description")?.value).toBe(
      files["training_config/common/README.txt"],
    );
    expect(inEnglish(parsed.entries.find((e) => e.path.join(".") === "trainer.vocabulary_source")?.unknownReason)).toBe(
      "imported from ../../outside/vocab.libsonnet, outside the repository: not read",
    );
    expect(importTarget(CONFIG, "../../outside/vocab.libsonnet")).toBeUndefined();
  });

  it("without the imported files read, an import stays unknown and says so", () => {
    const files = tree();
    const parsed = parseJsonnet(files[CONFIG], CONFIG);
    expect(
      inEnglish(parsed.entries.find((e) => e.path.join(".") === "data_loader.batch_sampler.batch_size")?.unknownReason),
    ).toBe("imported from common/trainer.libsonnet, not read without the repository");
  });

  it("a missing file and an import chain past the bound are named", async () => {
    const chain: Record<string, string> = {
      "a.jsonnet": '{ x: (import "b.libsonnet").x, y: import "gone.libsonnet" }',
    };
    for (let i = 0; i < JSONNET_IMPORT_LIMITS.depth + 1; i++)
      chain[`${"bcdefg"[i]}.libsonnet`] = `{ x: (import "${"cdefgh"[i]}.libsonnet").x }`;
    const imports = await readJsonnetImports("a.jsonnet", chain["a.jsonnet"], async (p) => chain[p] ?? null);
    const parsed = parseJsonnet(chain["a.jsonnet"], "a.jsonnet", imports);
    expect(inEnglish(parsed.entries.find((e) => e.path[0] === "y")?.unknownReason)).toBe(
      "imported from gone.libsonnet: no such file in the repository",
    );
    expect(inEnglish(parsed.entries.find((e) => e.path[0] === "x")?.unknownReason)).toMatch(/deeper than 3 imports/);
  });

  it("a PR that edits only the imported trainer reports the batch change on the config that imports it", async () => {
    const base = tree();
    const head = { ...base, [LIB]: base[LIB].replace("batch_size: 32", "batch_size: 64") };
    const { changes } = await detectChanges(new MemorySource({ base, head }));
    expect(changes.find((c) => c.path === CONFIG)).toMatchObject({
      role: "micro_batch",
      before: 32,
      after: 64,
      line: 3,
      inheritedFrom: LIB,
    });
  });
});
