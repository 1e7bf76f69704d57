import { readFileSync } from "node:fs";
import type { FileReport } from "../../../src/detect/types.js";

/** The text of fixtures/configs/<framework>/<name>. */
export function fixture(framework: string, name: string): string {
  return readFileSync(new URL(`../../../fixtures/configs/${framework}/${name}`, import.meta.url), "utf8");
}

/** Each setting as [line, role, key, value], the shape tests pin. */
export function table(report: FileReport): Array<[number, string, string, unknown]> {
  return report.settings.map((s) => [s.line, s.role, s.key, s.value]);
}

/** Settings whose value is unknown, as [key, reason]. */
export function unknowns(report: FileReport): Array<[string, string | undefined]> {
  return report.settings.filter((s) => s.unknownReason).map((s) => [s.key, s.unknownReason]);
}
