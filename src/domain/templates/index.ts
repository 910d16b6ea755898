// The six official forms as data (see types.ts for the shape, project.ts for how a target is read).
import type { FormKind } from "../model";
import type { TaxonomyYear } from "./categories";
import { DEPARTMENT } from "./department";
import { DEPARTMENT_GOALS } from "./department-goals";
import { multiProject } from "./multi-project";
import { PROJECT } from "./project";
import { REPORT } from "./report";
import { TARGETS } from "./targets";
import type { TemplateDef } from "./types";

export type { TemplateDef } from "./types";

/** The template of a kind; the multi-project table's columns follow the taxonomy. */
export function templateFor(kind: FormKind, opts: { taxonomy?: TaxonomyYear } = {}): TemplateDef {
  switch (kind) {
    case "project":
      return PROJECT;
    case "department":
      return DEPARTMENT;
    case "department-goals":
      return DEPARTMENT_GOALS;
    case "multi-project":
      return multiProject(opts.taxonomy === 2021 ? 2021 : 2020);
    case "report":
      return REPORT;
    case "targets":
      return TARGETS;
  }
}

/** Chinese names of the kinds, for messages and the gallery. */
export const KIND_NAMES: Record<FormKind, string> = {
  project: "项目支出绩效自评表",
  department: "部门整体支出绩效自评表",
  "department-goals": "部门整体绩效自评表（按年度目标）",
  "multi-project": "部门预算项目绩效自评表（多项目汇总）",
  report: "整体支出绩效自评报告表",
  targets: "项目绩效目标表",
};
