import { binaryOp, unaryOp, type ArithResult } from "./arithmetic.js";
import type { ShellVars } from "./shell-expand.js";
import type { DetectionReason } from "../reason.js";
import { unknownReason } from "./unknown-value.js";

const MAX_EXPR = 10_000;
const MAX_DEPTH = 64;

/**
 * Evaluates `$((…))` over integers and the variables set so far, as bash does (`/` truncates,
 * unary minus binds tighter than `**`). A variable the file does not set makes the result unknown,
 * where bash would silently read 0.
 * @example shellArithmetic("$GPUS_PER_NODE*$NUM_NODES", vars) // { value: 16 } with 8 and 2 set
 */
export function shellArithmetic(expr: string, vars: ShellVars): ArithResult {
  if (expr.length > MAX_EXPR) return { reason: { id: "value.shellArithTooLong" } };
  if (/\$\(|`/.test(expr)) return { reason: { id: "value.shellCommand" } };
  const tokens = expr.match(/\$\{[^}]*\}|\$?[A-Za-z_]\w*|\$[0-9@*#]|0[xX][0-9a-fA-F]+|\d+|\*\*|[-+*/%()]|\S/g) ?? [];
  try {
    const parser = new ArithParser(tokens, vars);
    const value = parser.sum(0);
    if (parser.pos < tokens.length) return { reason: { id: "value.shellArithExpr", params: { expr: expr.trim() } } };
    return value;
  } catch (error) {
    if (error instanceof ArithStop) return { reason: error.reason };
    throw error;
  }
}

/** Stops the parse with why the expression is not evaluated. */
class ArithStop extends Error {
  constructor(readonly reason: DetectionReason) {
    super(reason.id);
  }
}

class ArithParser {
  pos = 0;

  constructor(
    private tokens: string[],
    private vars: ShellVars,
  ) {}

  sum(depth: number): ArithResult {
    let left = this.product(depth);
    while (this.peek() === "+" || this.peek() === "-") {
      const op = this.tokens[this.pos++];
      left = combine(left, this.product(depth), op);
    }
    return left;
  }

  private product(depth: number): ArithResult {
    let left = this.power(depth);
    while (this.peek() === "*" || this.peek() === "/" || this.peek() === "%") {
      const op = this.tokens[this.pos++];
      left = combine(left, this.power(depth), op);
    }
    return left;
  }

  private power(depth: number): ArithResult {
    const base = this.unary(depth);
    if (this.peek() !== "**") return base;
    this.pos++;
    return combine(base, this.power(depth + 1), "**");
  }

  private unary(depth: number): ArithResult {
    if (depth > MAX_DEPTH) throw new ArithStop({ id: "value.shellArithTooDeep" });
    const t = this.peek();
    if (t === "-" || t === "+") {
      this.pos++;
      const v = this.unary(depth + 1);
      return "value" in v ? unaryOp(t, v.value) : v;
    }
    if (t === "(") {
      this.pos++;
      const v = this.sum(depth + 1);
      if (this.tokens[this.pos++] !== ")") throw new ArithStop({ id: "value.shellArithUnbalanced" });
      return v;
    }
    this.pos++;
    if (t === undefined) throw new ArithStop({ id: "value.shellArithIncomplete" });
    if (/^0[xX]/.test(t)) return { value: parseInt(t.slice(2), 16) };
    if (/^\d+$/.test(t)) return { value: /^0\d/.test(t) ? parseInt(t, 8) : Number(t) };
    const name = /^\$?\{?([A-Za-z_]\w*|[0-9@*#])\}?$/.exec(t)?.[1];
    if (name === undefined) throw new ArithStop({ id: "value.shellArithToken", params: { token: t } });
    return this.variable(name);
  }

  private variable(name: string): ArithResult {
    const v = /^[A-Za-z_]/.test(name) ? this.vars.get(name) : undefined;
    if (!v) return { reason: unknownReason(`$${name}`) ?? { id: "value.shellVar", params: { name } } };
    const unknown = v.segments.find((s) => s.unknown);
    if (unknown?.unknown) return { reason: unknown.unknown };
    const text = v.segments
      .map((s) => s.text)
      .join("")
      .trim();
    if (!/^-?\d+$/.test(text)) return { reason: { id: "value.shellVarNotInteger", params: { name, value: text } } };
    return { value: Number(text) };
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }
}

function combine(a: ArithResult, b: ArithResult, op: string): ArithResult {
  if (!("value" in a)) return a;
  if (!("value" in b)) return b;
  return binaryOp({ op: op, a: a.value, b: b.value, dialect: "bash" });
}
