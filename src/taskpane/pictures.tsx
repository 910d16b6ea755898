// Small drawings of each template's layout for the gallery (inline SVG, decorative: the card has the name).
import type { FormKind } from "../domain/model";

const W = 72;
const H = 54;

type Shape = [x: number, y: number, w: number, h: number, tone?: "head" | "fill" | "line"];

/** Rows of cells: a title, then blocks. Coordinates in a 72 × 54 box. */
const LAYOUTS: Record<FormKind, Shape[]> = {
  project: [
    [14, 3, 44, 4, "head"],
    ...row(10, 6, [16, 11, 11, 11, 11, 12], "fill"),
    ...row(16, 4, [16, 11, 11, 11, 11, 12]),
    ...row(22, 5, [16, 28, 28], "fill"),
    ...row(29, 4, [9, 9, 14, 9, 9, 7, 7, 8], "fill"),
    ...row(33, 4, [9, 9, 14, 9, 9, 7, 7, 8]),
    ...row(37, 4, [9, 9, 14, 9, 9, 7, 7, 8]),
    ...row(41, 4, [9, 9, 14, 9, 9, 7, 7, 8]),
    ...row(46, 4, [58, 14], "fill"),
  ],
  department: [
    [12, 3, 48, 4, "head"],
    ...row(10, 4, [16, 11, 11, 11, 11, 12], "fill"),
    ...row(14, 4, [16, 11, 11, 11, 11, 12]),
    ...row(18, 4, [16, 11, 11, 11, 11, 12]),
    ...row(24, 4, [12, 12, 16, 8, 8, 8, 8], "fill"),
    ...row(28, 4, [12, 12, 16, 8, 8, 8, 8]),
    ...row(32, 4, [12, 12, 16, 8, 8, 8, 8]),
    ...row(36, 4, [12, 12, 16, 8, 8, 8, 8]),
    ...row(42, 5, [36, 36], "fill"),
    ...row(47, 4, [36, 36]),
  ],
  "department-goals": [
    [10, 3, 52, 4, "head"],
    ...row(10, 4, [24, 16, 16, 16], "fill"),
    ...row(16, 4, [72], "fill"),
    ...row(20, 4, [12, 14, 20, 13, 13]),
    ...row(24, 4, [12, 14, 20, 13, 13]),
    ...row(30, 4, [72], "fill"),
    ...row(34, 4, [12, 14, 20, 13, 13]),
    ...row(38, 4, [12, 14, 20, 13, 13]),
    ...row(44, 4, [20, 52], "fill"),
    ...row(48, 4, [20, 52], "fill"),
  ],
  "multi-project": [
    [8, 3, 56, 4, "head"],
    ...row(10, 6, [4, 10, 6, 6, 6, 6, 6, 6, 6, 6, 10], "fill"),
    ...row(16, 5, [4, 10, 6, 6, 6, 6, 6, 6, 6, 6, 10]),
    ...row(21, 5, [4, 10, 6, 6, 6, 6, 6, 6, 6, 6, 10]),
    ...row(26, 5, [4, 10, 6, 6, 6, 6, 6, 6, 6, 6, 10]),
    ...row(31, 5, [4, 10, 6, 6, 6, 6, 6, 6, 6, 6, 10]),
    ...row(36, 5, [4, 10, 6, 6, 6, 6, 6, 6, 6, 6, 10]),
    ...row(41, 5, [4, 10, 6, 6, 6, 6, 6, 6, 6, 6, 10]),
  ],
  report: [
    [16, 3, 40, 3, "head"],
    [4, 8, 64, 2, "line"],
    [4, 12, 48, 2, "line"],
    ...row(16, 4, [24, 12, 12, 12, 12], "fill"),
    ...row(20, 4, [24, 12, 12, 12, 12]),
    ...row(24, 4, [24, 12, 12, 12, 12]),
    [4, 31, 60, 2, "line"],
    ...row(35, 4, [14, 22, 9, 9, 9, 9], "fill"),
    ...row(39, 4, [14, 22, 9, 9, 9, 9]),
    ...row(43, 4, [14, 22, 9, 9, 9, 9]),
    [4, 49, 40, 2, "line"],
  ],
  targets: [
    [14, 3, 44, 4, "head"],
    ...row(10, 4, [16, 20, 16, 20], "fill"),
    ...row(14, 4, [16, 56]),
    ...row(18, 4, [16, 14, 14, 14, 14], "fill"),
    ...row(22, 4, [16, 14, 14, 14, 14]),
    ...row(27, 6, [16, 56], "fill"),
    ...row(34, 4, [10, 10, 14, 16, 10, 12], "fill"),
    ...row(38, 4, [10, 10, 14, 16, 10, 12]),
    ...row(42, 4, [10, 10, 14, 16, 10, 12]),
    ...row(46, 4, [10, 10, 14, 16, 10, 12]),
  ],
};

function row(y: number, h: number, widths: number[], tone?: "fill"): Shape[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const scale = 72 / total;
  let x = 0;
  return widths.map((w) => {
    const s: Shape = [x * scale, y, w * scale, h, tone];
    x += w;
    return s;
  });
}

export function TemplatePicture({ kind, className }: { kind: FormKind; className?: string }) {
  return (
    <svg
      className={className}
      width={W}
      height={H}
      viewBox={`-1 -1 ${W + 2} ${H + 2}`}
      aria-hidden="true"
      focusable="false"
      data-kind={kind}
    >
      <rect x={-1} y={-1} width={W + 2} height={H + 2} rx={2} fill="var(--jx-pic-bg, #fff)" />
      {LAYOUTS[kind].map(([x, y, w, h, tone], i) =>
        tone === "head" || tone === "line" ? (
          <rect
            key={i}
            x={x}
            y={y}
            width={w}
            height={h}
            rx={1}
            fill="var(--jx-pic-ink, #605e5c)"
            opacity={tone === "line" ? 0.45 : 0.9}
          />
        ) : (
          <rect
            key={i}
            x={x + 0.25}
            y={y + 0.25}
            width={Math.max(0, w - 0.5)}
            height={Math.max(0, h - 0.5)}
            fill={tone === "fill" ? "var(--jx-pic-accent, #c7e0f4)" : "none"}
            stroke="var(--jx-pic-ink, #605e5c)"
            strokeWidth={0.5}
          />
        ),
      )}
    </svg>
  );
}
