/**
 * Recommendation numbers written as a State's report writes them: "1–5, 14–16, 18" (Slovenia's
 * national report, A/HRC/WG.6/34/SVN/1, opens each thematic section with such a line).
 *
 * UPR numbers are "115.1" … "115.162" (paragraph 115 of the Working Group's report). When every
 * number shares one paragraph, that paragraph is said once (`paragraph`) and the line gives the
 * item numbers only, as Slovenia did ("numbered as in paragraph 115"). Numbers that are not of
 * the form "<prefix>.<n>" or "<n>" (treaty bodies' "12 (a)") are listed as they are, in order.
 */
export interface NumberRanges {
  /** "115" when every number is 115.<n>; null otherwise. */
  paragraph: string | null;
  /** "1–5, 14–16, 18" (with the paragraph stripped) or "115.1–115.5, 116.2". */
  text: string;
}

interface Parsed {
  raw: string;
  prefix: string | null;
  item: number | null;
}

function parse(raw: string): Parsed {
  const match = /^(?:(.*)\.)?(\d+)$/.exec(raw.trim());
  if (!match?.[2]) return { raw, prefix: null, item: null };
  return { raw, prefix: match[1] ?? '', item: Number(match[2]) };
}

const compare = new Intl.Collator('en', { numeric: true }).compare;

/** `keepPrefix`: write "115.1" in full even when all share 115 (the report said nothing of it). */
export function numberRanges(numbers: readonly string[], options: { keepPrefix?: boolean } = {}): NumberRanges {
  const parsed = [...new Set(numbers.filter(Boolean))].map(parse);
  const prefixes = new Set(parsed.map((entry) => entry.prefix));
  const only = prefixes.size === 1 ? [...prefixes][0] : undefined;
  const paragraph = only && !options.keepPrefix ? only : null;
  parsed.sort(
    (a, b) => compare(a.prefix ?? a.raw, b.prefix ?? b.raw) || (a.item ?? 0) - (b.item ?? 0) || compare(a.raw, b.raw),
  );
  const label = (entry: Parsed) =>
    entry.item === null ? entry.raw : paragraph !== null || !entry.prefix ? String(entry.item) : entry.raw;
  const parts: string[] = [];
  let index = 0;
  while (index < parsed.length) {
    const start = parsed[index] as Parsed;
    let end = start;
    while (index + 1 < parsed.length) {
      const next = parsed[index + 1] as Parsed;
      if (
        start.item === null ||
        next.item === null ||
        next.prefix !== start.prefix ||
        next.item !== (end.item ?? 0) + 1
      )
        break;
      end = next;
      index++;
    }
    parts.push(end === start ? label(start) : `${label(start)}–${label(end)}`);
    index++;
  }
  return { paragraph, text: parts.join(', ') };
}
