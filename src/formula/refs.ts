// Static references of a formula, for dependency ordering.
import { parseCached } from "./cache";
import { Ast, NameResolver, SheetRect } from "./types";

function walk(node: Ast, visit: (n: Ast) => void): void {
  visit(node);
  switch (node.type) {
    case "unary":
    case "percent":
      walk(node.arg, visit);
      break;
    case "binary":
      walk(node.left, visit);
      walk(node.right, visit);
      break;
    case "call":
      node.args.forEach((a) => walk(a, visit));
      break;
    case "array":
      node.rows.forEach((r) => r.forEach((a) => walk(a, visit)));
      break;
    default:
  }
}

/**
 * Every rectangle the formula reads: its references (unqualified ones on `sheet`) and the defined
 * names resolveName knows. A range built with ":" (A1:INDEX(B1:B9,n)) is covered by the box
 * around the references inside it.
 */
export function references(formula: string | Ast, sheet: string, resolveName?: NameResolver): SheetRect[] {
  const ast = typeof formula === "string" ? parseCached(formula) : formula;
  const out: SheetRect[] = [];
  walk(ast, (n) => {
    if (n.type === "ref") out.push({ sheet: n.sheet ?? sheet, r0: n.r0, c0: n.c0, r1: n.r1, c1: n.c1 });
    else if (n.type === "name" && resolveName) {
      const rect = resolveName(n.name);
      if (rect) out.push({ ...rect });
    } else if (n.type === "binary" && n.op === ":") {
      // A dynamic range (A1:INDEX(...)) reads anything inside the box around its references.
      const inner: SheetRect[] = [];
      walk(n, (m) => {
        if (m.type === "ref") inner.push({ sheet: m.sheet ?? sheet, r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1 });
      });
      if (inner.length && inner.every((r) => r.sheet === inner[0].sheet)) {
        out.push({
          sheet: inner[0].sheet,
          r0: Math.min(...inner.map((r) => r.r0)),
          c0: Math.min(...inner.map((r) => r.c0)),
          r1: Math.max(...inner.map((r) => r.r1)),
          c1: Math.max(...inner.map((r) => r.c1)),
        });
      }
    }
  });
  return out;
}
