import type { Entry } from "../detect/types.js";

/**
 * The entry that sets one of `names`: a plain name matches the last key of a path (`bf16` matches
 * `bf16` and `TrainingArguments.bf16`), a dotted one the path's tail (`model.name`). Dashes and
 * underscores are the same (`--num-layers` is `num_layers`). The file's own entries win over
 * inherited ones, and a later entry over an earlier one (the value the program ends up with).
 * @example findEntry(entries, ["model_name_or_path", "base_model"])?.value // "meta-llama/Llama-3.2-1B"
 */
export function findEntry(entries: Entry[], names: string[], options: { under?: string } = {}): Entry | undefined {
  const wanted = names.map((n) => n.split(".").map(norm));
  const matches = entries.filter((e) => {
    const path = e.path.map(norm);
    if (options.under !== undefined && norm(e.path[0] ?? "") !== norm(options.under)) return false;
    return wanted.some(
      (w) => w.length <= path.length && w.every((part, i) => part === path[path.length - w.length + i]),
    );
  });
  const own = matches.filter((e) => !e.source);
  const pool = own.length ? own : matches;
  // Names earlier in the list are preferred; within a name, the last entry wins.
  for (const w of wanted) {
    const hits = pool.filter((e) => {
      const path = e.path.map(norm);
      return w.length <= path.length && w.every((part, i) => part === path[path.length - w.length + i]);
    });
    if (hits.length) return hits[hits.length - 1];
  }
  return undefined;
}

/**
 * The values of a list-valued key, each with the entry that wrote it: YAML/JSON lists are entries
 * `key.0`, `key.1`, …; a comma- or space-separated string is split (`lora_target: q_proj,v_proj`,
 * `fsdp: "full_shard auto_wrap"`). `key` is the list's own key, without an item index.
 * @example listValue(entries, ["lora_target_modules"])
 *   // { key: "lora_target_modules", items: [{ value: "q_proj", entry }, …] }
 */
export function listValue(
  entries: Entry[],
  names: string[],
): { key: string; items: Array<{ value: string; entry: Entry }> } | undefined {
  const single = findEntry(entries, names);
  if (single && typeof single.value === "string")
    return {
      key: single.path.join("."),
      items: single.value
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((value) => ({ value, entry: single })),
    };
  const wanted = names.map((n) => n.split(".").map(norm));
  const items = entries.filter((e) => {
    if (e.path.length < 2 || !/^\d+$/.test(e.path[e.path.length - 1])) return false;
    const path = e.path.slice(0, -1).map(norm);
    return wanted.some(
      (w) => w.length <= path.length && w.every((part, i) => part === path[path.length - w.length + i]),
    );
  });
  if (!items.length)
    return single && single.value !== null
      ? { key: single.path.join("."), items: [{ value: String(single.value), entry: single }] }
      : undefined;
  const own = items.filter((e) => !e.source);
  const pool = own.length ? own : items;
  return {
    key: pool[0].path.slice(0, -1).join("."),
    items: pool.map((entry) => ({ value: String(entry.value), entry })),
  };
}

/** A boolean as configs write it: true/false, "true", 1/0, "yes". */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    if (/^(true|yes|on|1)$/i.test(value)) return true;
    if (/^(false|no|off|0|none|null)$/i.test(value)) return false;
  }
  return undefined;
}

/** A positive whole number, from a number or a numeric string. */
export function asCount(value: unknown): number | undefined {
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : undefined;
}

function norm(part: string): string {
  return part.replace(/^-+/, "").replace(/-/g, "_").toLowerCase();
}
