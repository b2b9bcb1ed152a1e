/**
 * Right-to-left lines (Arabic) in reading order. pdf.js gives each text run in logical order but
 * places runs by their x on the page; an Arabic line reads from the right edge. Mirroring the x
 * of such a line (x' = page width − right edge of the run) makes "x" mean "distance from where
 * the line starts" in both directions, so that sorting by x gives the reading order and indents,
 * the left margin and gaps keep their meaning for the parsers ("-7" paragraph numbers at the
 * margin, "(أ)" sub-items indented).
 */
interface Run {
  str: string;
  x: number;
  w: number;
}

const rtlChar = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/g;
const ltrChar = /[A-Za-z\u00c0-\u024f\u0400-\u04ff]/g;

/** A line is right-to-left when most of its letters are Hebrew or Arabic. */
export function isRtlLine(items: readonly Run[]): boolean {
  const text = items.map((i) => i.str).join('');
  const rtl = text.match(rtlChar)?.length ?? 0;
  return rtl > 0 && rtl >= (text.match(ltrChar)?.length ?? 0);
}

/** The items of a right-to-left line mirrored and sorted into reading order; others unchanged. */
export function inReadingOrder<T extends Run>(items: T[], pageWidth: number): T[] {
  if (!isRtlLine(items)) return items;
  return items.map((i) => ({ ...i, x: pageWidth - i.x - i.w })).sort((a, b) => a.x - b.x);
}
