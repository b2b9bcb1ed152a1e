/**
 * Which source may set which field of a recommendation (decision 017). A field's value is the one
 * of the highest-ranked source that gives it, whatever order the sources arrive in: every stored
 * source names the fields it set (`fields`), so a weaker source arriving later finds the stronger
 * holder and leaves the value as it is. Lists (themes, SDGs, affected persons, issues) are not
 * ranked: every source adds to them.
 */
import type { RecommendationSource } from '../../db/schema';
import type { Position } from './parsers';

/** The fields that have one holder. Texts are per language: `text_en`, `text_fr`, … */
export type RankedField =
  | `text_${string}`
  | 'sub_items'
  | 'heading'
  | 'recommending_states'
  | 'position'
  | 'action_category'
  | 'external_id';

/**
 * Texts, sub-items, headings and States: the UN's own document first, then the UN's indexes and
 * lists, then third parties and the user's spreadsheets.
 */
const documentRank: Record<string, number> = {
  'upr-wg-report-pdf': 50,
  'upr-addendum-pdf': 50,
  'treaty-body-co': 50,
  'uhri-xlsx': 40,
  'uhri-json': 40,
  'ohchr-thematic-docx': 30,
  'upr-info-csv': 20,
  tabular: 10,
};

/**
 * Positions: the State's views (the addendum) decide; a list that cites them comes next, then the
 * Working Group report (positions taken at the session), the indexes and third parties. A pending
 * position ("will be examined") ranks 0 from any source: it never replaces a decision.
 */
const positionRank: Record<string, number> = {
  'upr-addendum-pdf': 60,
  'ohchr-thematic-docx': 45,
  'upr-wg-report-pdf': 40,
  'uhri-xlsx': 30,
  'uhri-json': 30,
  'upr-info-csv': 20,
  tabular: 10,
};

/** A list whose position cell names the addendum ("Source of Position: A/HRC/59/15/Add.1"). */
const citesViews = /\/Add\.\d+/i;

export function rankOf(
  field: RankedField,
  format: string,
  position?: { position: Position | null; positionSource: string | null },
): number {
  if (field !== 'position') return documentRank[format] ?? 0;
  if (!position?.position || position.position === 'pending') return 0;
  if (format === 'ohchr-thematic-docx' && citesViews.test(position.positionSource ?? '')) return 50;
  return positionRank[format] ?? 0;
}

/** The same document imported again (a corrected file replaces what it set). */
export function sameSource(a: Pick<RecommendationSource, 'format' | 'fileName'>, b: typeof a): boolean {
  return a.format === b.format && a.fileName === b.fileName;
}

/**
 * The stored source that holds a field, and its rank. Rows stored before sources named their
 * fields: the strongest of their sources is taken as the holder, so that nothing weaker undoes it.
 */
export function holderOf(
  sources: readonly RecommendationSource[],
  field: RankedField,
  stored?: { position: Position | null; positionSource: string | null },
): { source?: RecommendationSource; rank: number } {
  const claimed = sources.find((source) => source.fields?.includes(field));
  if (claimed) return { source: claimed, rank: rankOf(field, claimed.format, stored) };
  let best: { source?: RecommendationSource; rank: number } = { rank: -1 };
  for (const source of sources) {
    if (source.fields) continue;
    const rank = rankOf(field, source.format, stored);
    if (rank > best.rank) best = { source, rank };
  }
  return best;
}

/**
 * Whether the incoming source takes the field: it is empty, or the incoming ranks higher, or the
 * holder is a document of the same kind (this file again, or a newer edition of it: the later
 * import corrects). An equal rank from another kind keeps the holder, so that two kinds never
 * flip a value back and forth by the order they come in.
 */
export function takes(
  incoming: { format: string; fileName: string; rank: number },
  holder: { source?: RecommendationSource; rank: number },
  storedEmpty: boolean,
): boolean {
  if (storedEmpty) return true;
  if (holder.source?.format === incoming.format && incoming.rank >= holder.rank) return true;
  return incoming.rank > holder.rank;
}

/**
 * The sources after an update: this document's entry (replacing an earlier import of it) holds
 * the fields it took, which the other entries give up. Legacy entries without `fields` get the
 * fields they still hold, so that the record names each field's holder from now on.
 */
export function sourcesAfter(
  stored: readonly RecommendationSource[],
  incoming: RecommendationSource,
  taken: readonly string[],
): RecommendationSource[] {
  const others = stored
    .filter((source) => !sameSource(source, incoming) && source.importId !== incoming.importId)
    .map((source) => (source.fields ? { ...source, fields: source.fields.filter((f) => !taken.includes(f)) } : source));
  return [...others, { ...incoming, fields: [...taken] }];
}
