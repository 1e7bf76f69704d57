import type { DetectionReason, UnknownPart } from "../../src/detect/reason.js";
import type { DetectionWarning } from "../../src/detect/warning.js";
import { reasonText } from "../../src/report/messages/detection-reasons.js";
import { warningText } from "../../src/report/messages/detection-warnings.js";

const FAMILY = /^(value|auto|part|assumed)\./;

function isReason(v: unknown): v is DetectionReason {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { id?: unknown }).id === "string" &&
    FAMILY.test((v as { id: string }).id)
  );
}

function isWarning(v: unknown): v is DetectionWarning {
  return typeof v === "object" && v !== null && /^warning\./.test(String((v as { id?: unknown }).id));
}

function isPart(v: unknown): v is UnknownPart {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v).sort().join(",");
  if (keys === "devicesFrom") return true;
  return (keys === "reason" || keys === "key,reason") && isReason((v as { reason: unknown }).reason);
}

/**
 * Detection's reasons and warnings (`{ id, params }`, unknown parts) anywhere in a value, replaced by the
 * English sentences `batch-advisor detect` prints, so a test states the reason it expects in words.
 * @example inEnglish({ unknownReason: { id: "value.env", params: { name: "BS" } } })
 * // { unknownReason: "read from environment variable BS at run time" }
 */
// biome-ignore lint/suspicious/noExplicitAny: a test's view of any detection result
export function inEnglish(value: any): any {
  if (isReason(value) || isPart(value)) return reasonText(value);
  if (isWarning(value)) return warningText(value);
  if (Array.isArray(value)) return value.map(inEnglish);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inEnglish(v)]));
}
