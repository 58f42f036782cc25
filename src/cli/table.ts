/**
 * Plain-text tables for a terminal: Chinese characters take two columns there, so padding by
 * String.length would leave every row with a 部门 name out of line.
 */

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11) that occur in these forms and paths. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export type Align = "left" | "right";

/** How a table is laid out for the place it is printed to. */
export interface TableLayout {
  /**
   * Columns the whole line may take. A terminal wraps a longer line wherever it runs out of room,
   * mid-word and mid-number, so cells are cut (with 「…」) until every line fits.
   */
  width: number;
  /** Colour a cell (after padding, so escapes never count towards a width); row 0 is the header. */
  paint?: (padded: string, row: number, col: number) => string;
  /** Columns never cut (the verdict and the kind: a reader scans them, and 「Needs c…」 says nothing). */
  keep?: number[];
}

const ELLIPSIS = "…";

/**
 * The width a table gets: the terminal's own when stdout is one (a resized window included),
 * else 80 — output piped to a file or another program should not depend on the window it was
 * started from, and 80 is what a terminal, an e-mail and a code review show without wrapping.
 */
export function tableWidth(stdout: { isTTY?: boolean; columns?: number }): number {
  return stdout.isTTY && stdout.columns && stdout.columns > 0 ? stdout.columns : 80;
}

/**
 * Colour only for a person at a terminal, and never when NO_COLOR is set to anything
 * (https://no-color.org: "when present and not an empty string").
 */
export function wantsColour(stdout: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return Boolean(stdout.isTTY) && !env.NO_COLOR;
}

/** `text` cut to at most `width` display columns, the cut marked with 「…」 at the end. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + ELLIPSIS;
}

/**
 * Column widths that fit `width`, given each column's natural width. Right-aligned columns are
 * numbers and never shrink; a text column gives up room widest-first, but not below its header
 * or 8 columns (a verdict such as 「可以提交」 stays whole), whichever is more; the first column
 * gives up room below 40% of the line only when nothing else can. Works for any set of columns,
 * so a column added later needs no change here.
 */
function fitWidths(natural: number[], header: string[], align: Align[], width: number, keep: number[] = []): number[] {
  const w = [...natural];
  let over = w.reduce((a, b) => a + b, 0) + 2 * (w.length - 1) - width;
  const floor = (c: number, first: number) =>
    align[c] === "right" || keep.includes(c)
      ? natural[c]
      : Math.min(natural[c], Math.max(displayWidth(header[c] ?? ""), c === 0 ? first : 8));
  // The first column names the row (a file): it keeps 40% of the line while others can give room.
  for (const first of [Math.floor(width * 0.4), 8]) {
    while (over > 0) {
      let widest = -1;
      for (let c = 0; c < w.length; c++) if (w[c] > floor(c, first) && (widest < 0 || w[c] > w[widest])) widest = c;
      if (widest < 0) break;
      w[widest]--;
      over--;
    }
  }
  // Still too wide (a very narrow window): nothing left to give, the terminal wraps as it would have.
  return w;
}

/**
 * Rows (the first is the header) padded to the widest cell of each column, two spaces apart; with
 * a layout, cut to fit its width and painted.
 */
export function formatTable(rows: string[][], align: Align[], layout?: TableLayout): string[] {
  const natural = align.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ""))));
  const widths = layout ? fitWidths(natural, rows[0] ?? [], align, layout.width, layout.keep) : natural;
  return rows.map((r, i) =>
    r
      .map((raw, c) => {
        const cell = truncate(raw, widths[c]);
        const pad = " ".repeat(Math.max(0, widths[c] - displayWidth(cell)));
        const padded = align[c] === "right" ? pad + cell : c === r.length - 1 ? cell : cell + pad;
        return layout?.paint ? layout.paint(padded, i, c) : padded;
      })
      .join("  "),
  );
}
