import type { Framework, KeyRule } from "./frameworks/framework.js";
import { dotted, keyPattern } from "./frameworks/framework.js";
import { DEVICE_ROLES } from "./device-roles.js";
import { decoyAndEvalRules } from "./frameworks/common-rules.js";
import type { BatchSetting, Entry, ParsedConfig, Role, Scalar } from "./types.js";

/** Roles whose value must be a number; anything else is recorded as unknown with a reason. */
const NUMERIC_ROLES = new Set<Role>([
  "micro_batch",
  "global_batch",
  "grad_accum",
  ...DEVICE_ROLES,
  "tokens_per_batch",
  "seq_len",
  "learning_rate",
  "warmup",
  "epochs",
  "max_steps",
  "eval_interval",
  "eval_batch",
  "nominal_batch",
]);

/**
 * Gives each entry of a parsed config its role in the framework, in source order.
 * @example extractSettings(parseYaml("per_device_train_batch_size: 8", "a.yaml"), huggingface)
 *   // [{ role: "micro_batch", key: "per_device_train_batch_size", value: 8, line: 1, … }]
 */
export function extractSettings(config: ParsedConfig, framework: Framework): BatchSetting[] {
  const rules = [...decoyAndEvalRules, ...framework.rules];
  const settings: BatchSetting[] = [];
  const listDevices = new Map<string, BatchSetting>();
  for (const entry of config.entries) {
    const key = dotted(entry);
    const rule = match(rules, key, entry);
    if (rule && rule.role !== "ignore") {
      settings.push(toSetting(entry, { ...rule, role: rule.role }, key));
      continue;
    }
    // `gpu_ranks: [0, 1, 2, 3]` and `devices: [0, 1]` list the devices: count them.
    const parent = entry.path.slice(0, -1);
    if (parent.length && /^\d+$/.test(entry.path[entry.path.length - 1])) {
      const parentKey = parent.join(".");
      const parentRule = match(rules, parentKey, entry);
      if (parentRule?.role === "devices") {
        const existing = listDevices.get(parentKey);
        if (existing) existing.value = (existing.value as number) + 1;
        else {
          const setting: BatchSetting = {
            role: "devices",
            key: parentKey,
            value: 1,
            raw: `[${entry.raw}, …]`,
            line: entry.line,
            column: entry.column,
          };
          listDevices.set(parentKey, setting);
          settings.push(setting);
        }
      }
    }
  }
  return launcherFirst([...withoutEchoes(settings, config.entries), ...(framework.derive?.(config) ?? [])]);
}

/**
 * A launcher's process count (`--nproc_per_node 8`) says how many devices train;
 * `CUDA_VISIBLE_DEVICES` only says which may be seen, so it counts only when nothing else does.
 */
function launcherFirst(settings: BatchSetting[]): BatchSetting[] {
  const visible = (s: BatchSetting) => s.role === "devices" && /(?:^|\.)CUDA_VISIBLE_DEVICES$/.test(s.key);
  if (!settings.some(visible) || !settings.some((s) => s.role === "devices" && !visible(s))) return settings;
  return [...settings.filter((s) => !visible(s)), ...settings.filter(visible)];
}

/**
 * A value written once and used again (`batch_size=24` then `--train_batch_size=$batch_size`, a
 * Python constant passed to `fit(batch_size=…)`) is one setting, at the line that writes it: the
 * use is kept and the variable itself dropped when both have the same role.
 */
function withoutEchoes(settings: BatchSetting[], entries: Entry[]): BatchSetting[] {
  const variable = new Set(
    entries.filter((e) => e.context === "shell variable").map((e) => `${e.line}:${e.path.join(".")}`),
  );
  const isVariable = (s: BatchSetting) => !s.source && variable.has(`${s.line}:${s.key}`);
  return settings.filter(
    (s) =>
      !isVariable(s) ||
      !settings.some(
        (o) => o !== s && !isVariable(o) && o.role === s.role && o.line === s.line && o.source === s.source,
      ),
  );
}

function match(rules: KeyRule[], key: string, entry: Entry): KeyRule | undefined {
  return rules.find((rule) => {
    if (rule.context && !(entry.context !== undefined && rule.context.test(entry.context))) return false;
    return typeof rule.key === "string" ? keyPattern(rule.key).test(key) : rule.key.test(key);
  });
}

function toSetting(entry: Entry, rule: KeyRule & { role: Role }, key: string): BatchSetting {
  const role = rule.role;
  const setting: BatchSetting = {
    role,
    key,
    value: entry.value,
    raw: entry.raw,
    line: entry.line,
    column: entry.column,
  };
  if (entry.source) setting.source = entry.source;
  if (entry.unknownReason) {
    setting.unknownReason = entry.unknownReason;
    setting.value = null;
    return setting;
  }
  const read = rule.read?.(entry.value);
  if (typeof read === "number") setting.value = read;
  else if (read) {
    setting.unknownReason = read.unknown;
    setting.value = null;
  } else if (NUMERIC_ROLES.has(role)) {
    const n = toNumber(entry.value, role);
    if (n === undefined) {
      setting.unknownReason = { id: "value.notNumber", params: { value: JSON.stringify(entry.value) } };
      setting.value = null;
    } else setting.value = n;
  }
  return setting;
}

/** Numbers written as strings (`"32"`, `"1e-4"`) count; so does a comma list of device ids (`"0,1,2,3"` → 4). */
function toNumber(value: Scalar, role: Role): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const s = value.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number(s);
    if (role === "devices" && /^\d+(\s*,\s*\d+)+,?$/.test(s)) return s.split(",").filter((x) => x.trim() !== "").length;
  }
  return undefined;
}
