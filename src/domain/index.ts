// The public domain API: model, value parser, scoring, grades, profiles, taxonomy, evaluation.
export * from "./model";
export { parseTarget, parseActual, formatTarget, tierOf, type ValueContext } from "./value";
export { inferComparator, isReverse, isCost, isCount, isRate, isSuccessRate } from "./direction";
export { normaliseUnit, unitKind, toWan, type UnitKind } from "./units";
export { TREE_10, TREE_101, canonicalLevel1, canonicalLevel2, parseLevel1Cell, place, type Level1, type Placement } from "./taxonomy";
export { NATIONAL_PROFILE, PROVINCIAL_PROFILE, UNCAPPED_PROFILE, PROFILES, getProfile, type Profile, type GradeBand } from "./profiles";
export { numericScore, tierBand, tierScore, inBand, executionScore, compare, type Outcome } from "./score";
export { gradeFor, parseGrade, gradeLabel } from "./grade";
export { evaluateForm, rateOf } from "./evaluate";
export { emptyForm } from "./form";
export { MESSAGES, SEVERITY } from "./messages";
export { isEmptyReason, isBlank, mentions } from "./text";
