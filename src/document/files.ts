// What a caller needs to save or offer the report as a file, without loading the .docx writer.
import type { ReportDraft } from "../domain/report/model";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "某项目支出绩效自评报告.docx": the draft's title, without characters a file name cannot hold. */
export const reportFileName = (draft: ReportDraft): string => `${draft.fileStem}.docx`;
