import type { Insertable } from 'kysely';
import type { RecommendationSource, RecommendationsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { ensureTerms } from '../taxonomies/reference.repo';
import type { ImportPlan } from './build-plan';
import type { PlannedRow, RecommendationValues } from './import-plan';
import * as repo from './imports.repo';
import type { Lang } from './parsers';

export interface ApplySummary {
  reviewsCreated: number;
  reviewsUpdated: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  termsCreated: number;
  /** The reviews this import created or added to, for the report's link to the register. */
  reviewIds: string[];
}

const langs: Lang[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** Writes a plan inside the caller's transaction; `progress(done, total)` after each batch. */
export async function applyPlan(
  trx: Executor,
  plan: ImportPlan,
  meta: { importId: string; fileName: string; format: string; userId: string | null },
  progress: (done: number, total: number) => void,
): Promise<ApplySummary> {
  const label = (code: string) => JSON.stringify({ en: code });
  const themes = await ensureTerms(
    trx,
    'theme',
    plan.newTerms.themes.map((code) => ({ code, label: label(code) })),
  );
  const affected = await ensureTerms(
    trx,
    'affected_person',
    plan.newTerms.affected.map((code) => ({ code, label: label(code) })),
  );
  const issues = await ensureTerms(
    trx,
    'upr_info_issue',
    plan.newTerms.issues.map((code) => ({ code, label: label(code) })),
  );
  const idsOf = (codes: string[], lookup: Map<string, number>, keep: number[] = []) => [
    ...new Set([...keep, ...codes.map((code) => lookup.get(code)).filter((id): id is number => id !== undefined)]),
  ];

  const reviewIds = new Map<string, string>();
  let reviewsCreated = 0;
  let reviewsUpdated = 0;
  const needed = new Set(plan.rows.filter((row) => row.action === 'create').map((row) => row.reviewKey));
  for (const review of plan.reviews.values()) {
    const followUp = plan.followUp;
    if (review.existing) {
      reviewIds.set(review.key, review.existing.id);
      if (review.changes.length && followUp) {
        await repo.updateReview(trx, review.existing.id, followUpFields(followUp, review.reviewDate));
        reviewsUpdated++;
      }
      continue;
    }
    if (!needed.has(review.key)) continue;
    const created = await repo.insertReview(trx, {
      body_code: review.bodyCode,
      symbol: review.symbol,
      country_iso2: review.countryIso2,
      cycle: review.cycle,
      session: review.session,
      review_date: review.reviewDate,
      ...(followUp ? followUpFields(followUp, review.reviewDate) : {}),
    });
    reviewIds.set(review.key, created.id);
    reviewsCreated++;
  }

  const source = (row: PlannedRow): RecommendationSource => ({
    importId: meta.importId,
    fileName: meta.fileName,
    format: meta.format,
    location: { row: row.location.row, paragraph: row.location.paragraph, page: row.location.page },
  });
  const creates = plan.rows.filter((row) => row.action === 'create' && row.values);
  const updates = plan.rows.filter((row) => row.action === 'update' && row.existingId);
  const total = creates.length + updates.length;
  const inserts: Insertable<RecommendationsTable>[] = creates.map((row) => {
    const values = row.values as RecommendationValues;
    const review = plan.reviews.get(row.reviewKey);
    return {
      review_id: reviewIds.get(row.reviewKey) as string,
      body_code: review?.bodyCode ?? 'UPR',
      cycle: review?.cycle ?? null,
      country_iso2: review?.countryIso2 ?? null,
      number: values.number,
      number_sort: values.numberSort,
      heading: values.heading,
      ...Object.fromEntries(langs.map((lang) => [`text_${lang}`, values.texts[lang] ?? null])),
      original_lang: values.originalLang,
      sub_items: JSON.stringify(values.subItems),
      recommending_states: values.states,
      position: values.position,
      position_source: values.positionSource,
      action_category: values.actionCategory,
      theme_ids: idsOf(values.themes, themes),
      affected_ids: idsOf(values.affected, affected),
      issue_ids: idsOf(values.issues, issues),
      sdg_targets: values.sdgTargets,
      sdg_goals: values.sdgGoals,
      follow_up: values.followUp,
      follow_up_due: values.followUpDue,
      external_id: values.externalId,
      content_key: row.contentKey,
      sources: JSON.stringify([source(row)]),
    } as Insertable<RecommendationsTable>;
  });
  const createdIds: string[] = [];
  for (let start = 0; start < inserts.length; start += 5000) {
    createdIds.push(...(await repo.insertRecommendations(trx, inserts.slice(start, start + 5000))));
    progress(createdIds.length, total);
  }
  await repo.insertInitialStatuses(trx, createdIds, 'not_started', meta.userId, `import:${meta.importId}`);

  let done = createdIds.length;
  for (const row of updates) {
    const id = row.existingId as string;
    if (row.positionUpdate) {
      await repo.updateRecommendation(trx, id, {
        position: row.positionUpdate.position,
        position_source: row.positionUpdate.positionSource,
      });
    } else if (row.values) {
      const values = row.values;
      const stored = await trx
        .selectFrom('recommendations')
        .select('sources')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const sources = [...stored.sources.filter((s) => s.importId !== meta.importId), source(row)];
      await repo.updateRecommendation(trx, id, {
        number: values.number,
        heading: values.heading,
        ...Object.fromEntries(Object.entries(values.texts).map(([lang, text]) => [`text_${lang}`, text])),
        sub_items: JSON.stringify(values.subItems),
        recommending_states: values.states,
        position: values.position,
        position_source: values.positionSource,
        action_category: values.actionCategory,
        theme_ids: idsOf(values.themes, themes, row.keep?.themeIds),
        affected_ids: idsOf(values.affected, affected, row.keep?.affectedIds),
        issue_ids: idsOf(values.issues, issues, row.keep?.issueIds),
        sdg_targets: values.sdgTargets,
        sdg_goals: values.sdgGoals,
        follow_up: values.followUp,
        follow_up_due: values.followUpDue,
        external_id: values.externalId,
        sources: JSON.stringify(sources),
      });
    }
    done++;
    if (done % 500 === 0) progress(done, total);
  }
  progress(total, total);

  await repo.insertSearchWords(trx, wordsOf(creates.flatMap((row) => Object.values(row.values?.texts ?? {}))));
  return {
    reviewsCreated,
    reviewsUpdated,
    created: createdIds.length,
    updated: updates.length,
    unchanged: plan.rows.filter((row) => row.action === 'unchanged').length,
    skipped: plan.rows.filter((row) => row.action === 'skip').length,
    termsCreated: plan.newTerms.themes.length + plan.newTerms.affected.length + plan.newTerms.issues.length,
    reviewIds: [
      ...new Set(
        plan.rows
          .filter((row) => row.action === 'create' || row.action === 'update')
          .map((row) => reviewIds.get(row.reviewKey)),
      ),
    ].filter((id): id is string => !!id),
  };
}

function followUpFields(followUp: NonNullable<ImportPlan['followUp']>, reviewDate: string | null) {
  let due: string | null = null;
  if (reviewDate) {
    const d = new Date(`${reviewDate}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + followUp.months);
    due = d.toISOString().slice(0, 10);
  }
  return { follow_up_paragraphs: followUp.paragraphs, follow_up_months: followUp.months, follow_up_due: due };
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
