/**
 * Where the numbered paragraphs of concluding observations start. The numbering sequence decides,
 * not the layout: paragraph 3 set at another indent, or paragraph 1 set in the title font, is still
 * paragraph 3 or 1. Layout only breaks ties: of two lines starting with "12.", the one spaced like
 * a paragraph start (a wider gap above it, or a page top) wins over one that a wrapped sentence
 * happens to begin with. What does not fit the sequence is reported, never silently absorbed.
 */
import type { PdfLine } from './pdf-lines.js';

/** The paragraph number a line starts with, in the document's language (un-languages.ts `paragraphNumber`). */
export type NumberOf = (text: string) => { number: number } | undefined;

/**
 * A number the sequence skips to (18 after 16) must be spaced as a paragraph start; it is looked
 * for among the next few numbers first, so that a stray "40." does not outrun a paragraph 18.
 */
const MAX_SKIP = 3;

interface Candidate {
  index: number;
  number: number;
  /** spaced as a paragraph start: a wider gap than the lines of a paragraph, or a page top */
  spaced: boolean;
}

export interface ParagraphStarts {
  /** line index → paragraph number */
  starts: Map<number, number>;
  /** numbers the sequence skipped: { after: 16, next: 18 } */
  gaps: { after: number; next: number; page: number }[];
  /** lines spaced like paragraph starts whose number does not continue the sequence */
  strays: { number: number; page: number }[];
}

/** The gap between two wrapped lines of a paragraph: the most common gap of the body. */
function lineSpacing(lines: PdfLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) if (Number.isFinite(line.gap)) counts.set(line.gap, (counts.get(line.gap) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

export function paragraphStarts(lines: PdfLine[], numberOf: NumberOf): ParagraphStarts {
  const spacing = lineSpacing(lines);
  const candidates: Candidate[] = [];
  lines.forEach((line, index) => {
    const m = numberOf(line.text);
    if (m) candidates.push({ index, number: m.number, spaced: line.gap > spacing * 1.25 });
  });
  // The line that starts paragraph `n` after line `after`: the first one spaced as a paragraph
  // start before paragraph n + 1 appears, else simply the first.
  const pick = (n: number, after: number): Candidate | undefined => {
    const all = candidates.filter((c) => c.number === n && c.index > after);
    if (!all[0]) return undefined;
    const next = candidates.find((c) => c.number === n + 1 && c.index > all[0]!.index)?.index ?? Infinity;
    return all.find((c) => c.spaced && c.index < next) ?? all[0];
  };
  const starts = new Map<number, number>();
  const gaps: ParagraphStarts['gaps'] = [];
  let pos = -1;
  let expected = 1;
  for (;;) {
    const own = pick(expected, pos);
    // A later number, spaced as a paragraph start, before the expected one: the expected is missing.
    let skip: Candidate | undefined;
    for (let k = 1; k <= MAX_SKIP && expected > 1; k++) {
      const c = pick(expected + k, pos);
      if (c?.spaced && (!skip || c.index < skip.index)) skip = c;
    }
    // Many paragraphs unnumbered in a row (lost numbers): go on at the next spaced, higher number.
    skip ??= own ? undefined : candidates.find((c) => c.spaced && c.index > pos && c.number > expected);
    const chosen = own && (!skip || own.index < skip.index) ? own : skip;
    if (!chosen) break;
    if (chosen !== own) gaps.push({ after: expected - 1, next: chosen.number, page: lines[chosen.index]!.page });
    starts.set(chosen.index, chosen.number);
    pos = chosen.index;
    expected = chosen.number + 1;
  }
  const first = Math.min(...starts.keys());
  const strays = candidates
    .filter((c) => c.spaced && c.index > first && !starts.has(c.index))
    .map((c) => ({ number: c.number, page: lines[c.index]!.page }));
  return { starts, gaps, strays };
}
