// IF, IFERROR, IFNA, AND, OR, NOT, TRUE, FALSE.
import { toBool } from "../coerce";
import { broadcast, isMulti } from "../broadcast";
import { Env, FnTable } from "../fn";
import { Ast, ERR, FValue, isError, Val } from "../types";
import { visit } from "./util";

function branch(args: Ast[], i: number, env: Env, am: boolean, missing: FValue): Val {
  return i < args.length ? env.eval(args[i], am) : missing;
}

function ifLazy(args: Ast[], env: Env, am: boolean): Val {
  const c = env.eval(args[0], am);
  if (am && isMulti(c)) {
    const t = branch(args, 1, env, am, true);
    const f = branch(args, 2, env, am, false);
    return broadcast(env, [c, t, f], ([cv, tv, fv]) => {
      const b = toBool(cv);
      return isError(b) ? b : b ? tv : fv;
    });
  }
  const b = toBool(env.scalar(c));
  if (isError(b)) return b;
  return b ? branch(args, 1, env, am, true) : branch(args, 2, env, am, false);
}

function catching(match: (e: FValue) => boolean) {
  return (args: Ast[], env: Env, am: boolean): Val => {
    const v = env.eval(args[0], am);
    if (am && isMulti(v)) {
      let alt: FValue | undefined;
      return broadcast(env, [v], ([x]) => (match(x) ? (alt ??= env.scalar(env.eval(args[1], false))) : x));
    }
    const x = env.scalar(v);
    return match(x) ? env.eval(args[1], am) : x;
  };
}

function andOr(isAnd: boolean) {
  return (args: Val[], env: Env): Val => {
    let seen = false;
    let acc = isAnd;
    const err = visit(args, env, (v, fromRef) => {
      if (isError(v)) return v;
      if (fromRef && (v === null || typeof v === "string")) return;
      const b = toBool(v);
      if (isError(b)) return b;
      seen = true;
      acc = isAnd ? acc && b : acc || b;
    });
    if (err) return err;
    return seen ? acc : ERR.VALUE;
  };
}

export const LOGIC: FnTable = {
  IF: { min: 2, max: 3, lazy: ifLazy },
  IFERROR: { min: 2, max: 2, lazy: catching((x) => isError(x)) },
  IFNA: { min: 2, max: 2, lazy: catching((x) => isError(x) && x.error === "#N/A") },
  AND: { min: 1, max: 255, raw: "all", fn: andOr(true) },
  OR: { min: 1, max: 255, raw: "all", fn: andOr(false) },
  NOT: {
    min: 1,
    max: 1,
    fn: ([v]) => {
      const b = toBool(v as FValue);
      return isError(b) ? b : !b;
    },
  },
  TRUE: { min: 0, max: 0, fn: () => true },
  FALSE: { min: 0, max: 0, fn: () => false },
};
