import { readFileSync } from "node:fs";
import type { FileReport } from "../../../src/detect/types.js";
import { inEnglish } from "../../helpers/in-english.js";

/** The text of fixtures/configs/<framework>/<name>. */
export function fixture(framework: string, name: string): string {
  return readFileSync(new URL(`../../../fixtures/configs/${framework}/${name}`, import.meta.url), "utf8");
}

/** Step-counted schedule points and intervals; test/detect/schedule-roles.test.ts pins them apart. */
const SCHEDULE_ROLES = new Set(["decay_steps", "eval_interval"]);

/** Each batch-related setting as [line, role, key, value], the shape tests pin (schedule points left to their own
 * test).
 * */
export function table(report: FileReport): Array<[number, string, string, unknown]> {
  return report.settings.filter((s) => !SCHEDULE_ROLES.has(s.role)).map((s) => [s.line, s.role, s.key, s.value]);
}

/** The schedule points and intervals alone, as [line, role, key, value]. */
export function scheduleTable(report: FileReport): Array<[number, string, string, unknown]> {
  return report.settings.filter((s) => SCHEDULE_ROLES.has(s.role)).map((s) => [s.line, s.role, s.key, s.value]);
}

/** Settings whose value is unknown, as [key, reason]. */
export function unknowns(report: FileReport): Array<[string, string | undefined]> {
  return report.settings.filter((s) => s.unknownReason).map((s) => [s.key, inEnglish(s.unknownReason)]);
}
