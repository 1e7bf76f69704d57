import { posix } from "node:path";
import { lastWins } from "./parse/parse-yaml.js";
import { parseConfig } from "./parse/parse-config.js";
import type { ParsedConfig } from "./types.js";
import type { DetectionWarning } from "./warning.js";

/** A file a config inherits from, and where its keys land in the child. */
export interface ParentRef {
  path: string;
  /** Key prefix the parent's keys are placed under (Hydra packages them by config group). */
  prefix: string[];
  line: number;
}

export type ReadAt = (path: string) => Promise<string | null>;

/** Bounds so a cycle or a hostile chain of bases cannot run forever. */
export const INHERITANCE_LIMITS = { depth: 10, files: 50 };

/**
 * The files a config names as its bases: Hydra `defaults:` lists, OpenMMLab `_base_`, detectron2
 * `_BASE_`. Paths are resolved against the config's folder (Hydra groups against `root`, the
 * primary config's folder).
 * @example parentRefs(parseYaml("defaults:\n  - data: mnist\n", "conf/train.yaml"))
 *   // [{path:"conf/data/mnist.yaml", prefix:["data"], line:2}]
 */
export function parentRefs(config: ParsedConfig, root = posix.dirname(config.path)): ParentRef[] {
  const dir = posix.dirname(config.path);
  const refs: ParentRef[] = [];
  const lightningCommands = lightningCliCommands(config);
  for (const e of config.entries) {
    // LightningCLI: `python main.py fit --config base.yaml --config large.yaml` composes both, the later winning.
    if (
      e.context !== undefined &&
      lightningCommands.has(e.context) &&
      e.path.length === 1 &&
      (e.path[0] === "config" || e.path[0] === "c") &&
      typeof e.value === "string"
    ) {
      refs.push({ path: posix.normalize(e.value), prefix: [], line: e.line });
      continue;
    }
    const [head, index, group] = e.path;
    if (typeof e.value !== "string" || e.source) continue;
    if (
      (head === "_base_" || head === "_BASE_") &&
      (e.path.length === 1 || (e.path.length === 2 && /^\d+$/.test(index)))
    ) {
      refs.push({ path: posix.normalize(posix.join(dir, e.value)), prefix: [], line: e.line });
    } else if (head === "defaults" && e.path.length === 2 && /^\d+$/.test(index)) {
      if (e.value === "_self_") continue;
      refs.push({ path: posix.normalize(posix.join(dir, withYamlExt(e.value))), prefix: [], line: e.line });
    } else if (head === "defaults" && e.path.length === 3 && /^\d+$/.test(index)) {
      const ref = hydraGroupRef(group, e.value, root);
      if (ref) refs.push({ ...ref, line: e.line });
    }
  }
  return refs;
}

/**
 * Shell commands that run a LightningCLI (`fit`, `validate`, `test`, `predict` as their first
 * argument). Their `--config` files are relative to where the script is run: the repository root.
 */
function lightningCliCommands(config: ParsedConfig): Set<string> {
  const commands = new Set<string>();
  if (config.format !== "shell") return commands;
  for (const e of config.entries) {
    if (e.path.length === 1 && e.path[0] === "#1" && e.context && /^(fit|validate|test|predict)$/.test(String(e.value)))
      commands.add(e.context);
  }
  return commands;
}

/** `- override /model@net: big` → model/big.yaml, packaged under `net`. */
function hydraGroupRef(groupKey: string, option: string, root: string): Omit<ParentRef, "line"> | undefined {
  if (option === "null" || option === "???" || option.includes("${")) return undefined;
  const [groupPath, pkg] = groupKey.replace(/^(override|optional)\s+/, "").split("@");
  const group = groupPath.replace(/^\//, "");
  if (!group) return undefined;
  const prefix = pkg === "_global_" ? [] : (pkg ?? group.replace(/\//g, ".")).split(".").filter(Boolean);
  return { path: posix.normalize(posix.join(root, group, withYamlExt(option))), prefix };
}

function withYamlExt(name: string): string {
  return /\.(ya?ml|py|json)$/.test(name) ? name : `${name}.yaml`;
}

/**
 * The config with the keys of every file it inherits merged in underneath it (the child wins),
 * each inherited entry marked with the file it came from. Missing bases become warnings.
 */
export async function withInheritance(
  config: ParsedConfig,
  read: ReadAt,
): Promise<{ config: ParsedConfig; warnings: DetectionWarning[] }> {
  const warnings: DetectionWarning[] = [];
  const seen = new Set<string>([config.path]);
  const root = posix.dirname(config.path);
  const merged = await merge(config, 0);
  return { config: merged, warnings };

  async function merge(child: ParsedConfig, depth: number): Promise<ParsedConfig> {
    const refs = parentRefs(child, root);
    if (!refs.length) return child;
    const inherited: ParsedConfig["entries"] = [];
    for (const ref of refs) {
      if (seen.has(ref.path)) {
        warnings.push({
          id: "warning.inheritedTwice",
          params: { file: child.path, line: ref.line, inherited: ref.path },
        });
        continue;
      }
      if (depth >= INHERITANCE_LIMITS.depth || seen.size >= INHERITANCE_LIMITS.files) {
        warnings.push({
          id: "warning.inheritedTooDeep",
          params: {
            file: child.path,
            line: ref.line,
            inherited: ref.path,
            depth: INHERITANCE_LIMITS.depth,
            files: INHERITANCE_LIMITS.files,
          },
        });
        continue;
      }
      seen.add(ref.path);
      const text = await read(ref.path);
      if (text === null) {
        warnings.push({
          id: "warning.inheritedMissing",
          params: { file: child.path, line: ref.line, inherited: ref.path },
        });
        continue;
      }
      const parsed = parseConfig(ref.path, text);
      for (const error of parsed.errors)
        warnings.push({ id: "warning.inheritedError", params: { inherited: ref.path, line: error.line ?? 0 }, error });
      const parent = await merge(parsed, depth + 1);
      // A Hydra option file that says `# @package _global_` is placed at the root whatever its group.
      const global = parsed.comments.some((c) => c.line <= 3 && /@package\s+_global_/.test(c.text));
      const prefix = global ? [] : ref.prefix;
      for (const e of parent.entries) {
        if (e.path[0] === "defaults" || e.path[0] === "_base_" || e.path[0] === "_BASE_") continue;
        inherited.push({ ...e, path: [...prefix, ...e.path], document: 0, source: e.source ?? ref.path });
      }
    }
    const own = child.entries.map((e) => ({ ...e, document: 0 }));
    return { ...child, entries: lastWins([...inherited, ...own]) };
  }
}
