import type { FieldChange, ImportOptions } from '../../../shared/schemas/imports';
import type { Executor } from '../../http/context';
import { matchCountry } from './country-matcher';
import {
  contentKeyOf,
  diffRecommendation,
  fullText,
  type PlannedReview,
  type PlannedRow,
  type TermLookup,
  valuesOf,
} from './import-plan';
import * as repo from './imports.repo';
import type { ParsedSource } from './parsers';
import { type KnownBody, type ReviewKey, reviewKeyOf } from './review-keys';

export interface ImportPlan {
  reviews: Map<string, PlannedReview>;
  rows: PlannedRow[];
  states: Map<string, { iso2: string | null; how: 'exact' | 'alias' | 'fuzzy' | 'none' | 'user'; rows: number }>;
  newTerms: { themes: string[]; affected: string[]; issues: string[] };
  warnings: ParsedSource['warnings'];
  followUp?: ParsedSource['followUp'];
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * Compares a parsed file with the register: which reviews and recommendations it creates,
 * updates (with each changed field), leaves unchanged or skips (and why). Pure reading: the
 * same function runs for the dry run and, inside the transaction, for the apply.
 */
export async function buildPlan(db: Executor, source: ParsedSource, options: ImportOptions): Promise<ImportPlan> {
  const bodies = (await db.selectFrom('bodies').select(['code', 'name']).execute()) as KnownBody[];
  const plan: ImportPlan = {
    reviews: new Map(),
    rows: [],
    states: new Map(),
    newTerms: { themes: [], affected: [], issues: [] },
    warnings: [...source.warnings],
    followUp: source.followUp,
  };
  const keys = new Map<string, ReviewKey>();
  const candidates: { row: PlannedRow; review: ReviewKey }[] = [];
  const seen = new Set<string>();
  // A file names the same few hundred States thousands of times: match each name once.
  const matched = new Map<string, ReturnType<typeof matchCountry>>();
  const matchOnce = (name: string) => {
    const match = matched.get(name) ?? matchCountry(name);
    matched.set(name, match);
    return match;
  };
  const followUpParagraphs = new Set((source.followUp?.paragraphs ?? []).map((p) => p.split(/\s/)[0] ?? p));

  for (const rec of source.recommendations) {
    const base = {
      number: rec.number ?? null,
      text: fullText(rec),
      location: rec.location,
      changes: [] as FieldChange[],
    };
    const skip = (reason: string) => plan.rows.push({ ...base, action: 'skip', reviewKey: '', contentKey: '', reason });
    if (rec.kind === 'voluntary_pledge') {
      skip('voluntaryPledge');
      continue;
    }
    if (rec.isRecommendation === false) {
      skip('notARecommendation');
      continue;
    }
    if (!rec.text.trim()) {
      skip('emptyText');
      continue;
    }
    const review = reviewKeyOf(rec, source, options, bodies);
    if ('missing' in review) {
      skip(review.missing === 'body' ? 'missingBody' : 'missingCountry');
      continue;
    }
    keys.set(review.key, review);
    const states = rec.recommendingStates.map((name) => {
      const user = options.stateMapping[name];
      const match = user !== undefined ? { iso2: user, how: 'user' as const } : matchOnce(name);
      const entry = plan.states.get(name) ?? { iso2: match.iso2, how: match.how, rows: 0 };
      entry.rows += 1;
      plan.states.set(name, entry);
      return match.iso2 ?? name;
    });
    const due = source.followUp && review.reviewDate ? addMonths(review.reviewDate, source.followUp.months) : null;
    const values = valuesOf(rec, states, { paragraphs: followUpParagraphs, due });
    const contentKey = contentKeyOf(rec.number, base.text, states);
    if (seen.has(`${review.key}|${contentKey}`)) {
      skip('duplicateInFile');
      continue;
    }
    seen.add(`${review.key}|${contentKey}`);
    candidates.push({ row: { ...base, action: 'create', reviewKey: review.key, contentKey, values }, review });
  }
  for (const position of source.positions ?? []) {
    const symbol = source.review?.symbol?.replace(/\/Add\.\d+$/i, '');
    if (!symbol) continue;
    const key = `s:${symbol}`;
    if (!keys.has(key))
      keys.set(key, {
        key,
        bodyCode: 'UPR',
        symbol,
        countryIso2: null,
        cycle: source.review?.cycle ?? null,
        session: source.review?.session ?? null,
        reviewDate: null,
      });
    candidates.push({
      row: {
        action: 'update',
        reviewKey: key,
        contentKey: `n:${position.number}`,
        number: position.number,
        text: '',
        location: { file: '', paragraph: position.number },
        changes: [],
        positionUpdate: {
          position: position.position,
          positionSource: position.positionSource ?? source.review?.symbol ?? null,
        },
      },
      review: keys.get(key) as ReviewKey,
    });
  }

  // What the register already holds for these reviews.
  const symbols = [...keys.values()].map((k) => k.symbol).filter((s): s is string => !!s);
  const found = await repo.findReviewsBySymbol(db, symbols);
  const unnumbered = [...keys.values()].filter((k) => !k.symbol);
  for (const bodyCode of new Set(unnumbered.map((k) => k.bodyCode))) {
    const countries = [
      ...new Set(
        unnumbered
          .filter((k) => k.bodyCode === bodyCode)
          .map((k) => k.countryIso2)
          .filter((c): c is string => !!c),
      ),
    ];
    found.push(...(await repo.findUnnumberedReviews(db, bodyCode, countries)));
  }
  const reviewByKey = new Map(
    found.map((r) => [r.symbol ? `s:${r.symbol}` : `u:${r.body_code}:${r.country_iso2}:${r.session ?? ''}`, r]),
  );
  const existing = await repo.findRecommendationsOfReviews(
    db,
    found.map((r) => r.id),
  );
  const existingByKey = new Map(existing.map((e) => [`${e.review_id}|${e.content_key}`, e]));
  const terms = await loadTerms(db);

  for (const review of keys.values()) {
    const stored = reviewByKey.get(review.key);
    const changes: FieldChange[] = [];
    if (stored && source.followUp && stored.follow_up_months !== source.followUp.months) {
      changes.push({ field: 'follow_up', before: stored.follow_up_paragraphs, after: source.followUp.paragraphs });
    }
    plan.reviews.set(review.key, { ...review, existing: stored, changes });
  }

  for (const { row, review } of candidates) {
    const stored = reviewByKey.get(review.key);
    const match = stored ? existingByKey.get(`${stored.id}|${row.contentKey}`) : undefined;
    if (row.positionUpdate) {
      const { position, positionSource } = row.positionUpdate;
      if (!match) {
        plan.rows.push({ ...row, action: 'skip', reason: 'notInRegister' });
        continue;
      }
      const changes: FieldChange[] = [];
      if (match.position !== position) changes.push({ field: 'position', before: match.position, after: position });
      if (positionSource && match.position_source !== positionSource)
        changes.push({ field: 'position_source', before: match.position_source, after: positionSource });
      plan.rows.push({
        ...row,
        text: match.text_en ?? match.text_fr ?? match.text_es ?? '',
        existingId: match.id,
        action: changes.length ? 'update' : 'unchanged',
        changes,
      });
      continue;
    }
    if (!match || !row.values) {
      plan.rows.push(row);
      continue;
    }
    const { changes, merged, keep } = diffRecommendation(match, row.values, terms);
    plan.rows.push({
      ...row,
      existingId: match.id,
      action: changes.length ? 'update' : 'unchanged',
      changes,
      values: merged,
      keep,
    });
  }

  const unknown = (codes: string[], lookup: Map<string, number>) => [...new Set(codes.filter((c) => !lookup.has(c)))];
  const creating = plan.rows.filter((r) => r.values && (r.action === 'create' || r.action === 'update'));
  plan.newTerms = {
    themes: unknown(
      creating.flatMap((r) => r.values?.themes ?? []),
      terms.theme,
    ),
    affected: unknown(
      creating.flatMap((r) => r.values?.affected ?? []),
      terms.affected_person,
    ),
    issues: unknown(
      creating.flatMap((r) => r.values?.issues ?? []),
      terms.upr_info_issue,
    ),
  };
  for (const r of creating) {
    for (const target of r.values?.sdgTargets ?? []) {
      if (!terms.sdg.has(target)) plan.warnings.push({ location: r.location, message: `unknown SDG target ${target}` });
    }
  }
  return plan;
}

export async function loadTerms(db: Executor): Promise<TermLookup> {
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'code', 'taxonomy'])
    .where('taxonomy', 'in', ['theme', 'affected_person', 'upr_info_issue', 'sdg'])
    .execute();
  const of = (taxonomy: string) => new Map(rows.filter((r) => r.taxonomy === taxonomy).map((r) => [r.code, r.id]));
  return {
    theme: of('theme'),
    affected_person: of('affected_person'),
    upr_info_issue: of('upr_info_issue'),
    sdg: new Set(rows.filter((r) => r.taxonomy === 'sdg').map((r) => r.code)),
  };
}
