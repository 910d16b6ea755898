// IS* functions, N, T, NA.
import { FnTable } from "../fn";
import { ERR, FValue, isError } from "../types";

function is(test: (v: FValue) => boolean): FnTable[string] {
  return { min: 1, max: 1, errorsIn: true, fn: ([v]) => test(v as FValue) };
}

export const INFO: FnTable = {
  ISERROR: is((v) => isError(v)),
  ISERR: is((v) => isError(v) && v.error !== "#N/A"),
  ISNA: is((v) => isError(v) && v.error === "#N/A"),
  ISNUMBER: is((v) => typeof v === "number"),
  ISTEXT: is((v) => typeof v === "string"),
  ISNONTEXT: is((v) => typeof v !== "string"),
  ISLOGICAL: is((v) => typeof v === "boolean"),
  ISBLANK: is((v) => v === null),
  N: {
    min: 1,
    max: 1,
    fn: ([v]) => (typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0),
  },
  T: { min: 1, max: 1, fn: ([v]) => (typeof v === "string" ? v : "") },
  NA: { min: 0, max: 0, fn: () => ERR.NA },
};
