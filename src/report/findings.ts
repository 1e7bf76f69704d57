import { byUrgency } from "./level.js";
import type { ChangeGroup } from "./types.js";

/** One edit as the reviewer sees it: the file edited, the group whose estimate speaks for it, and every config it
 * affects. */
export interface Finding {
  /** The group shown: a config that composes the edited file (it knows the framework, devices, the learning rate), else
   * the edited file's own. */
  group: ChangeGroup;
  /** The file the pull request edited. */
  edited: string;
  /** Configs the edit reaches, the edited file first when it is a config of its own, then the configs that compose it.
   * */
  affects: string[];
  /** Every group folded into this finding, worst first. */
  groups: ChangeGroup[];
}

/**
 * One finding per edit: a Hydra fragment (`conf/data/mnist.yaml`), a `_base_` or a `_BASE_` and the
 * configs that compose it are one edit, reported once with the configs it affects. Detection
 * reports the edit on the fragment and again on each config that inherits it (`inheritedFrom`);
 * changes of different sizes stay different findings. Worst first.
 * @example findings([fragmentGroup, composedGroup]) // [{ edited: "conf/data/mnist.yaml", affects:
 * ["conf/data/mnist.yaml", "conf/train.yaml"], group: composedGroup, … }]
 */
export function findings(groups: ChangeGroup[]): Finding[] {
  const byEdit = new Map<string, ChangeGroup[]>();
  for (const group of groups) {
    const key = editKey(group);
    byEdit.set(key, [...(byEdit.get(key) ?? []), group]);
  }
  const out = [...byEdit.values()].map((members) => {
    const edited = editedFile(members[0]);
    const ordered = byUrgency(members);
    // The composing config knows the whole batch (its framework, devices); the fragment alone does not.
    const composed = ordered.filter((g) => g.path !== edited);
    const group = composed[0] ?? ordered[0];
    const own = members.some((g) => g.path === edited) ? [edited] : [];
    const affects = [
      ...own,
      ...members
        .filter((g) => g.path !== edited)
        .map((g) => g.path)
        .sort(),
    ];
    return { group, edited, affects, groups: ordered };
  });
  const first = new Map(byUrgency(out.map((f) => f.group)).map((g, i) => [g, i]));
  return out.sort((a, b) => first.get(a.group)! - first.get(b.group)!);
}

/** The file a group's edit was made in: the inherited file when every change came from one, else the group's own. */
function editedFile(group: ChangeGroup): string {
  const from = new Set(group.changes.map((c) => c.inheritedFrom ?? group.path));
  return from.size === 1 ? [...from][0] : group.path;
}

/** Same edited file, same values before and after: the same edit, wherever detection reported it. */
function editKey(group: ChangeGroup): string {
  // Lines are the edited file's (detection reports an inherited change at its line in the base).
  return JSON.stringify([editedFile(group), group.changes.map((c) => [c.line, c.before, c.after])]);
}
