/** How planned rows become stored values: the columns of a new recommendation, term ids, sources, words. */
import type { RecommendationSource } from '../../db/schema';
import type { ImportedRecord } from '../register/recommendations.writer';
import type { ImportPlan } from './build-plan';
import type { PlannedRow, RecommendationValues } from './import-plan';

export type TermIds = Record<'themes' | 'affected' | 'issues', Map<string, number>>;

export interface SourceMeta {
  importId: string;
  fileName: string;
  format: string;
}

export function sourceOf(row: PlannedRow, meta: SourceMeta): RecommendationSource {
  return {
    importId: meta.importId,
    fileName: meta.fileName,
    format: meta.format,
    location: { row: row.location.row, paragraph: row.location.paragraph, page: row.location.page },
  };
}

/** Term ids of the codes, after the ids to keep, without repeats. */
export function idsOf(codes: string[], lookup: Map<string, number>, keep: number[] = []): number[] {
  const ids = new Set(keep);
  for (const code of codes) {
    const id = lookup.get(code);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/** A new recommendation as `importedColumns` (the register's writer) lists its columns, after its id. */
export function recordOf(
  row: PlannedRow,
  id: string,
  plan: ImportPlan,
  reviewIds: Map<string, string>,
  terms: TermIds,
  meta: SourceMeta,
): ImportedRecord {
  const values = row.values as RecommendationValues;
  const review = plan.reviews.get(row.reviewKey);
  const texts = values.texts;
  return [
    id,
    reviewIds.get(row.reviewKey),
    review?.bodyCode ?? 'UPR',
    review?.cycle ?? null,
    review?.countryIso2 ?? null,
    values.number,
    values.numberSort,
    values.heading,
    texts.ar ?? null,
    texts.zh ?? null,
    texts.en ?? null,
    texts.fr ?? null,
    texts.ru ?? null,
    texts.es ?? null,
    values.originalLang,
    JSON.stringify(values.subItems),
    values.states,
    values.position,
    values.positionSource,
    values.actionCategory,
    idsOf(values.themes, terms.themes),
    idsOf(values.affected, terms.affected),
    idsOf(values.issues, terms.issues),
    values.sdgTargets,
    values.sdgGoals,
    values.followUp,
    values.followUpDue,
    values.externalId,
    row.contentKey,
    JSON.stringify([
      // A State's view held on the review (its addendum came first) is a source of the position.
      ...(row.held
        ? [
            {
              importId: row.held.importId ?? '',
              fileName: row.held.fileName,
              format: row.held.format,
              location: { paragraph: row.held.number },
              fields: ['position'],
            },
          ]
        : []),
      { ...sourceOf(row, meta), fields: row.taken ?? [] },
    ]),
  ];
}

/** Distinct words of the texts, unaccented and lower-cased, for the typo-tolerant fallback. */
export function wordsOf(texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^\p{L}]+/u)) {
      if (word.length >= 3 && word.length <= 40) words.add(word);
    }
  }
  return [...words];
}
