/**
 * Template placeholders: what a published blank form prints where the filler writes the figure
 * (「≥**个」, 「XX%」, 「××万元」, 「某某」, 「□」). Two or more marks in a row: one "X" is a letter
 * (X光机), one "*" a footnote mark.
 */
const PLACEHOLDER = /(\*{2,}|＊{2,}|(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])|×{2,}|某某|□+|〇〇|○○)/;

/** The placeholder as written, or null. */
export function hasTemplatePlaceholder(text: string): string | null {
  const m = PLACEHOLDER.exec(text);
  return m ? m[0] : null;
}
