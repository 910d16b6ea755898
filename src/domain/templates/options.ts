// What the officer chooses when a template is made: the year, names, rows per 二级 and the indicator taxonomy.

export interface TemplateOptions {
  year?: number;
  unit?: string; // 单位名称 / 主管部门
  project?: string; // 项目名称
  rows?: number; // indicator rows per 二级 indicator (default 2)
  taxonomy?: 2020 | 2021; // 财预〔2020〕10号 or 财预〔2021〕101号
  /** The scoring profile whose parameters the workbook's named cells get (domain/profiles.ts id; national when absent). */
  profile?: string;
}
