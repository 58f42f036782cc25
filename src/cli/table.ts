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

/** Rows (the first is the header) padded to the widest cell of each column, two spaces apart. */
export function formatTable(rows: string[][], align: Align[]): string[] {
  const widths = align.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ""))));
  return rows.map((r) =>
    r
      .map((cell, c) => {
        const pad = " ".repeat(widths[c] - displayWidth(cell));
        return align[c] === "right" ? pad + cell : c === r.length - 1 ? cell : cell + pad;
      })
      .join("  "),
  );
}
