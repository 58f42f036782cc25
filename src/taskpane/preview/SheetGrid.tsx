/**
 * The sheet drawn as a table (merged cells, values, Excel-style headers), with the pane's marks in
 * the same fills Excel shows and the selected cell outlined and scrolled into view.
 */
import type { CellPos } from "../../core/a1";
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { CellMark, markCss } from "../../core/marks";
import { columnName } from "../../core/a1";
import { SheetSnapshot } from "../../core/snapshot";
import { Lang } from "../../hosts/host";
import { pick } from "../i18n";
import { buildGrid } from "./gridModel";

const useStyles = makeStyles({
  scroller: { overflow: "auto", flexGrow: 1, minHeight: 0, backgroundColor: "#FFFFFF", position: "relative" },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: "12px",
    lineHeight: "16px",
    color: "#1F1F1F",
    backgroundColor: "#FFFFFF",
    fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: "#F3F3F3",
    color: "#444",
    fontWeight: 400,
    borderRight: "1px solid #D4D4D4",
    borderBottom: "1px solid #D4D4D4",
    height: "20px",
    textAlign: "center",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: "#F3F3F3",
    color: "#444",
    fontWeight: 400,
    borderRight: "1px solid #D4D4D4",
    borderBottom: "1px solid #D4D4D4",
    textAlign: "center",
    padding: "0 4px",
  },
  corner: { left: 0, zIndex: 3 },
  cell: {
    borderRight: "1px solid #E1E1E1",
    borderBottom: "1px solid #E1E1E1",
    padding: "2px 4px",
    verticalAlign: "middle",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    cursor: "cell",
  },
  numeric: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  hidden: { opacity: 0.45 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", boxShadow: "inset 0 0 0 3px rgba(15,108,189,0.25)" },
});

export interface SheetGridProps {
  sheet: SheetSnapshot;
  /** Marks on this sheet, by upper-case address. */
  marks: Map<string, CellMark>;
  /** The selected (anchor) address on this sheet. */
  selected: string | null;
  /** Column widths in px (index = 0-based column); missing ones are guessed from the content. */
  widths?: (number | undefined)[];
  /** Decimals of number cells from their number format, by address. */
  decimals?: Record<string, number>;
  lang: Lang;
  onSelect?(cell: CellPos): void;
}

/** A CJK character is about twice as wide as a Latin one at the same font size. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? 12 : 7;
  return w;
}

export function SheetGrid({ sheet, marks, selected, widths, decimals, lang, onSelect }: SheetGridProps): React.JSX.Element {
  const s = useStyles();
  const layout = React.useMemo(() => buildGrid(sheet, decimals), [sheet, decimals]);
  const hidden = React.useMemo(() => new Set(sheet.hiddenRows), [sheet]);
  const scroller = React.useRef<HTMLDivElement>(null);

  const colWidths = React.useMemo(() => {
    const guess: number[] = Array.from({ length: layout.colCount }, () => 64);
    for (const line of layout.rows) {
      for (const c of line) {
        if (c.colSpan === 1 && c.text) guess[c.col] = Math.max(guess[c.col], Math.min(240, textWidth(c.text) + 10));
      }
    }
    return guess.map((g, i) => widths?.[i] ?? g);
  }, [layout, widths]);

  React.useEffect(() => {
    if (!selected) return;
    const box = scroller.current;
    const td = box?.querySelector<HTMLElement>(`td[data-address="${selected}"]`);
    if (!box || !td) return;
    // Scroll the grid only. scrollIntoView would also scroll every ancestor, overflow:hidden ones
    // included, and carry the toolbar and the pane's header out of sight.
    const c = box.getBoundingClientRect();
    const r = td.getBoundingClientRect();
    if (r.top < c.top || r.bottom > c.bottom) box.scrollTop += r.top - c.top - (c.height - r.height) / 2;
    // A cell wider than the grid (a merged title) is left where its start shows: scrolling to centre
    // it would hide its beginning.
    if (r.left < c.left || (r.right > c.right && r.width <= c.width))
      box.scrollLeft += r.left - c.left - Math.max(0, (c.width - r.width) / 2);
  }, [selected, sheet]);

  // Focusable, so keyboard users can scroll the sheet with the arrow keys (it holds no focusable cell).
  return (
    <div
      className={s.scroller}
      ref={scroller}
      data-testid="sheet-grid"
      data-sheet={sheet.name}
      tabIndex={0}
      role="region"
      aria-label={sheet.name}
    >
      <table className={s.table} style={{ width: 40 + colWidths.reduce((a, b) => a + b, 0) }}>
        <colgroup>
          <col style={{ width: 40 }} />
          {colWidths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={`${s.head} ${s.corner}`} aria-hidden />
            {colWidths.map((_, i) => (
              <th key={i} className={s.head} scope="col">
                {columnName(i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {layout.rows.map((line, r) => (
            <tr key={r} className={hidden.has(r) ? s.hidden : undefined}>
              <th className={s.rowHead} scope="row">
                {r + 1}
              </th>
              {line.map((c) => {
                const mark = marks.get(c.address);
                const isSel = selected === c.address;
                const cls = [s.cell, c.numeric ? s.numeric : "", isSel ? s.selected : ""].filter(Boolean).join(" ");
                return (
                  <td
                    key={c.address}
                    rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                    colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                    className={cls}
                    style={mark ? { backgroundColor: markCss(mark.severity) } : undefined}
                    data-address={c.address}
                    data-mark={mark?.severity}
                    data-selected={isSel ? "true" : undefined}
                    title={mark ? mark.findings.map((f) => pick(f.message, lang)).join("\n") : undefined}
                    onClick={() => onSelect?.({ row: c.row, col: c.col })}
                  >
                    {c.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
