// The evaluator: walks the Ast over a FormulaContext. Outside array mode a multi-cell range used
// as a single value is implicitly intersected with the formula's cell (as Excel 2016, WPS and
// LibreOffice do); inside SUMPRODUCT and INDEX's first argument, operators and scalar functions
// work elementwise on ranges and arrays.
import { compareValues, toNumber, toText } from "./coerce";
import { MAX_COLS, MAX_ROWS } from "./a1";
import { broadcast, isMulti } from "./broadcast";
import { Env, FnDef, inList } from "./fn";
import { FUNCTIONS } from "./functions";
import { Ast, BinaryOp, ERR, FormulaContext, FValue, isArray, isError, isRange, makeArray, RangeVal, Val } from "./types";

function arith(op: BinaryOp, a: FValue, b: FValue): FValue {
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  let r: number;
  switch (op) {
    case "+": r = x + y; break;
    case "-": r = x - y; break;
    case "*": r = x * y; break;
    case "/":
      if (y === 0) return ERR.DIV0;
      r = x / y;
      break;
    default:
      if (x === 0 && y === 0) return ERR.NUM;
      if (x === 0 && y < 0) return ERR.DIV0;
      r = Math.pow(x, y);
  }
  return Number.isFinite(r) ? r : ERR.NUM;
}

export function binaryScalar(op: BinaryOp, a: FValue, b: FValue): FValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === "&") {
    const x = toText(a);
    const y = toText(b);
    return isError(x) ? x : isError(y) ? y : x + y;
  }
  if (op === "+" || op === "-" || op === "*" || op === "/" || op === "^") return arith(op, a, b);
  const c = compareValues(a, b);
  switch (op) {
    case "=": return c === 0;
    case "<>": return c !== 0;
    case "<": return c < 0;
    case ">": return c > 0;
    case "<=": return c <= 0;
    default: return c >= 0;
  }
}

function unaryScalar(kind: "-" | "+" | "%", a: FValue): FValue {
  if (kind === "+") return a;
  const n = toNumber(a);
  if (isError(n)) return n;
  return kind === "-" ? -n : n / 100;
}

export class Evaluator implements Env {
  constructor(
    readonly ctx: FormulaContext,
    readonly at?: { row: number; col: number },
  ) {}

  eval(node: Ast, am: boolean): Val {
    switch (node.type) {
      case "num":
      case "str":
      case "bool":
        return node.value;
      case "err":
        return { error: node.error };
      case "empty":
        return null;
      case "ref":
        return { kind: "range", sheet: node.sheet ?? this.ctx.sheet, r0: node.r0, c0: node.c0, r1: node.r1, c1: node.c1 };
      case "name": {
        const rect = this.ctx.resolveName(node.name);
        return rect ? { kind: "range", ...rect } : ERR.NAME;
      }
      case "array":
        return makeArray(node.rows.map((r) => r.map((c) => this.scalar(this.eval(c, false)))));
      case "unary":
      case "percent": {
        const kind = node.type === "percent" ? "%" : node.op;
        const v = this.eval(node.arg, am);
        if (am && isMulti(v)) return broadcast(this, [v], ([x]) => unaryScalar(kind, x));
        return unaryScalar(kind, this.scalar(v));
      }
      case "binary":
        return this.binary(node.op, this.eval(node.left, am), this.eval(node.right, am), am);
      case "call":
        return this.call(node.name, node.args, am);
    }
  }

  private binary(op: BinaryOp, l: Val, r: Val, am: boolean): Val {
    if (op === ":") {
      if (isError(l)) return l;
      if (isError(r)) return r;
      if (!isRange(l) || !isRange(r)) return ERR.VALUE;
      if (l.sheet !== r.sheet) return ERR.REF;
      const out: RangeVal = { kind: "range", sheet: l.sheet, r0: Math.min(l.r0, r.r0), c0: Math.min(l.c0, r.c0), r1: Math.max(l.r1, r.r1), c1: Math.max(l.c1, r.c1) };
      return out;
    }
    if (am && (isMulti(l) || isMulti(r))) return broadcast(this, [l, r], ([a, b]) => binaryScalar(op, a, b));
    return binaryScalar(op, this.scalar(l), this.scalar(r));
  }

  private call(name: string, nodes: Ast[], am: boolean): Val {
    const def: FnDef | undefined = FUNCTIONS[name];
    if (!def) return ERR.NAME;
    if (nodes.length < def.min || nodes.length > def.max) return ERR.VALUE;
    if (def.lazy) return def.lazy(nodes, this, am);
    const args = nodes.map((n, i) => this.eval(n, am || inList(def.arrayArgs, i)));
    const scalarIdx = args.map((_, i) => i).filter((i) => !inList(def.raw, i));
    const run = (xs: Val[]): Val => {
      if (!def.errorsIn) {
        for (const i of scalarIdx) if (isError(xs[i])) return xs[i];
      }
      return def.fn ? def.fn(xs, this) : ERR.VALUE;
    };
    if (am && scalarIdx.some((i) => isMulti(args[i]))) {
      const lifted = scalarIdx.map((i) => args[i]);
      return broadcast(this, lifted, (xs) => {
        const call = args.slice();
        scalarIdx.forEach((i, k) => (call[i] = xs[k]));
        return this.scalar(run(call));
      });
    }
    for (const i of scalarIdx) args[i] = this.scalar(args[i]);
    return run(args);
  }

  scalar(v: Val): FValue {
    if (isArray(v)) return v.rows && v.cols ? v.data[0][0] : ERR.VALUE;
    if (!isRange(v)) return v;
    if (v.r0 === v.r1 && v.c0 === v.c1) return this.ctx.getValue(v.sheet, v.r0, v.c0);
    const at = this.at;
    if (at && v.c0 === v.c1 && at.row >= v.r0 && at.row <= v.r1) return this.ctx.getValue(v.sheet, at.row, v.c0);
    if (at && v.r0 === v.r1 && at.col >= v.c0 && at.col <= v.c1) return this.ctx.getValue(v.sheet, v.r0, at.col);
    return ERR.VALUE;
  }

  grid(v: Val): FValue[][] {
    if (isArray(v)) return v.data;
    if (!isRange(v)) return [[v]];
    const out: FValue[][] = [];
    let { r1, c1 } = v;
    if ((r1 === MAX_ROWS - 1 || c1 === MAX_COLS - 1) && this.ctx.usedRange) {
      const used = this.ctx.usedRange(v.sheet);
      r1 = Math.max(v.r0, Math.min(r1, used.rows - 1));
      c1 = Math.max(v.c0, Math.min(c1, used.cols - 1));
    }
    for (let r = v.r0; r <= r1; r++) {
      const row: FValue[] = [];
      for (let c = v.c0; c <= c1; c++) row.push(this.ctx.getValue(v.sheet, r, c));
      out.push(row);
    }
    return out;
  }
}

