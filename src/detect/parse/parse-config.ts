import type { Format, ParsedConfig } from "../types.js";
import { parseGin } from "./parse-gin.js";
import { parseJson } from "./parse-json.js";
import { parseJsonnet } from "./parse-jsonnet.js";
import { parsePowerShell } from "./parse-powershell.js";
import { parsePython } from "./parse-python.js";
import { parseShell } from "./parse-shell.js";
import { parseToml } from "./parse-toml.js";
import { syntaxError } from "../parse-problem.js";
import { parseYaml } from "./parse-yaml.js";

/** Files larger than this are reported, not parsed: configs are small, and the bound keeps a hostile PR cheap. */
export const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

type Parser = (text: string, path: string) => ParsedConfig;

const PARSERS: Partial<Record<Format, Parser>> = {
  yaml: parseYaml,
  json: parseJson,
  python: parsePython,
  shell: parseShell,
  toml: parseToml,
  gin: parseGin,
  jsonnet: parseJsonnet,
  powershell: parsePowerShell,
};

/** The format a path is written in: by extension first, then by a look at the content. */
export function formatOf(path: string, text: string): Format {
  const name = path.toLowerCase();
  if (/\.(ya?ml)$/.test(name)) return "yaml";
  if (/\.(json|jsonc|json5)$/.test(name)) return "json";
  if (/\.toml$/.test(name)) return "toml";
  if (/\.py$/.test(name)) return "python";
  if (/\.(sh|bash|zsh|slurm|sbatch)$/.test(name)) return "shell";
  if (/\.gin$/.test(name)) return "gin";
  if (/\.(jsonnet|libsonnet)$/.test(name)) return "jsonnet";
  if (/\.ps1$/.test(name)) return "powershell";
  const head = text.slice(0, 2000);
  if (/^#!.*\b(ba|z)?sh\b/.test(head)) return "shell";
  if (/^#!.*python/.test(head)) return "python";
  // `[training]` opens TOML, not a JSON array: look at the first line that is not a comment.
  const first = /^[ \t]*[^\s#].*$/m.exec(head)?.[0] ?? "";
  if (/^\s*\[\[?\s*[A-Za-z_][\w.\- ]*\]\]?\s*(#.*)?$/.test(first)) return "toml";
  if (/^\s*[[{]/.test(head)) return "json";
  if (
    /^#SBATCH\s/m.test(head) ||
    /^\s*(torchrun|deepspeed|accelerate\s+launch|srun|python3?\s+[^\s=]+\.py)\b/m.test(head)
  )
    return "shell";
  if (/^\s*(include\s+['"]|from\s+__gin__\s+import\b)/m.test(head) || /^[\w./]+\.\w+\s*=\s*[%@]/m.test(head))
    return "gin";
  if (/^(import\s+\w|from\s+[\w.]+\s+import\s)/m.test(head) || /^\w+\s*=\s*dict\(/m.test(head)) return "python";
  return "text";
}

/**
 * Errors listed per file; past this a broken or hostile file gets one summary line (YAML reports
 * one per bad token).
 */
export const MAX_LISTED_ERRORS = 20;

/**
 * Parses a config file of any supported format into flat entries. Never throws: a file it cannot
 * read comes back with an error entry, so the rest of a pull request is still analysed. A Jsonnet
 * file's imports are read from `read.jsonnetImports` (files read beforehand), else named unknown.
 */
export function parseConfig(
  path: string,
  text: string,
  format?: Format,
  read?: { jsonnetImports?: ReadonlyMap<string, string | null> },
): ParsedConfig {
  // A byte-order mark is invisible in the editor that wrote it: lines and columns are counted without it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  format ??= formatOf(path, text);
  if (text.length > MAX_CONFIG_BYTES) {
    return {
      path,
      format,
      entries: [],
      comments: [],
      errors: [
        {
          message:
            `File is ${(text.length / 1048576).toFixed(1)} MiB; configs ` +
            `over ${MAX_CONFIG_BYTES / 1048576} MiB are not read`,
          problem: {
            id: "parse.tooLarge",
            params: { size: (text.length / 1048576).toFixed(1), max: MAX_CONFIG_BYTES / 1048576 },
          },
        },
      ],
    };
  }
  const imports = read?.jsonnetImports;
  const parser: Parser | undefined =
    format === "jsonnet" && imports ? (t, p) => parseJsonnet(t, p, imports) : PARSERS[format];
  if (!parser)
    return {
      path,
      format,
      entries: [],
      comments: [],
      errors:
        format === "text"
          ? []
          : [{ message: `No parser for ${format} files`, problem: { id: "parse.noParser", params: { format } } }],
    };
  try {
    return bounded(parser(text, path));
  } catch (error) {
    return { path, format, entries: [], comments: [], errors: [syntaxError(format, (error as Error).message)] };
  }
}

/** The promises every parser's result keeps: a bounded error list, and no number that is not finite. */
function bounded(parsed: ParsedConfig): ParsedConfig {
  if (parsed.errors.length > MAX_LISTED_ERRORS + 1) {
    const more = parsed.errors.length - MAX_LISTED_ERRORS;
    parsed.errors = [
      ...parsed.errors.slice(0, MAX_LISTED_ERRORS),
      { message: `${more} more errors in this file`, problem: { id: "parse.moreErrors", params: { count: more } } },
    ];
  }
  // `1e400` and `.inf` read as Infinity: a batch of Infinity would poison every ratio after it.
  for (const e of parsed.entries) {
    if (typeof e.value !== "number" || Number.isFinite(e.value)) continue;
    const raw = e.raw.trim() || String(e.value);
    e.unknownReason = /^[+-]?[0-9]/.test(raw)
      ? { id: "value.tooLarge", params: { value: raw } }
      : { id: "value.notFinite", params: { value: raw } };
    e.value = null;
  }
  return parsed;
}
