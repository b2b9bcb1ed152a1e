import { sql, type Updateable } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { RecommendationsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { recommendationText } from '../../lib/language';
import { updateAtVersion } from '../../lib/versioned';
import { everything, inScope, type Scope } from '../assignments/scope';

/** One recommendation, if it lies within the scope of whoever reads it. */
export function findRecommendation(db: Executor, id: string, scope: Scope = everything) {
  return db
    .selectFrom('recommendations as r')
    .innerJoin('reviews as v', 'v.id', 'r.review_id')
    .innerJoin('bodies as b', 'b.code', 'r.body_code')
    .selectAll('r')
    .select([
      'v.symbol',
      'v.session',
      'v.review_date',
      'v.country_iso2 as review_country',
      'v.cycle as review_cycle',
      'b.name as body_name',
    ])
    .where('r.id', '=', id)
    .where(inScope(scope, 'r.id'))
    .executeTakeFirst();
}

export type RecommendationRow = NonNullable<Awaited<ReturnType<typeof findRecommendation>>>;

export function updateRecommendationAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Updateable<RecommendationsTable>,
) {
  return updateAtVersion(db, 'recommendations', id, version, patch).returning(['id', 'version']).executeTakeFirst();
}

export async function statusExists(db: Executor, code: string): Promise<boolean> {
  return !!(await db
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('taxonomy', '=', 'status')
    .where('code', '=', code)
    .executeTakeFirst());
}

export async function existingTermIds(db: Executor, ids: number[], taxonomies: string[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select('id')
    .where('id', 'in', ids)
    .where('taxonomy', 'in', taxonomies)
    .execute();
  return rows.map((row) => row.id);
}

export async function existingSdgTargets(db: Executor, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select('code')
    .where('taxonomy', '=', 'sdg')
    .where('code', 'in', codes)
    .execute();
  return rows.map((row) => row.code);
}

/** Terms of the NMIRF's own taxonomies (not the built-in ones) among these ids. */
export async function existingCustomTermIds(db: Executor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('taxonomy_terms as t')
    .innerJoin('taxonomies as x', 'x.code', 't.taxonomy')
    .select('t.id')
    .where('t.id', 'in', ids)
    .where('x.builtin', '=', false)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Recommendations numbered `number` or below it (140 → 140.1, 140.2, …), newest review first:
 * the search box finds words, not paragraph numbers. The prefix walks recommendations_number_idx.
 */
export async function findByNumber(
  db: Executor,
  query: { number: string; page: number; pageSize: number },
  lang: Locale,
  scope: Scope = everything,
) {
  const number = query.number.replace(/\s+/g, '');
  const below = `${number.replace(/[\\%_]/g, '\\$&')}.%`;
  const base = db
    .selectFrom('recommendations as r')
    .where((eb) => eb.or([eb('r.number', '=', number), eb('r.number', 'like', below)]))
    .where(inScope(scope, 'r.id'));
  const [rows, count] = await Promise.all([
    base
      .innerJoin('reviews as v', 'v.id', 'r.review_id')
      .select(['r.id', 'r.number', 'r.body_code', 'v.symbol', recommendationText(lang).as('text')])
      .orderBy(sql`v.review_date desc nulls last`)
      .orderBy('r.body_code')
      .orderBy('r.number_sort')
      .orderBy('r.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** The recommendations about to change, locked until the transaction ends. */
export function lockForChange(db: Executor, ids: string[]) {
  return db
    .selectFrom('recommendations')
    .select(['id', 'status', 'theme_ids', 'sdg_targets', 'sdg_goals', 'version'])
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
}

/** The array columns that hold term ids (themes, affected persons, UPR Info issues, custom lists). */
export type TermColumn = 'theme_ids' | 'affected_ids' | 'issue_ids' | 'custom_term_ids';

/** The recommendations naming a term in one of those columns, locked until the transaction ends. */
export function lockHoldingTerm(db: Executor, column: TermColumn, termId: number) {
  return db
    .selectFrom('recommendations')
    .select(['id', 'status', 'version', sql<number[]>`${sql.ref(column)}`.as('terms')])
    .where(sql<boolean>`${sql.ref(column)} @> array[${termId}]::integer[]`)
    .orderBy('id')
    .forUpdate()
    .execute();
}
