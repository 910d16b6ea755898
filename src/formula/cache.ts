// A bounded cache of parsed formulas (templates repeat the same formula text many times).
import { parseFormula } from "./parser";
import { Ast } from "./types";

const MAX = 5000;
const cache = new Map<string, Ast>();

export function parseCached(formula: string): Ast {
  let ast = cache.get(formula);
  if (!ast) {
    ast = parseFormula(formula);
    if (cache.size >= MAX) cache.clear();
    cache.set(formula, ast);
  }
  return ast;
}
