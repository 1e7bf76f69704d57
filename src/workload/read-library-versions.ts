import type { BotConfig } from "../config/schema.js";
import type { Field } from "./types.js";

/**
 * Which bitsandbytes the user's job runs: the bot config's `model.bitsandbytes`, else the pin in a
 * dependency file of the repository (a `requirements.txt` beside the config or at the root, a
 * `pyproject.toml`, a `setup.py`). The files are read as text and searched for the package's
 * requirement; nothing in them is run. The memory model needs it because bitsandbytes before
 * 0.43.2 kept every 4-bit layer's input for the backward pass (src/estimate/memory-framework.ts).
 */

/**
 * The dependency files to search, most specific first: beside the config, then the repository root.
 * @example dependencyFiles("configs/llama/qlora.yaml")
 * // ["configs/llama/requirements.txt", "configs/llama/pyproject.toml", "requirements.txt", "pyproject.toml",
 * //  "setup.py"]
 */
export function dependencyFiles(configPath: string): string[] {
  const slash = configPath.lastIndexOf("/");
  const dir = slash > 0 ? `${configPath.slice(0, slash)}/` : "";
  const beside = dir ? [`${dir}requirements.txt`, `${dir}pyproject.toml`] : [];
  return [...beside, "requirements.txt", "pyproject.toml", "setup.py"];
}

/** A requirement on one package as written, and the line it is on (1-based). */
export interface Pin {
  spec: string;
  line: number;
}

// PEP 508 (requirements.txt lines, pyproject/setup.py strings): name, extras, then clauses such as
// "==0.42.0", ">=0.45.2,<0.46". Poetry tables: `bitsandbytes = "^0.42.0"` or `{ version = "…" }`.
const PEP508 = /(?:^|["'\s])bitsandbytes\s*(?:\[[^\]]*\])?\s*((?:(?:===|[<>=!~]=|[<>])\s*[0-9][\w.*+!-]*\s*,?\s*)+)/i;
const POETRY = /^\s*bitsandbytes\s*=\s*(?:"([^"]+)"|\{[^}]*\bversion\s*=\s*"([^"]+)")/i;
/** An environment marker that limits the requirement to macOS, where no CUDA training runs. */
const MAC_ONLY = /;[^"'#]*(?:sys_platform\s*==\s*["']darwin|platform_system\s*==\s*["']Darwin)/;

/**
 * The first requirement on bitsandbytes in a dependency file's text, skipping comments and macOS-only
 * entries; undefined when the file names none or names it without a version.
 * @example pinOf('torch>=2.2\nbitsandbytes==0.42.0  # quantization\n') // { spec: "==0.42.0", line: 2 }
 */
export function pinOf(text: string): Pin | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*#/.test(line) || !/bitsandbytes/i.test(line)) continue;
    const pep = PEP508.exec(line);
    if (pep) {
      if (MAC_ONLY.test(line.slice(pep.index))) continue;
      return { spec: pep[1]!.replace(/\s+/g, "").replace(/,$/, ""), line: i + 1 };
    }
    const poetry = POETRY.exec(line);
    const spec = poetry?.[1] ?? poetry?.[2];
    if (spec && /\d/.test(spec)) return { spec: spec.replace(/\s+/g, ""), line: i + 1 };
  }
  return undefined;
}

/**
 * The bitsandbytes field of the workload: the bot config's key wins (it states what runs), then the
 * first dependency file that pins it (files already read; null or absent means missing).
 * @example readBitsandbytes({ config, configPath: "qlora.yaml", files: new Map([["requirements.txt",
 * "bitsandbytes==0.42.0"]]) }).value // "==0.42.0"
 */
export function readBitsandbytes(o: {
  config: BotConfig;
  configPath: string;
  files: ReadonlyMap<string, string | null>;
}): Field<string> {
  const stated = o.config.model.bitsandbytes;
  if (stated !== undefined) return { value: stated, source: { kind: "bot-config", key: "model.bitsandbytes" } };
  for (const file of dependencyFiles(o.configPath)) {
    const text = o.files.get(file);
    const pin = text ? pinOf(text) : undefined;
    if (pin) return { value: pin.spec, source: { kind: "config", file, key: "bitsandbytes", line: pin.line } };
  }
  return {
    value: null,
    source: { kind: "unknown", reason: { id: "default.unset", params: { key: "model.bitsandbytes" } } },
  };
}
