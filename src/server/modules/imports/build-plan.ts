import type { FieldChange, ImportOptions } from '../../../shared/schemas/imports';
import type { HeldPosition } from '../../db/schema';
import type { Executor } from '../../http/context';
import { distinctTerms, TermMap } from '../taxonomies/term-fold';
import { matchCountry } from './country-matcher';
import {
  contentKeyOf,
  diffPosition,
  diffRecommendation,
  fullText,
  type PlannedReview,
  type PlannedRow,
  type TermLookup,
  takenOnCreate,
  valuesOf,
} from './import-plan';
import { findBodies, findInstallationCountry, findRecommendationsOfReviews, findTermsOf } from './imports.repo';
import type { ParsedRecommendation, ParsedSource } from './parsers';
import { rankOf } from './precedence';
import { type KnownBody, type ReviewKey, reviewKeyOf } from './review-keys';
import { matchReviews, mergeHeld, positionsReviewOf, reviewChanges, sameHeld } from './review-match';

export interface ImportPlan {
  reviews: Map<string, PlannedReview>;
  rows: PlannedRow[];
  states: Map<string, { iso2: string | null; how: 'exact' | 'alias' | 'fuzzy' | 'none' | 'user'; rows: number }>;
  newTerms: { themes: string[]; affected: string[]; issues: string[] };
  warnings: ParsedSource['warnings'];
  followUp?: ParsedSource['followUp'];
}

function skipReason(rec: ParsedRecommendation): string | undefined {
  if (rec.kind === 'voluntary_pledge') return 'voluntaryPledge';
  if (rec.isRecommendation === false) return 'notARecommendation';
  if (!rec.text.trim()) return 'emptyText';
  return undefined;
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * A plan whose rows are still to be compared: the reviews, what the register holds for them and
 * its terms are known. `rows()` plans the rows one by one, so that the apply can write each create
 * while the next is being planned (with COPY, PostgreSQL loads while Node plans).
 */
export interface PlanDraft {
  plan: ImportPlan;
  terms: TermLookup;
  /** Keys of the reviews to create: not in the register, with rows to create (every new review has). */
  newReviews: Set<string>;
  /** Rows that may become creates or updates, for progress. */
  candidates: number;
  /** Plans each row not planned yet, appends it to `plan.rows` and yields it. */
  rows(): Iterator<PlannedRow> & Iterable<PlannedRow>;
  /** Plans the rows left, then the terms to create and the SDG warnings: the complete plan. */
  finish(): ImportPlan;
}

/**
 * Compares a parsed file with the register: which reviews and recommendations it creates,
 * updates (with each changed field), leaves unchanged or skips (and why). Pure reading: the
 * same function runs for the dry run and, inside the transaction, for the apply.
 */
export async function buildPlan(
  db: Executor,
  source: ParsedSource,
  options: ImportOptions,
  fileName?: string,
): Promise<ImportPlan> {
  return (await draftPlan(db, source, options, fileName)).finish();
}

/** The first half of buildPlan: the rows' reviews, then what the register holds (see PlanDraft). */
export async function draftPlan(
  db: Executor,
  source: ParsedSource,
  options: ImportOptions,
  /** The stored import's file name: a source is known by its format and file name (precedence.ts). */
  fileName?: string,
): Promise<PlanDraft> {
  const bodies = (await findBodies(db)) as KnownBody[];
  const plan: ImportPlan = {
    reviews: new Map(),
    rows: [],
    states: new Map(),
    newTerms: { themes: [], affected: [], issues: [] },
    warnings: [...source.warnings],
    followUp: source.followUp,
  };
  const keys = new Map<string, ReviewKey>();
  const candidates: { rec: ParsedRecommendation; text: string; review: ReviewKey }[] = [];
  const skip = (rec: ParsedRecommendation, text: string, reason: string): PlannedRow => ({
    action: 'skip',
    reviewKey: '',
    contentKey: '',
    number: rec.number ?? null,
    text,
    location: rec.location,
    changes: [],
    reason,
  });
  for (const rec of source.recommendations) {
    const text = fullText(rec);
    const skipped = skipReason(rec);
    if (skipped) {
      plan.rows.push(skip(rec, text, skipped));
      continue;
    }
    const review = reviewKeyOf(rec, source, options, bodies);
    if ('missing' in review) {
      plan.rows.push(skip(rec, text, review.missing === 'body' ? 'missingBody' : 'missingCountry'));
      const bodyName = rec.body ?? source.review?.body;
      if (review.missing === 'body' && bodyName?.trim())
        plan.warnings.push({
          location: rec.location,
          message: 'issues.unknownBodyValue',
          params: { body: bodyName, column: options.columnMapping?.body ?? 'Body' },
        });
      continue;
    }
    keys.set(review.key, review);
    candidates.push({ rec, text, review });
  }
  const rowKeys = new Set(keys.keys());
  const positions: PlannedRow[] = [];
  const viewsKey = positionsReviewOf(source, options);
  if (viewsKey && source.positions?.length && !keys.has(viewsKey.key)) keys.set(viewsKey.key, viewsKey);
  for (const position of viewsKey ? (source.positions ?? []) : []) {
    positions.push({
      action: 'update',
      reviewKey: viewsKey?.key ?? '',
      contentKey: `n:${position.number}`,
      number: position.number,
      text: '',
      location: { file: fileName ?? '', paragraph: position.number },
      changes: [],
      positionUpdate: {
        position: position.position,
        positionSource: position.positionSource ?? source.review?.symbol ?? null,
      },
    });
  }

  // What the register already holds for these reviews: by symbol, or by body + country + session.
  const reviewByKey = await matchReviews(db, [...keys.values()]);
  const existing = await findRecommendationsOfReviews(db, [...new Set([...reviewByKey.values()].map((r) => r.id))]);
  const existingByKey = new Map(existing.map((e) => [`${e.review_id}|${e.content_key}`, e]));
  const terms = await loadTerms(db);
  const installationCountry = await findInstallationCountry(db);

  const newReviews = new Set<string>();
  for (const review of keys.values()) {
    const stored = reviewByKey.get(review.key);
    // A UPR review names no State only in a list that does not say it: the installation's own.
    if (!review.countryIso2 && review.bodyCode === 'UPR' && installationCountry)
      review.countryIso2 = installationCountry;
    const changes: FieldChange[] = stored ? reviewChanges(stored, review) : [];
    if (stored && source.followUp && stored.follow_up_months !== source.followUp.months) {
      changes.push({ field: 'follow_up', before: stored.follow_up_paragraphs, after: source.followUp.paragraphs });
    }
    plan.reviews.set(review.key, { ...review, existing: stored, changes });
    // A review not in the register has no stored rows: its first row is always a create.
    if (!stored && rowKeys.has(review.key)) newReviews.add(review.key);
  }

  const followUpParagraphs = new Set((source.followUp?.paragraphs ?? []).map((p) => p.split(/\s/)[0] ?? p));
  const matchOf = (review: ReviewKey, contentKey: string) => {
    const stored = reviewByKey.get(review.key);
    return stored ? existingByKey.get(`${stored.id}|${contentKey}`) : undefined;
  };
  const heldOf = (reviewKey: string, number: string | undefined) =>
    number ? reviewByKey.get(reviewKey)?.held_positions?.find((held) => held.number === number) : undefined;
  const incoming = { format: source.format, fileName: fileName ?? source.recommendations[0]?.location.file ?? '' };

  // The State's views (UPR addendum): each a position over a stored recommendation, by precedence;
  // one whose recommendation is not in the register yet waits on the review (held_positions).
  const toHold: HeldPosition[] = [];
  for (const row of positions) {
    const match = matchOf(plan.reviews.get(row.reviewKey) as ReviewKey, row.contentKey);
    const view = row.positionUpdate as NonNullable<PlannedRow['positionUpdate']>;
    if (!match) {
      const held: HeldPosition = {
        number: row.number ?? '',
        position: view.position,
        positionSource: view.positionSource,
        fileName: incoming.fileName,
        format: source.format,
      };
      toHold.push(held);
      const before = heldOf(row.reviewKey, row.number ?? undefined);
      row.action = before && sameHeld(before, held) ? 'unchanged' : 'skip';
      row.reason = 'heldOnReview';
      continue;
    }
    const { changes, taken, kept } = diffPosition(match, view, incoming);
    row.text = match.text_en ?? match.text_fr ?? match.text_es ?? '';
    row.existingId = match.id;
    row.action = changes.length ? 'update' : 'unchanged';
    row.changes = changes;
    row.taken = taken;
    if (kept.length) row.kept = kept;
  }
  const viewsReview = viewsKey && plan.reviews.get(viewsKey.key);
  if (viewsReview && toHold.length) {
    const before = viewsReview.existing?.held_positions ?? [];
    const after = mergeHeld(before, toHold);
    if (after.length !== before.length || after.some((held, i) => !sameHeld(held, before[i] as HeldPosition))) {
      viewsReview.hold = after;
      viewsReview.changes.push({ field: 'held_positions', before: before.length, after: after.length });
      if (!viewsReview.existing) newReviews.add(viewsReview.key);
    }
  }

  function* planRows(): Generator<PlannedRow> {
    const seen = new Set<string>();
    for (const { rec, text, review } of candidates) {
      const states = rec.recommendingStates.map((name) => {
        const user = options.stateMapping[name];
        const match = user !== undefined ? { iso2: user, how: 'user' as const } : matchCountry(name);
        const entry = plan.states.get(name);
        if (entry) entry.rows += 1;
        else plan.states.set(name, { iso2: match.iso2, how: match.how, rows: 1 });
        return match.iso2 ?? name;
      });
      const contentKey = contentKeyOf(rec.number, text, states);
      const seenKey = `${review.key}|${contentKey}`;
      if (seen.has(seenKey)) {
        const row = skip(rec, text, 'duplicateInFile');
        plan.rows.push(row);
        yield row;
        continue;
      }
      seen.add(seenKey);
      const due = source.followUp && review.reviewDate ? addMonths(review.reviewDate, source.followUp.months) : null;
      // Built field by field: object spread in this loop cost more than the rest of the plan.
      const row: PlannedRow = {
        action: 'create',
        reviewKey: review.key,
        contentKey,
        number: rec.number ?? null,
        text,
        location: rec.location,
        changes: [],
        values: valuesOf(rec, states, { paragraphs: followUpParagraphs, due }),
      };
      const match = matchOf(review, contentKey);
      if (match && row.values) {
        const { changes, merged, keep, taken, kept } = diffRecommendation(match, row.values, terms, incoming);
        row.existingId = match.id;
        row.action = changes.length ? 'update' : 'unchanged';
        row.changes = changes;
        row.values = merged;
        row.keep = keep;
        row.taken = taken;
        if (kept.length) row.kept = kept;
      } else if (row.values) {
        row.taken = takenOnCreate(row.values);
        const held = heldOf(review.key, rec.number);
        // The State's views came first and were held on the review: the stronger source decides.
        if (held && rankOf('position', held.format, held) > rankOf('position', source.format, row.values)) {
          row.values.position = held.position;
          row.values.positionSource = held.positionSource;
          row.taken = row.taken.filter((field) => field !== 'position');
          row.held = held;
        }
      }
      plan.rows.push(row);
      yield row;
    }
    for (const row of positions) {
      plan.rows.push(row);
      yield row;
    }
  }

  const rows = planRows();
  // Terms the written rows name that the register does not know yet; SDG targets it cannot name.
  const finish = () => {
    Array.from(rows);
    const unknown = { themes: new Set<string>(), affected: new Set<string>(), issues: new Set<string>() };
    const collect = (codes: string[], lookup: Map<string, number>, into: Set<string>) => {
      for (const code of codes) if (!lookup.has(code)) into.add(code);
    };
    for (const r of plan.rows) {
      if (!r.values || (r.action !== 'create' && r.action !== 'update')) continue;
      collect(r.values.themes, terms.theme, unknown.themes);
      collect(r.values.affected, terms.affected_person, unknown.affected);
      collect(r.values.issues, terms.upr_info_issue, unknown.issues);
      for (const target of r.values.sdgTargets) {
        if (!terms.sdg.has(target))
          plan.warnings.push({ location: r.location, message: 'issues.unknownSdgTargetCode', params: { target } });
      }
    }
    plan.newTerms = {
      themes: distinctTerms(unknown.themes),
      affected: distinctTerms(unknown.affected),
      issues: distinctTerms(unknown.issues),
    };
    return plan;
  };
  return { plan, terms, newReviews, candidates: candidates.length + positions.length, rows: () => rows, finish };
}

export async function loadTerms(db: Executor): Promise<TermLookup> {
  const rows = await findTermsOf(db, ['theme', 'affected_person', 'upr_info_issue', 'sdg']);
  // Coded and uncoded, upper and lower case spellings of a term find the one stored (term-fold.ts).
  const of = (taxonomy: string) =>
    TermMap.of(rows.filter((r) => r.taxonomy === taxonomy).map((r): [string, number] => [r.code, r.id]));
  return {
    theme: of('theme'),
    affected_person: of('affected_person'),
    upr_info_issue: of('upr_info_issue'),
    sdg: new Set(rows.filter((r) => r.taxonomy === 'sdg').map((r) => r.code)),
  };
}
