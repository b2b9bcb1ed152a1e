import { randomUUID } from 'node:crypto';
import type { HeldPosition } from '../../db/schema';
import type { Executor } from '../../http/context';
import * as register from '../register/recommendations.writer';
import { ensureTerms } from '../taxonomies/taxonomies.service';
import { TermMap } from '../taxonomies/term-fold';
import type { ImportPlan, PlanDraft } from './build-plan';
import { dayOf, type PlannedRow, type RecommendationValues } from './import-plan';
import { insertReviews, insertSearchWords, updateReview } from './imports.repo';
import { sourcesAfter } from './precedence';
import { idsOf, recordOf, sourceOf, type TermIds, wordsOf } from './records';
import { reviewPatch } from './review-match';

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

export interface ApplyMeta {
  importId: string;
  fileName: string;
  format: string;
  userId: string | null;
  /** PostgreSQL server: new recommendations go in by COPY (see supportsCopy). */
  copy?: boolean;
}

/** Rows per COPY chunk: small enough that the server starts on the first while Node builds the next. */
const copyChunk = 500;

/**
 * Plans the draft's rows and writes them, inside the caller's transaction; `progress(done, total)`
 * after each batch. With COPY the rows are planned while PostgreSQL loads the ones before; a row
 * naming a term the register does not have yet waits until the terms are created after the COPY.
 */
export async function applyPlan(
  trx: Executor,
  draft: PlanDraft,
  meta: ApplyMeta,
  progress: (done: number, total: number) => void,
): Promise<ApplySummary> {
  const plan = draft.plan;
  const reviews = await writeReviews(trx, plan, draft.newReviews, meta.importId);
  const known: TermIds = {
    themes: draft.terms.theme,
    affected: draft.terms.affected_person,
    issues: draft.terms.upr_info_issue,
  };
  const creates: PlannedRow[] = [];
  // New recommendations get their ids here, so that no statement has to return them.
  const ids: string[] = [];
  const record = (row: PlannedRow, terms: TermIds) => {
    const id = randomUUID();
    creates.push(row);
    ids.push(id);
    return recordOf(row, id, plan, reviews.ids, terms, meta);
  };
  const waiting: PlannedRow[] = [];
  let words: string[] = [];
  if (meta.copy) {
    await register.copyNewRecommendations(
      trx,
      (function* () {
        let batch: register.ImportedRecord[] = [];
        for (const row of draft.rows()) {
          if (row.action !== 'create' || !row.values) continue;
          if (!namesKnownTerms(row.values, known)) waiting.push(row);
          else batch.push(record(row, known));
          if (batch.length === copyChunk) {
            yield register.copyLines(batch);
            batch = [];
            progress(creates.length, draft.candidates);
          }
        }
        if (batch.length) yield register.copyLines(batch);
        // The last lines are written: the server is still loading them while the words are found.
        words = wordsOf(creates.flatMap((row) => Object.values(row.values?.texts ?? {})));
      })(),
    );
  } else {
    for (const row of draft.rows()) if (row.action === 'create' && row.values) waiting.push(row);
  }
  draft.finish();
  const terms = await ensureNewTerms(trx, plan, known);
  for (let start = 0; start < waiting.length; start += 5000) {
    const batch = waiting.slice(start, start + 5000).map((row) => record(row, terms));
    await register.insertNewRecommendations(trx, batch);
    progress(creates.length, draft.candidates);
  }
  if (waiting.length) words = wordsOf(creates.flatMap((row) => Object.values(row.values?.texts ?? {})));
  await register.recordImportedStatuses(trx, ids, { userId: meta.userId, importId: meta.importId });

  const updates = plan.rows.filter((row) => row.action === 'update' && row.existingId);
  const total = creates.length + updates.length;
  let done = creates.length;
  for (const row of updates) {
    await updateRow(trx, row, terms, meta);
    done++;
    if (done % 500 === 0) progress(done, total);
  }
  progress(total, total);

  await insertSearchWords(trx, words);
  return {
    reviewsCreated: reviews.created,
    reviewsUpdated: reviews.updated,
    created: creates.length,
    updated: updates.length,
    unchanged: plan.rows.filter((row) => row.action === 'unchanged').length,
    skipped: plan.rows.filter((row) => row.action === 'skip').length,
    termsCreated: plan.newTerms.themes.length + plan.newTerms.affected.length + plan.newTerms.issues.length,
    reviewIds: [
      ...new Set(
        plan.rows
          .filter((row) => row.action === 'create' || row.action === 'update')
          .map((row) => reviews.ids.get(row.reviewKey)),
      ),
    ].filter((id): id is string => !!id),
  };
}

function namesKnownTerms(values: RecommendationValues, known: TermIds): boolean {
  const all = (codes: string[], lookup: Map<string, number>) => codes.every((code) => lookup.has(code));
  return all(values.themes, known.themes) && all(values.affected, known.affected) && all(values.issues, known.issues);
}

/** Creates the plan's new terms; the lookups with their ids (the known ones when there are none). */
async function ensureNewTerms(trx: Executor, plan: ImportPlan, known: TermIds): Promise<TermIds> {
  const label = (code: string) => JSON.stringify({ en: code });
  const ensure = async (taxonomy: string, codes: string[], lookup: Map<string, number>) =>
    codes.length
      ? TermMap.of(
          await ensureTerms(
            trx,
            taxonomy,
            codes.map((code) => ({ code, label: label(code) })),
          ),
        )
      : lookup;
  return {
    themes: await ensure('theme', plan.newTerms.themes, known.themes),
    affected: await ensure('affected_person', plan.newTerms.affected, known.affected),
    issues: await ensure('upr_info_issue', plan.newTerms.issues, known.issues),
  };
}

/**
 * Fills what the file adds to stored reviews (metadata, follow-up, held views); inserts the new
 * ones (`create`), in one statement.
 */
async function writeReviews(trx: Executor, plan: ImportPlan, create: Set<string>, importId: string) {
  const ids = new Map<string, string>();
  let updated = 0;
  const inserts = [];
  const followUp = plan.followUp;
  const held = (review: { hold?: HeldPosition[] }) =>
    review.hold?.map((view) => ({ ...view, importId: view.importId ?? importId }));
  for (const review of plan.reviews.values()) {
    if (review.existing) {
      ids.set(review.key, review.existing.id);
      if (review.changes.length) {
        const patch = reviewPatch(review.changes);
        const hold = held(review);
        await updateReview(trx, review.existing.id, {
          ...patch,
          ...(followUp && review.changes.some((c) => c.field === 'follow_up')
            ? followUpFields(followUp, dayOf(review.existing.review_date) ?? review.reviewDate)
            : {}),
          ...(hold ? { held_positions: JSON.stringify(hold) } : {}),
        });
        // The review's State and cycle are copied on its recommendations (the register filters by them).
        if (patch.country_iso2 || patch.cycle)
          await register.fillReviewColumns(trx, review.existing.id, {
            country_iso2: patch.country_iso2,
            cycle: patch.cycle,
          });
        updated++;
      }
      continue;
    }
    if (!create.has(review.key)) continue;
    const id = randomUUID();
    ids.set(review.key, id);
    const hold = held(review);
    inserts.push({
      id,
      body_code: review.bodyCode,
      symbol: review.symbol,
      country_iso2: review.countryIso2,
      cycle: review.cycle,
      session: review.session,
      review_date: review.reviewDate,
      ...(followUp ? followUpFields(followUp, review.reviewDate) : {}),
      ...(hold ? { held_positions: JSON.stringify(hold) } : {}),
    });
  }
  await insertReviews(trx, inserts);
  return { ids, created: inserts.length, updated };
}

/** A stored recommendation: the fields its source takes (precedence.ts), with this source named. */
async function updateRow(trx: Executor, row: PlannedRow, terms: TermIds, meta: ApplyMeta): Promise<void> {
  const id = row.existingId as string;
  const stored = await register.sourcesOf(trx, id);
  const sources = JSON.stringify(sourcesAfter(stored, sourceOf(row, meta), row.taken ?? []));
  if (row.positionUpdate) {
    const takes = row.taken?.includes('position');
    await register.updateImported(trx, id, {
      ...(takes ? { position: row.positionUpdate.position, position_source: row.positionUpdate.positionSource } : {}),
      sources,
    });
    return;
  }
  const values = row.values;
  if (!values) return;
  await register.updateImported(trx, id, {
    number: values.number,
    heading: values.heading,
    ...Object.fromEntries(Object.entries(values.texts).map(([lang, text]) => [`text_${lang}`, text])),
    sub_items: JSON.stringify(values.subItems),
    recommending_states: values.states,
    position: values.position,
    position_source: values.positionSource,
    action_category: values.actionCategory,
    theme_ids: idsOf(values.themes, terms.themes, row.keep?.themeIds),
    affected_ids: idsOf(values.affected, terms.affected, row.keep?.affectedIds),
    issue_ids: idsOf(values.issues, terms.issues, row.keep?.issueIds),
    sdg_targets: values.sdgTargets,
    sdg_goals: values.sdgGoals,
    follow_up: values.followUp,
    follow_up_due: values.followUpDue,
    external_id: values.externalId,
    sources,
  });
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
