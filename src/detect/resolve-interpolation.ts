import type { DetectionReason } from "./reason.js";
import type { Entry, ParsedConfig, Scalar } from "./types.js";

/** Bound on the links of one chain of interpolations (`${a}` → `${b}` → …). */
export const MAX_INTERPOLATION_HOPS = 10;

/** `${key}`, `${.sibling}`, `${..parent_key}`, `${oc.select:key,default}` — the whole value, nothing around it. */
const WHOLE = /^\$\{\s*([^{}]*?)\s*\}$/;

/**
 * OmegaConf interpolations resolved against the config as composed (the file and every Hydra
 * default merged into it): `${data.batch_size}` from the root, `${.x}` and `${..x}` relative to the
 * node that holds the value, `${oc.select:key,default}` with its default when the key is absent.
 * A resolved value is reported where it is written (the target's line and file), with the
 * interpolation as the place it is used. What stays unresolved says why: a key the composed config
 * does not have, a cycle, an environment variable or another resolver (known only at run time).
 * @example resolveInterpolations(parseYaml("bs: 16\ndata:\n  batch_size: ${bs}\n", "c.yaml")).entries[1]
 *   // { path: ["data","batch_size"], value: 16, line: 1, usedAt: { line: 3, raw: "${bs}" } }
 */
export function resolveInterpolations(config: ParsedConfig): ParsedConfig {
  if (config.format !== "yaml" && config.format !== "json") return config;
  if (!config.entries.some((e) => e.unknownReason !== undefined && e.raw.includes("${"))) return config;
  const byPath = new Map<string, Entry>();
  for (const e of config.entries) if ((e.document ?? 0) === 0) byPath.set(e.path.join("."), e);
  const entries = config.entries.map((e) => ((e.document ?? 0) === 0 ? resolve(e, byPath, 0, new Set()) : e));
  return { ...config, entries };
}

function resolve(entry: Entry, byPath: Map<string, Entry>, hops: number, seen: Set<string>): Entry {
  if (entry.unknownReason === undefined) return entry;
  const m = WHOLE.exec(entry.raw.trim().replace(/^(["'])(.*)\1$/, "$2"));
  if (!m) return entry;
  const inner = m[1];
  const select = /^oc\.select\s*:\s*([^,]+?)\s*(?:,\s*(.*))?$/.exec(inner);
  // Other resolvers (oc.env, eval, custom ones) are known only at run time: the reason already says so.
  if (!select && inner.includes(":")) return entry;
  const key = select ? select[1] : inner;
  const target = absolute(key, entry.path);
  const here = entry.path.join(".");
  if (seen.has(here) || hops >= MAX_INTERPOLATION_HOPS)
    return {
      ...entry,
      unknownReason: { id: "value.interpolationCycle", params: { expr: `\${${inner}}`, max: MAX_INTERPOLATION_HOPS } },
    };
  const found = target === undefined ? undefined : byPath.get(target);
  if (!found) {
    if (select && select[2] !== undefined)
      return { ...entry, value: literal(select[2]), unknownReason: undefined, usedAt: undefined };
    const expr = `\${${inner}}`;
    const why: DetectionReason =
      target === undefined
        ? { id: "value.interpolationAboveRoot", params: { expr } }
        : { id: "value.interpolationMissing", params: { expr, key: target } };
    return { ...entry, unknownReason: why };
  }
  const value = resolve(found, byPath, hops + 1, new Set([...seen, here]));
  // The value it points at is known only at run time (`${oc.env:BS}`): that reason is this one's.
  if (value.unknownReason !== undefined) return { ...entry, unknownReason: value.unknownReason };
  const { unknownReason: _, source: __, ...known } = entry;
  const resolved: Entry = {
    ...known,
    value: value.value,
    raw: value.raw,
    line: value.line,
    column: value.column,
    usedAt: { line: entry.line, raw: entry.raw },
  };
  // The file that writes the value, which may not be the one that holds the interpolation.
  if (value.source !== undefined) resolved.source = value.source;
  return resolved;
}

/**
 * The absolute dotted key an interpolation names from the node at `path`: `a.b` from the root,
 * `.x` beside the value, each further dot one level up; undefined when it climbs above the root.
 */
export function absolute(key: string, path: string[]): string | undefined {
  const dots = /^\.*/.exec(key)![0].length;
  if (dots === 0) return key;
  const parent = path.slice(0, -1);
  const up = dots - 1;
  if (up > parent.length) return undefined;
  return [...parent.slice(0, parent.length - up), key.slice(dots)].filter(Boolean).join(".");
}

/** An `oc.select` default as OmegaConf reads it: a number, true/false, null, or the text. */
function literal(text: string): Scalar {
  const t = text.trim().replace(/^(["'])(.*)\1$/, "$2");
  if (/^[-+]?(?:\d[\d_]*)(?:\.\d*)?(?:[eE][-+]?\d+)?$/.test(t)) return Number(t.replace(/_/g, ""));
  if (/^(?:true|false)$/i.test(t)) return t.toLowerCase() === "true";
  if (/^null$/i.test(t)) return null;
  return t;
}
