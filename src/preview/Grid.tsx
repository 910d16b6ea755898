// The in-browser workbook of the preview: sheet tabs, a formula bar and a grid you can click and type into.
// Typing goes through PreviewBook.edit, i.e. the fake Excel's user edit, so the add-in's live recompute runs.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { colToLetters, formatA1, parseA1, parseRange } from "../sheet/address";
import type { PreviewBook, PreviewSheet } from "./book";
import { displayValue, editText, isNumeric } from "./format";

const MIN_ROWS = 30;
const MIN_COLS = 10;
const PT_TO_PX = 4 / 3;

interface Span {
  rows: number;
  cols: number;
}

function layout(sheet: PreviewSheet) {
  let rows = MIN_ROWS;
  let cols = MIN_COLS;
  for (const a of Object.keys(sheet.cells)) {
    const p = parseA1(a);
    if (!p) continue;
    rows = Math.max(rows, p.row + 3);
    if (!sheet.hiddenColumns.includes(p.col)) cols = Math.max(cols, p.col + 2);
  }
  const spans = new Map<string, Span>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (!r) continue;
    spans.set(formatA1(r.r0, r.c0), { rows: r.r1 - r.r0 + 1, cols: r.c1 - r.c0 + 1 });
    for (let i = r.r0; i <= r.r1; i++)
      for (let j = r.c0; j <= r.c1; j++) if (i !== r.r0 || j !== r.c0) covered.add(formatA1(i, j));
  }
  const hidden = new Set(sheet.hiddenColumns);
  const visibleCols = Array.from({ length: cols }, (_, c) => c).filter((c) => !hidden.has(c));
  return { rows, visibleCols, spans, covered, hidden };
}

function styleOf(sheet: PreviewSheet, addr: string): React.CSSProperties {
  const cell = sheet.cells[addr];
  const st = cell?.style ?? {};
  const flag = sheet.flags[addr];
  const css: React.CSSProperties = {};
  if (st["font.bold"]) css.fontWeight = 600;
  if (typeof st["fill.color"] === "string") css.background = st["fill.color"] as string;
  if (typeof st["font.color"] === "string") css.color = st["font.color"] as string;
  const h = st["horizontalAlignment"];
  css.textAlign =
    h === "Center" ? "center" : h === "Right" ? "right" : h === "Left" ? "left" : isNumeric(cell) ? "right" : "left";
  if (st["wrapText"]) css.whiteSpace = "pre-wrap";
  if (flag?.fill) css.background = flag.fill;
  if (flag?.color) css.color = flag.color;
  if (flag?.bold) css.fontWeight = 600;
  return css;
}

export interface GridProps {
  book: PreviewBook;
  version: string;
}

export function Grid({ book, version }: GridProps) {
  const sheetName = book.active();
  const sheet = useMemo(() => book.sheet(sheetName), [book, sheetName, version]);
  const { rows, visibleCols, spans, covered, hidden } = useMemo(() => layout(sheet), [sheet]);
  const sel = book.selection();
  const selected = sel && sel.sheet === sheetName ? sel.address : "A1";
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [bar, setBar] = useState("");
  const editor = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  useEffect(() => setBar(editText(sheet.cells[selected])), [sheet, selected]);
  useEffect(() => {
    if (editing) editor.current?.focus();
  }, [editing]);

  const committing = useRef(false);
  const commit = async (addr: string, text: string, move: [number, number] = [1, 0]) => {
    if (committing.current) return;
    committing.current = true;
    setEditing(null);
    await book.edit(sheetName, addr, text);
    const p = parseA1(addr);
    if (p) await book.select(sheetName, formatA1(Math.max(0, p.row + move[0]), Math.max(0, p.col + move[1])));
    committing.current = false;
    gridRef.current?.focus();
  };

  const moveBy = (dr: number, dc: number) => {
    const p = parseA1(selected);
    if (!p) return;
    let c = p.col + dc;
    while (hidden.has(c) && c > 0) c += dc || 1;
    void book.select(sheetName, formatA1(Math.max(0, p.row + dr), Math.max(0, c)));
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, 1],
    };
    if (moves[e.key]) {
      e.preventDefault();
      moveBy(...moves[e.key]);
    } else if (e.key === "F2") {
      e.preventDefault();
      setDraft(editText(sheet.cells[selected]));
      setEditing(selected);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      void book.edit(sheetName, selected, "");
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setDraft(e.key);
      setEditing(selected);
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // Chinese IME: Enter picks the candidate
    if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      void commit(editing!, draft, e.key === "Tab" ? [0, 1] : [1, 0]);
    } else if (e.key === "Escape") {
      setEditing(null);
      gridRef.current?.focus();
    }
  };

  return (
    <div className="pv-book">
      <div className="pv-bar">
        <span className="pv-addr" aria-label="单元格地址" data-testid="address">
          {selected}
        </span>
        <input
          className="pv-formula"
          aria-label="编辑栏"
          data-testid="formula-bar"
          value={bar}
          onChange={(e) => setBar(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void commit(selected, bar);
            }
          }}
        />
      </div>
      <div
        className="pv-scroll"
        ref={gridRef}
        tabIndex={0}
        role="grid"
        aria-label={`工作表 ${sheetName}`}
        aria-activedescendant={`cell-${selected}`}
        onKeyDown={onGridKey}
        data-testid="grid"
      >
        <table className="pv-grid">
          <colgroup>
            <col style={{ width: 36 }} />
            {visibleCols.map((c) => (
              <col key={c} style={{ width: Math.round((sheet.columnWidths[c] ?? 54) * PT_TO_PX) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="pv-corner" />
              {visibleCols.map((c) => (
                <th key={c} scope="col" className="pv-colhead">
                  {colToLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" className="pv-rowhead">
                  {r + 1}
                </th>
                {visibleCols.map((c) => {
                  const addr = formatA1(r, c);
                  if (covered.has(addr)) return null;
                  const span = spans.get(addr);
                  const isSel = addr === selected;
                  const flagged = Boolean(sheet.flags[addr]);
                  return (
                    <td
                      key={addr}
                      id={`cell-${addr}`}
                      role="gridcell"
                      aria-selected={isSel}
                      data-addr={addr}
                      data-flagged={flagged ? "true" : undefined}
                      rowSpan={span?.rows}
                      colSpan={span ? Math.max(1, visibleSpan(c, span.cols, hidden)) : undefined}
                      className={isSel ? "pv-cell pv-sel" : "pv-cell"}
                      style={styleOf(sheet, addr)}
                      title={sheet.cells[addr]?.formula}
                      onMouseDown={() => void book.select(sheetName, addr)}
                      onDoubleClick={() => {
                        setDraft(editText(sheet.cells[addr]));
                        setEditing(addr);
                      }}
                    >
                      {editing === addr ? (
                        <input
                          ref={editor}
                          className="pv-editor"
                          aria-label={`编辑 ${addr}`}
                          value={draft}
                          onChange={(e) => setDraft(e.target.value)}
                          onKeyDown={onEditorKey}
                          onBlur={() => editing && void commit(editing, draft, [0, 0])}
                        />
                      ) : (
                        displayValue(sheet.cells[addr])
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pv-tabs" aria-label="工作表">
        {book.sheets().map((n) => (
          <button
            key={n}
            type="button"
            className={n === sheetName ? "pv-tab pv-tab-on" : "pv-tab"}
            aria-current={n === sheetName ? "page" : undefined}
            onClick={() => void book.select(n, "A1")}
          >
            {n}
          </button>
        ))}
      </nav>
    </div>
  );
}

function visibleSpan(c0: number, cols: number, hidden: Set<number>): number {
  let n = 0;
  for (let c = c0; c < c0 + cols; c++) if (!hidden.has(c)) n++;
  return n;
}
