// What the officer chooses when a template is made: the year, names, rows per 二级 and the indicator taxonomy.

export interface TemplateOptions {
  year?: number;
  unit?: string; // 单位名称 (实施单位, 填报单位); also the 主管部门 when no department is given
  /** 主管部门 (a project's and a targets table's header, a multi-project form's 部门名称); `unit` when absent. */
  department?: string;
  project?: string; // 项目名称
  rows?: number; // indicator rows per 二级 indicator (default 2)
  taxonomy?: 2020 | 2021; // 财预〔2020〕10号 or 财预〔2021〕101号
  /** The scoring profile whose parameters the workbook's named cells get (domain/profiles.ts id; national when absent). */
  profile?: string;
}
