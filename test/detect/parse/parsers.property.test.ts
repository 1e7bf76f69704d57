import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_CONFIG_BYTES, MAX_LISTED_ERRORS, parseConfig } from "../../../src/detect/parse/parse-config.js";
import {
  BOUND_MESSAGES,
  MAX_VALUES,
  ONE_MB,
  PARSER_FAMILIES,
  SEEDS,
  manyKeysText,
  type Family,
} from "../../helpers/hostile-configs.js";
import { contractViolations } from "../../helpers/parser-contract.js";
import { inEnglish } from "../../helpers/in-english.js";
import { reasonText } from "../../../src/report/messages/detection-reasons.js";

// Bounds every parser family shares, each pinned by the message it gives when hit. Generated
// inputs per family live in <family>.property.test.ts; speed and memory in `npm run bench`.

function parse(family: Family, text: string) {
  const path = `config.${family}`;
  const r = parseConfig(path, text, family);
  expect(contractViolations(text, family, r, path)).toEqual([]);
  return r;
}

const DEEP: Record<Family, (n: number) => string> = {
  yaml: (n) => "a: " + "[".repeat(n) + "]".repeat(n),
  json: (n) => "[".repeat(n) + "]".repeat(n),
  toml: (n) => "a = " + "[".repeat(n) + "]".repeat(n),
  python: (n) => "x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\ny = " + "dict(a=".repeat(n) + "1" + ")".repeat(n),
  shell: (n) => "X=" + "${A:-".repeat(n) + "1" + "}".repeat(n) + "\nY=$((" + "(".repeat(n) + "1" + ")".repeat(n) + "))",
  gin: (n) => "x.y = " + "[".repeat(n) + "]".repeat(n),
};

const LONG_LINE: Record<Family, { text: (v: string) => string; path: string }> = {
  yaml: { text: (v) => `a: ${v}\n`, path: "a" },
  json: { text: (v) => `{"a": "${v}"}`, path: "a" },
  toml: { text: (v) => `a = "${v}"\n`, path: "a" },
  python: { text: (v) => `a = '${v}'\n`, path: "a" },
  shell: { text: (v) => `python t.py --a ${v}\n`, path: "a" },
  gin: { text: (v) => `a.b = '${v}'\n`, path: "a.b" },
};

const HUGE: Record<Family, { text: string; big: string; after: string }> = {
  yaml: { text: "big: 1e400\nafter: 1\n", big: "big", after: "after" },
  json: { text: '{"big": 1e400, "after": 1}', big: "big", after: "after" },
  toml: { text: "big = 99999999999999999999\nafter = 1\n", big: "big", after: "after" },
  python: { text: "big = 2**1024\nafter = 1\n", big: "big", after: "after" },
  shell: { text: "python t.py --big 1e400 --after 1\n", big: "big", after: "after" },
  gin: { text: "a.big = 1e400\na.after = 1\n", big: "a.big", after: "a.after" },
};

describe("every parser family stays within its bounds, and says which one it hit", () => {
  for (const family of PARSER_FAMILIES) {
    it(`${family}: its seed config reads without errors`, () => {
      const r = parse(family, SEEDS[family]);
      expect(r.errors).toEqual([]);
      expect(r.entries.length).toBeGreaterThan(2);
    });

    it(`${family}: 100 000 levels of nesting end in the nesting bound's message, not a stack overflow`, () => {
      const r = parse(family, DEEP[family](100_000));
      const messages = [
        ...r.errors.map((e) => e.message),
        ...r.entries.flatMap((e) => (e.unknownReason ? [reasonText(e.unknownReason)] : [])),
      ];
      expect(
        messages.some((m) => BOUND_MESSAGES.nesting.test(m)),
        JSON.stringify(messages),
      ).toBe(true);
    });

    it(`${family}: a 1 MiB single-line value is read whole`, () => {
      const value = "x".repeat(ONE_MB);
      const r = parse(family, LONG_LINE[family].text(value));
      expect(r.errors).toEqual([]);
      const entry = r.entries.find((e) => e.path.join(".") === LONG_LINE[family].path);
      expect(entry?.value).toBe(value);
    });

    it(`${family}: ${MAX_VALUES + 10_000} keys stop at ${MAX_VALUES} values with the cap's message`, () => {
      const r = parse(family, manyKeysText(family, MAX_VALUES + 10_000));
      expect(r.entries).toHaveLength(MAX_VALUES);
      expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(BOUND_MESSAGES.values)]);
    });

    it(`${family}: a file over ${MAX_CONFIG_BYTES / 1048576} MiB is named with its size and not read`, () => {
      const r = parse(family, LONG_LINE[family].text("x".repeat(MAX_CONFIG_BYTES)));
      expect(r.entries).toEqual([]);
      expect(r.errors).toEqual([
        {
          message: expect.stringMatching(BOUND_MESSAGES.size),
          problem: { id: "parse.tooLarge", params: { size: expect.any(String), max: MAX_CONFIG_BYTES / 1048576 } },
        },
      ]);
      expect(r.path).toBe(`config.${family}`);
    });

    it(`${family}: a huge number is never Infinity, and the setting after it is still read`, () => {
      const r = parse(family, HUGE[family].text);
      const big = r.entries.find((e) => e.path.join(".") === HUGE[family].big);
      expect(big).toBeDefined();
      if (big!.value === null) expect(inEnglish(big!.unknownReason)).toMatch(/too large to evaluate exactly/);
      else expect(Number.isFinite(big!.value)).toBe(true);
      expect(r.entries.find((e) => e.path.join(".") === HUGE[family].after)?.value).toBe(1);
    });

    it(`${family}: a file of junk lists at most ${MAX_LISTED_ERRORS} errors and a count of the rest`, () => {
      const r = parse(family, "}]\"'\n".repeat(2000) + ":::\n".repeat(2000));
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.errors.length).toBeLessThanOrEqual(MAX_LISTED_ERRORS + 1);
      expect(r.errors[0].line, r.errors[0].message).toBeGreaterThanOrEqual(1);
    });

    it(`${family}: a byte-order mark before the file changes nothing`, () => {
      const plain = parse(family, SEEDS[family]);
      const marked = parse(family, `\ufeff${SEEDS[family]}`);
      expect(marked.entries).toEqual(plain.entries);
      expect(marked.errors).toEqual(plain.errors);
    });
  }
});

describe("nothing from a pull request is run", () => {
  const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));
  const sources = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts"))
    .map((d) => ({
      path: join(d.parentPath, d.name).slice(SRC.length),
      text: readFileSync(join(d.parentPath, d.name), "utf8"),
    }));

  it(
    "no source evaluates code but the App's worker bootstrap, which imports two " +
      "modules of this package by fixed path",
    () => {
      const evaluates = /\beval\s*\(|new\s+Function\s*\(|from\s+["']node:vm["']|\beval:\s*true/;
      const evaluating = sources.filter((f) => evaluates.test(f.text));
      expect(evaluating.map((f) => f.path)).toEqual(["app/train-in-worker.ts"]);
      const worker = evaluating[0].text;
      const bootstrap = /const code = `([^`]*)`/.exec(worker)?.[1] ?? "";
      const interpolated = [...bootstrap.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]);
      expect(interpolated).toEqual(["JSON.stringify(tsx)", "JSON.stringify(entry)"]);
      const tsxResolve =
        /const tsx = pathToFileURL\(\s*createRequire\(import\.meta\.url\)\s*\.resolve\("tsx\/esm\/api"\)/;
      expect(worker).toMatch(tsxResolve);
      expect(worker).toMatch(/const entry = new URL\("\.\/analysis-worker\.ts", import\.meta\.url\)/);
    },
  );

  it(
    "the only import of a computed module name loads a native TensorFlow.js " +
      "package named in the code (besides that bootstrap)",
    () => {
      const computed = sources.filter(
        (f) => f.path !== "app/train-in-worker.ts" && /\bimport\s*\(\s*[^"'`\s)]/.test(f.text),
      );
      expect(computed.map((f) => f.path)).toEqual(["proxy/load-backend.ts"]);
      const names = [...computed[0].text.matchAll(/tryNative\(\s*([^)]+)\)/g)]
        .map((m) => m[1])
        .filter((a) => !a.startsWith("pkg"));
      expect(names.sort()).toEqual(['"@tensorflow/tfjs-node"', '"@tensorflow/tfjs-node-gpu"']);
    },
  );

  it("only the git source and the work-tree listing start a process, and only git", () => {
    const spawning = sources.filter((f) => /["']node:child_process["']/.test(f.text));
    expect(spawning.map((f) => f.path).sort()).toEqual(["source/git-source.ts", "source/list-work-tree.ts"]);
    for (const f of spawning) {
      const programs = [...f.text.matchAll(/\b(?:execFile|spawn|exec|run)\(\s*([^,)]+)/g)].map((m) => m[1].trim());
      expect(programs.length, f.path).toBeGreaterThan(0);
      expect(
        programs.every((p) => p === '"git"'),
        `${f.path}: ${programs.join(", ")}`,
      ).toBe(true);
    }
  });
});
