import type { ParseError } from "../../detect/types.js";

/** A parse error in plain English, as `batch-advisor detect` prints it. */
export function parseErrorText(error: ParseError): string {
  return error.message;
}
