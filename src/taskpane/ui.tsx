// Two tiny building blocks in place of Fluent's Card and Badge, which cost ~37 KB of minified JavaScript
// for what a bordered box and a coloured pill do here (the pane bundle has a 200 KB gzip budget).
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { HTMLAttributes, ReactNode } from "react";

const usePanel = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "12px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function Panel({ className, children, ...rest }: HTMLAttributes<HTMLDivElement> & { "data-testid"?: string }) {
  const s = usePanel();
  return (
    <div {...rest} className={mergeClasses(s.root, className)}>
      {children}
    </div>
  );
}

export type PillColor = "success" | "brand" | "warning" | "danger" | "neutral";

const usePill = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    minWidth: "20px",
    height: "20px",
    padding: "0 6px",
    boxSizing: "border-box",
    whiteSpace: "nowrap",
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    border: "1px solid transparent",
  },
  success: {
    color: tokens.colorPaletteGreenForeground1,
    border: `1px solid ${tokens.colorPaletteGreenBorder2}`,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  brand: {
    color: tokens.colorBrandForeground1,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  warning: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorder1}`,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  danger: { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorPaletteRedBackground3 },
  neutral: { color: tokens.colorNeutralForeground2, border: `1px solid ${tokens.colorNeutralStroke1}` },
});

export function Pill({ color, children, ...rest }: { color: PillColor; children: ReactNode; "data-testid"?: string }) {
  const s = usePill();
  return (
    <span {...rest} className={mergeClasses(s.root, s[color])}>
      {children}
    </span>
  );
}

const useText = makeStyles({
  base: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: "inherit",
  },
  small: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

/** A run of text in the theme's font (Fluent's Text without its variants). */
export function Txt({
  size,
  weight,
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { size?: 200 | 300; weight?: "semibold" }) {
  const s = useText();
  return (
    <span
      {...rest}
      className={mergeClasses(s.base, size === 200 && s.small, weight === "semibold" && s.strong, className)}
    >
      {children}
    </span>
  );
}

export type NoticeIntent = "error" | "warning" | "info" | "success";

const useNotice = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    gap: "4px 8px",
    alignItems: "start",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: "4px solid transparent",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderLeftColor: tokens.colorPaletteRedBorder2,
    color: tokens.colorNeutralForeground1,
  },
  warning: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    borderLeftColor: tokens.colorPaletteDarkOrangeBorder2,
    color: tokens.colorNeutralForeground1,
  },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderLeftColor: tokens.colorBrandStroke1,
    color: tokens.colorNeutralForeground1,
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    borderLeftColor: tokens.colorPaletteGreenBorder2,
    color: tokens.colorNeutralForeground1,
  },
  title: { display: "block", fontWeight: tokens.fontWeightSemibold, marginBottom: "2px" },
  actions: { gridColumn: "1 / -1", display: "flex", gap: "8px", flexWrap: "wrap" },
  side: { gridColumn: 2, gridRow: 1 },
});

/** A message in the flow of the pane (Fluent's MessageBar, without its icon set). */
export function Notice({
  intent,
  title,
  children,
  actions,
  dismiss,
  role,
  ...rest
}: {
  intent: NoticeIntent;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  dismiss?: ReactNode;
  role?: "alert" | "status";
  "data-testid"?: string;
}) {
  const s = useNotice();
  return (
    <div {...rest} role={role ?? (intent === "error" ? "alert" : "status")} className={mergeClasses(s.root, s[intent])}>
      <div>
        {title ? <strong className={s.title}>{title}</strong> : null}
        {children}
      </div>
      {dismiss ? <div className={s.side}>{dismiss}</div> : null}
      {actions ? <div className={s.actions}>{actions}</div> : null}
    </div>
  );
}
