// The look of the report, shared by the .docx writer and the clipboard HTML: the fonts and sizes Chinese
// official documents use (GB/T 9704-2012 党政机关公文格式) and the A4 page with its margins.
//
// Sizes by their Chinese names: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt.

export interface FontSpec {
  /** The font Chinese text asks for (w:eastAsia in Word). */
  eastAsia: string;
  /** What Word may use where that font is not installed (w:altName in the font table). */
  altName: string;
  /** Fallbacks for HTML, in order: Windows, macOS and Linux names, then a generic family. */
  css: string[];
}

export const FONTS = {
  /** 正文: 仿宋_GB2312 (Windows 10 and later ship 仿宋 instead). */
  fangsong: { eastAsia: "仿宋_GB2312", altName: "仿宋", css: ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "serif"] },
  /** 一级标题. */
  heiti: { eastAsia: "黑体", altName: "SimHei", css: ["黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif"] },
  /** 二级标题. */
  kaiti: { eastAsia: "楷体_GB2312", altName: "楷体", css: ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "Noto Serif CJK SC", "serif"] },
  /** 标题: 方正小标宋简体, else 宋体. */
  title: { eastAsia: "方正小标宋简体", altName: "宋体", css: ["方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", "serif"] },
  /** 页码. */
  song: { eastAsia: "宋体", altName: "SimSun", css: ["宋体", "SimSun", "STSong", "Noto Serif CJK SC", "serif"] },
} as const satisfies Record<string, FontSpec>;

/** Latin letters and digits in the running text. */
export const LATIN_FONT = "Times New Roman";

/** Points. */
export const SIZES = {
  title: 22, // 二号
  heading: 16, // 三号
  body: 16, // 三号
  caption: 14, // 四号
  table: 12, // 小四: an eight-column table in the 156 mm type area
  footer: 14, // 四号
} as const;

/** Line pitch of the running text: GB/T 9704 sets 22 lines to the page, about 28.9 pt; reports use 28 pt. */
export const LINE_PT = 28;

/** A4 in millimetres, with the type area of GB/T 9704 (156 × 225 mm, 天头 37 mm, 订口 28 mm). */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26, footer: 25, header: 15 } as const;

const GENERIC = new Set(["serif", "sans-serif"]);

/** A CSS font-family list: Times New Roman for Latin letters and digits, then the Chinese font's fallbacks. */
export const cssFont = (f: FontSpec): string => [LATIN_FONT, ...f.css].map((n) => (GENERIC.has(n) ? n : `'${n}'`)).join(", ");

/** The font declarations of a style: the CSS stack, and Word's own property for the East Asian font, which a paste
 *  into Word reads (browsers ignore it). */
export const cssFontDecl = (f: FontSpec): string => `font-family:${cssFont(f)};mso-fareast-font-family:'${f.eastAsia}'`;
