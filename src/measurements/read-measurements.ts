import type { ConfigIssue } from "../config/config-issue.js";
import { measurementsFileSchema, type MeasurementsFile } from "./schema.js";

/** A measurements file read and checked, with the path it came from; or why it could not be used. */
export type ReadMeasurements =
  | { ok: true; file: MeasurementsFile; from: string }
  | { ok: false; from: string; field: string; message: string; issue: ConfigIssue };

/**
 * Parses the text of a measurements file (JSON) against its schema. A file that does not match is
 * reported with the first wrong field's path (`runs.0.stepSeconds`) and what it expects, so the
 * rest of the report can go out without it.
 * @example readMeasurements('{"version":1,"runs":[{"microBatch":8,"stepSeconds":"fast"}]}', "m.json")
 *   // { ok: false, field: "runs.0.stepSeconds", … }
 */
export function readMeasurements(text: string, from: string): ReadMeasurements {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the text it choked on; a file that is not JSON may be anything, so only the position
    // is kept.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    return {
      ok: false,
      from,
      field: "(file)",
      message: `${from} is not valid JSON${at ? ` (at character ${at})` : ""}`,
      issue: { id: "config.measurementsNotJson", params: { file: from, at: at ?? "" } },
    };
  }
  const result = measurementsFileSchema.safeParse(data);
  if (result.success) return { ok: true, file: result.data, from };
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join(".") || "(file)";
  const detail =
    issue.code === "unrecognized_keys"
      ? `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`
      : issue.message;
  return {
    ok: false,
    from,
    field,
    message: `${from}: ${field}: ${detail}`,
    issue: { id: "config.measurementsInvalid", params: { file: from, field, detail } },
  };
}
