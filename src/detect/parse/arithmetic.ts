import type { DetectionReason } from "../reason.js";

/**
 * Literal arithmetic as Python and bash define it, on plain numbers. A config's `5 * 8` is data,
 * but `9**9**9` is an attack: results that a double cannot hold exactly are refused with a reason
 * rather than computed to Infinity.
 */
export type ArithResult = { value: number } | { reason: DetectionReason };

export type ArithDialect = "python" | "bash";

const TOO_LARGE: DetectionReason = { id: "value.resultTooLarge" };

/**
 * Applies a binary operator. Bash arithmetic is integer arithmetic (division truncates); Python's
 * `//` and `%` floor towards minus infinity.
 * @example binaryOp({ op: "**", a: 2, b: 3, dialect: "python" }) // { value: 8 }
 */
export function binaryOp({
  op,
  a,
  b,
  dialect,
}: {
  op: string;
  a: number;
  b: number;
  dialect: ArithDialect;
}): ArithResult {
  let r: number;
  switch (op) {
    case "+":
      r = a + b;
      break;
    case "-":
      r = a - b;
      break;
    case "*":
      r = a * b;
      break;
    case "/":
      if (b === 0) return { reason: { id: "value.divisionByZero" } };
      r = dialect === "bash" ? Math.trunc(a / b) : a / b;
      break;
    case "//":
      if (dialect === "bash") return unsupported(op);
      if (b === 0) return { reason: { id: "value.divisionByZero" } };
      r = Math.floor(a / b);
      break;
    case "%":
      if (b === 0) return { reason: { id: "value.divisionByZero" } };
      r = dialect === "bash" ? a % b : a - b * Math.floor(a / b);
      break;
    case "**":
      if (dialect === "bash" && b < 0) return { reason: { id: "value.negativeExponent" } };
      // Checked before computing: Math.pow never hangs, but a huge exponent only ever means Infinity or 0 here.
      if (Math.abs(b) > 1100 && Math.abs(a) !== 1 && a !== 0) return { reason: TOO_LARGE };
      r = a ** b;
      break;
    default:
      return unsupported(op);
  }
  return checked(r, Number.isInteger(a) && Number.isInteger(b) && op !== "/");
}

/** Negation and plus; `~` as Python and bash define it on integers. */
export function unaryOp(op: string, a: number): ArithResult {
  if (op === "-") return checked(-a, false);
  if (op === "+") return checked(a, false);
  if (op === "~" && Number.isInteger(a)) return checked(-a - 1, true);
  return unsupported(op);
}

function checked(r: number, integral: boolean): ArithResult {
  if (!Number.isFinite(r)) return { reason: TOO_LARGE };
  if (integral && Math.abs(r) > Number.MAX_SAFE_INTEGER) return { reason: TOO_LARGE };
  return { value: r === 0 ? 0 : r };
}

function unsupported(op: string): ArithResult {
  return { reason: { id: "value.operator", params: { op } } };
}
