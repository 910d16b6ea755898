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

