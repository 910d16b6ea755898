// The pane's parts loaded on demand (see lazy.tsx). A new rarely used view (a report, a step of its own) belongs
// here too: import only its props type statically, and its module through import() below.
import { loadInsert } from "../excel/host";
import type { GalleryProps } from "./Gallery";
import { part } from "./lazy";
import type { RulesProps } from "./Rules";

/** 插入: the six templates, their drawings, the options and the "not at the selection" dialog. */
export const galleryPart = part<GalleryProps>(() =>
  import(/* webpackChunkName: "gallery" */ "./Gallery").then((m) => ({ default: m.Gallery })),
);

/** 规则: the profiles and what each changes. */
export const rulesPart = part<RulesProps>(() =>
  import(/* webpackChunkName: "rules" */ "./Rules").then((m) => ({ default: m.Rules })),
);

const ALL = [galleryPart, rulesPart];

/** Fetches every part in the background, and the template code an insert needs; resolves to how many arrived. */
export async function preloadParts(): Promise<number> {
  const ok = await Promise.all([
    ...ALL.map((p) => p.preload()),
    loadInsert().then(
      () => true,
      () => false,
    ),
  ]);
  return ok.filter(Boolean).length;
}
