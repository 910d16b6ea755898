// The pane's parts loaded on demand (see lazy.tsx). A new rarely used view (a report, a step of its own) belongs
// here too: import only its props type statically, and its module through import() below.
import { loadInsert } from "../excel/host";
import type { FromTargetsProps } from "./FromTargets";
import type { GalleryProps } from "./Gallery";
import { part } from "./lazy";
import type { ReportProps } from "./Report";
import type { RulesProps } from "./Rules";

/** 插入: the six templates, their drawings, the options and the "not at the selection" dialog. */
export const galleryPart = part<GalleryProps>(() =>
  import(/* webpackChunkName: "gallery" */ "./Gallery").then((m) => ({ default: m.Gallery })),
);

/** 规则: the profiles and what each changes. */
export const rulesPart = part<RulesProps>(() =>
  import(/* webpackChunkName: "rules" */ "./Rules").then((m) => ({ default: m.Rules })),
);

/** 插入 → 从绩效目标表生成: the targets tables of the workbook, the drafting of forms from them. */
export const fromTargetsPart = part<FromTargetsProps>(() =>
  import(/* webpackChunkName: "from-targets" */ "./FromTargets").then((m) => ({ default: m.FromTargets })),
);

/**
 * 检查 → 生成自评报告: the draft, its HTML and text, copying. Loaded only when asked (not in the background): the
 * report is made once, before sending; the .docx writer is a chunk of its own again, fetched on download.
 */
export const reportPart = part<ReportProps>(() =>
  import(/* webpackChunkName: "report" */ "./Report").then((m) => ({ default: m.Report })),
);

/** Fetched in the background once the pane has shown the sheet, so that inserting still works offline later. */
const BACKGROUND = [galleryPart, rulesPart, fromTargetsPart];

/** Fetches every part in the background, and the template code an insert needs; resolves to how many arrived. */
export async function preloadParts(): Promise<number> {
  const ok = await Promise.all([
    ...BACKGROUND.map((p) => p.preload()),
    loadInsert().then(
      () => true,
      () => false,
    ),
  ]);
  return ok.filter(Boolean).length;
}
