// The self-evaluation report (自评报告) drafted from a form: the draft as data, its wording as data.
export type { Block, DraftResult, DraftVerdict, Inline, InlineRole, NoReport, ReportDraft, Runs, TableColumn } from "./model";
export { draftReport, chineseOrdinal, fileStem, placeholderCount } from "./draft";
export { PHRASES, NO_REPORT, type PhraseKey } from "./phrases";
export { plain } from "./runs";
export { verdictOf, type FormVerdict } from "./verdict";
