/**
 * A context pattern for a launch script, however the command line starts it: run directly
 * (`./tools/dist_train.sh`), by a shell (`bash tools/dist_train.sh`, `sh -x …` is `sh …`) or
 * submitted with `sbatch`. The shell parser keeps the script's path as written, so only its file
 * name is matched; rules with it never read another command's positionals (`#1`, `#2`).
 * @example runsScript("dist_train.sh").test("bash ./tools/dist_train.sh") // true
 */
export function runsScript(...names: string[]): RegExp {
  const files = names.map((n) => n.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")).join("|");
  return new RegExp(`^(?:(?:bash|sh|zsh|sbatch) )?(?:\\S*/)?(?:${files})$`);
}
