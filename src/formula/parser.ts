// Pratt parser: Excel formula text → Ast. Precedence (low → high): comparisons, &, + -, * /, ^,
// unary - +, %, range ":". Like Excel, -2^2 is 4 and 2^3^2 is 64.
import { colIndex, MAX_COLS, MAX_ROWS, parseCellAddress } from "./a1";
import { tokenize, Token } from "./lexer";
import { Ast, BinaryOp, ErrorCode, FormulaSyntaxError, RefNode } from "./types";

const BINARY: Record<string, [number, number]> = {
  "=": [1, 2], "<>": [1, 2], "<": [1, 2], ">": [1, 2], "<=": [1, 2], ">=": [1, 2],
  "&": [3, 4],
  "+": [5, 6], "-": [5, 6],
  "*": [7, 8], "/": [7, 8],
  "^": [9, 10],
  ":": [13, 14],
};
const PREFIX_BP = 11;
const PERCENT_BP = 12;

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Token[],
    private readonly formula: string,
  ) {}

  private peek(k = 0): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)];
  }
  private next(): Token {
    return this.toks[this.i++];
  }
  fail(msg: string, tok = this.peek()): never {
    throw new FormulaSyntaxError(msg, this.formula, tok.pos);
  }
  private expect(t: Token["t"]): Token {
    if (this.peek().t !== t) this.fail(`expected ${t}`);
    return this.next();
  }

  parseAll(): Ast {
    const ast = this.expr(0);
    if (this.peek().t !== "eof") this.fail("unexpected token");
    return ast;
  }

  expr(minBp: number): Ast {
    let left = this.prefix();
    for (;;) {
      const tok = this.peek();
      if (tok.t !== "op") break;
      if (tok.v === "%") {
        if (PERCENT_BP < minBp) break;
        this.next();
        left = { type: "percent", arg: left };
        continue;
      }
      const bp = BINARY[tok.v];
      if (!bp || bp[0] < minBp) break;
      this.next();
      const right = this.expr(bp[1]);
      left = { type: "binary", op: tok.v as BinaryOp, left, right };
    }
    return left;
  }

  private prefix(): Ast {
    const tok = this.peek();
    if (tok.t === "op" && (tok.v === "-" || tok.v === "+")) {
      this.next();
      return { type: "unary", op: tok.v, arg: this.expr(PREFIX_BP) };
    }
    return this.primary();
  }

  private primary(): Ast {
    const tok = this.next();
    switch (tok.t) {
      case "num":
        return this.lineRange(tok.v, undefined) ?? { type: "num", value: Number(tok.v) };
      case "str":
        return { type: "str", value: tok.v };
      case "err":
        return { type: "err", error: tok.v as ErrorCode };
      case "(": {
        const inner = this.expr(0);
        this.expect(")");
        return inner;
      }
      case "{":
        return this.arrayConst();
      case "sheet":
        this.expect("!");
        return this.afterSheet(tok.v);
      case "ident":
        return this.ident(tok);
      default:
        return this.fail("unexpected token", tok);
    }
  }

  private ident(tok: Token): Ast {
    const nextT = this.peek().t;
    if (nextT === "(") return this.call(tok.v);
    if (nextT === "!") {
      this.next();
      return this.afterSheet(tok.v);
    }
    const upper = tok.v.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return { type: "bool", value: upper === "TRUE" };
    const ref = this.ref(tok.v, undefined) ?? this.lineRange(tok.v, undefined);
    if (ref) return ref;
    if (tok.v.includes("$")) this.fail("bad reference", tok);
    return { type: "name", name: tok.v };
  }

  private afterSheet(sheet: string): Ast {
    const tok = this.next();
    if (tok.t === "err" && tok.v === "#REF!") return { type: "err", error: "#REF!" };
    if (tok.t === "num") return this.lineRange(tok.v, sheet) ?? this.fail("expected a reference after !", tok);
    if (tok.t !== "ident") return this.fail("expected a reference after !", tok);
    const ref = this.ref(tok.v, sheet) ?? this.lineRange(tok.v, sheet);
    if (ref) return ref;
    if (tok.v.includes("$")) this.fail("bad reference", tok);
    return { type: "name", name: tok.v, sheet };
  }

  /** Whole columns (A:C, $B:$B) or whole rows (1:1, $2:$5) when `text` and the next tokens form one. */
  private lineRange(text: string, sheet: string | undefined): RefNode | null {
    const colon = this.peek();
    const second = this.peek(1);
    if (colon.t !== "op" || colon.v !== ":" || (second.t !== "ident" && second.t !== "num")) return null;
    const col = /^(\$?)([A-Za-z]{1,3})$/;
    const row = /^(\$?)(\d{1,7})$/;
    const [a, b] = [col.exec(text), col.exec(second.v)];
    if (a && b && this.peek(2).t !== "(" && this.peek(2).t !== "!") {
      const [c0, c1] = [colIndex(a[2]), colIndex(b[2])];
      if (c0 < 0 || c1 < 0 || Math.max(c0, c1) >= MAX_COLS) return null;
      this.i += 2;
      return { type: "ref", sheet, r0: 0, r1: MAX_ROWS - 1, c0: Math.min(c0, c1), c1: Math.max(c0, c1), abs: [true, a[1] === "$", true, b[1] === "$"] };
    }
    const [p, q] = [row.exec(text), row.exec(second.v)];
    if (p && q) {
      const [r0, r1] = [Number(p[2]) - 1, Number(q[2]) - 1];
      if (Math.min(r0, r1) < 0 || Math.max(r0, r1) >= MAX_ROWS) return null;
      this.i += 2;
      return { type: "ref", sheet, r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: 0, c1: MAX_COLS - 1, abs: [p[1] === "$", true, q[1] === "$", true] };
    }
    return null;
  }

  /** A cell reference, merged with a following ":B3" into one range. */
  private ref(text: string, sheet: string | undefined): RefNode | null {
    const a = parseCellAddress(text);
    if (!a) return null;
    const node: RefNode = { type: "ref", sheet, r0: a.row, c0: a.col, r1: a.row, c1: a.col, abs: [a.absRow, a.absCol, a.absRow, a.absCol] };
    const colon = this.peek();
    const second = this.peek(1);
    const after = this.peek(2).t;
    if (colon.t === "op" && colon.v === ":" && second.t === "ident" && after !== "(" && after !== "!") {
      const b = parseCellAddress(second.v);
      if (b) {
        this.i += 2;
        node.r0 = Math.min(a.row, b.row);
        node.r1 = Math.max(a.row, b.row);
        node.c0 = Math.min(a.col, b.col);
        node.c1 = Math.max(a.col, b.col);
        node.abs = [a.absRow, a.absCol, b.absRow, b.absCol];
      }
    }
    return node;
  }

  private call(name: string): Ast {
    this.expect("(");
    const args: Ast[] = [];
    if (this.peek().t === ")") {
      this.next();
      return { type: "call", name: name.toUpperCase().replace(/^_XLFN\./, ""), args };
    }
    for (;;) {
      const t = this.peek().t;
      args.push(t === "," || t === ")" ? { type: "empty" } : this.expr(0));
      const sep = this.next();
      if (sep.t === ")") break;
      if (sep.t !== ",") this.fail("expected , or )", sep);
    }
    return { type: "call", name: name.toUpperCase().replace(/^_XLFN\./, ""), args };
  }

  private arrayConst(): Ast {
    const rows: Ast[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.constant());
      const sep = this.next();
      if (sep.t === "}") break;
      if (sep.t === ";") rows.push([]);
      else if (sep.t !== ",") this.fail("expected , ; or }", sep);
    }
    if (rows.some((r) => r.length !== rows[0].length)) this.fail("array rows differ in length");
    return { type: "array", rows };
  }

  private constant(): Ast {
    const tok = this.next();
    if (tok.t === "op" && tok.v === "-" && this.peek().t === "num") return { type: "num", value: -Number(this.next().v) };
    if (tok.t === "num") return { type: "num", value: Number(tok.v) };
    if (tok.t === "str") return { type: "str", value: tok.v };
    if (tok.t === "err") return { type: "err", error: tok.v as ErrorCode };
    if (tok.t === "ident" && /^(TRUE|FALSE)$/i.test(tok.v)) return { type: "bool", value: tok.v.toUpperCase() === "TRUE" };
    return this.fail("expected a constant in the array", tok);
  }
}

/** Parses a formula with its leading "="; throws FormulaSyntaxError. */
export function parseFormula(formula: string): Ast {
  const trimmed = formula.replace(/^\s+/, "");
  if (!trimmed.startsWith("=")) throw new FormulaSyntaxError("a formula starts with =", formula, 0);
  const offset = formula.length - trimmed.length + 1;
  const body = trimmed.slice(1);
  if (!body.trim()) throw new FormulaSyntaxError("empty formula", formula, offset);
  return new Parser(tokenize(body, formula, offset), formula).parseAll();
}
