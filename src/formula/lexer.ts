// Tokenizer for Excel formulas (after the leading "=").
import { ERROR_CODES, FormulaSyntaxError } from "./types";

export type TokType = "num" | "str" | "ident" | "sheet" | "err" | "op" | "(" | ")" | "," | ";" | "{" | "}" | "!" | "eof";

export interface Token {
  t: TokType;
  v: string;
  pos: number;
}

const IDENT_RE = /[$A-Za-z_\\\p{L}][$\w.\p{L}\p{N}]*/uy;
const NUM_RE = /(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/y;
const OPS = ["<=", ">=", "<>", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", ":"];
const PUNCT = "(),;{}!";

export function tokenize(src: string, formula: string, offset: number): Token[] {
  const out: Token[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new FormulaSyntaxError(msg, formula, i + offset);
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    const pos = i + offset;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) fail(ch === '"' ? "unterminated string" : "unterminated sheet name");
        if (src[j] === ch) {
          if (src[j + 1] === ch) {
            s += ch;
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: ch === '"' ? "str" : "sheet", v: s, pos });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const code = ERROR_CODES.find((c) => src.substr(i, c.length).toUpperCase() === c);
      if (!code) fail("unknown error literal");
      out.push({ t: "err", v: code as string, pos });
      i += (code as string).length;
      continue;
    }
    NUM_RE.lastIndex = i;
    const num = NUM_RE.exec(src);
    if (num && /[\d.]/.test(ch)) {
      out.push({ t: "num", v: num[0], pos });
      i += num[0].length;
      continue;
    }
    IDENT_RE.lastIndex = i;
    const id = IDENT_RE.exec(src);
    if (id) {
      out.push({ t: "ident", v: id[0], pos });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: "op", v: op, pos });
      i += op.length;
      continue;
    }
    if (PUNCT.includes(ch)) {
      out.push({ t: ch as TokType, v: ch, pos });
      i++;
      continue;
    }
    fail(`unexpected character ${JSON.stringify(ch)}`);
  }
  out.push({ t: "eof", v: "", pos: src.length + offset });
  return out;
}
