// The table of built-in functions, by upper-case name.
import { FnTable } from "../fn";
import { CRITERIA } from "./criteria";
import { INFO } from "./info";
import { LOGIC } from "./logic";
import { LOOKUP } from "./lookup";
import { MATH } from "./math";
import { STATS } from "./stats";
import { TEXT_FNS } from "./text";

export const FUNCTIONS: FnTable = { ...LOGIC, ...INFO, ...MATH, ...STATS, ...CRITERIA, ...TEXT_FNS, ...LOOKUP };
