import { sql, type Updateable } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { RecommendationsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { recommendationText } from '../../lib/language';
import { deleteAtVersion, updateAtVersion } from '../../lib/versioned';
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

export function findStatusHistory(db: Executor, id: string) {
  return db
    .selectFrom('recommendation_status_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.status', 'h.previous_status', 'h.note', 'h.changed_at', 'u.name as changed_by'])
    .where('h.recommendation_id', '=', id)
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
}

export async function findLinked(db: Executor, id: string, scope: Scope = everything) {
  const rows = await db
    .selectFrom('recommendation_links')
    .select(['a', 'b', 'kind'])
    .where((eb) => eb.or([eb('a', '=', id), eb('b', '=', id)]))
    .execute();
  const others = rows.map((row) => ({ id: row.a === id ? row.b : row.a, kind: row.kind }));
  if (others.length === 0) return [];
  const recs = await db
    .selectFrom('recommendations as r')
    .innerJoin('reviews as v', 'v.id', 'r.review_id')
    .select([
      'r.id',
      'r.number',
      'r.body_code',
      'v.symbol',
      sql<string>`coalesce(r.text_en, r.text_fr, r.text_es, r.text_ar, r.text_ru, r.text_zh)`.as('text'),
    ])
    .where(
      'r.id',
      'in',
      others.map((o) => o.id),
    )
    .where(inScope(scope, 'r.id'))
    .execute();
  const byId = new Map(recs.map((rec) => [rec.id, rec]));
  return others.flatMap((other) => {
    const rec = byId.get(other.id);
    return rec ? [{ ...rec, kind: other.kind }] : [];
  });
}

export function findClustersOf(db: Executor, id: string) {
  return db
    .selectFrom('cluster_members as m')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select(['c.id', 'c.name'])
    .where('m.recommendation_id', '=', id)
    .orderBy('c.name')
    .execute();
}

export function updateRecommendationAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Updateable<RecommendationsTable>,
) {
  return updateAtVersion(db, 'recommendations', id, version, patch).returning(['id', 'version']).executeTakeFirst();
}

export async function insertStatusChange(
  db: Executor,
  row: {
    recommendation_id: string;
    status: string;
    previous_status: string | null;
    note: string | null;
    changed_by: string | null;
    /** The validated progress update that set the status, when one did. */
    progress_update_id?: string | null;
  },
): Promise<void> {
  await db.insertInto('recommendation_status_history').values(row).execute();
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

/** Links two recommendations (or changes the kind of their link); true when the link is new. */
export async function insertLink(
  db: Executor,
  a: string,
  b: string,
  kind: 'related' | 'duplicate',
  userId: string | null,
): Promise<boolean> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const row = await db
    .insertInto('recommendation_links')
    .values({ a: first, b: second, kind, created_by: userId })
    .onConflict((oc) => oc.columns(['a', 'b']).doUpdateSet({ kind }))
    // xmax is 0 on a row this statement inserted, not on one it updated.
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirst();
  return !!row?.inserted;
}

export async function findLink(db: Executor, a: string, b: string) {
  const [first, second] = a < b ? [a, b] : [b, a];
  return db
    .selectFrom('recommendation_links')
    .select('kind')
    .where('a', '=', first)
    .where('b', '=', second)
    .executeTakeFirst();
}

export async function deleteLink(db: Executor, a: string, b: string): Promise<number> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const result = await db
    .deleteFrom('recommendation_links')
    .where('a', '=', first)
    .where('b', '=', second)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
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

export function findRecommendationsForBatch(db: Executor, ids: string[]) {
  return db
    .selectFrom('recommendations')
    .select(['id', 'status', 'theme_ids', 'sdg_targets', 'sdg_goals', 'version'])
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
}

export async function addClusterMembers(db: Executor, clusterId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .insertInto('cluster_members')
    .values(ids.map((id) => ({ cluster_id: clusterId, recommendation_id: id })))
    .onConflict((oc) => oc.columns(['cluster_id', 'recommendation_id']).doNothing())
    .execute();
}

export function findCluster(db: Executor, id: string) {
  return db.selectFrom('clusters').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertCluster(db: Executor, name: string, description: string | null) {
  return db.insertInto('clusters').values({ name, description }).returningAll().executeTakeFirstOrThrow();
}

/** How many recommendations a cluster holds (an index-only count over the members' key). */
const clusterSize = sql<number>`(select count(*) from cluster_members m where m.cluster_id = c.id)`;

/** One page of clusters by name, with their sizes; `q` matches part of the name or description. */
export async function findClusters(db: Executor, query: { q?: string | undefined; page: number; pageSize: number }) {
  let base = db.selectFrom('clusters as c');
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.description', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    base
      .select(['c.id', 'c.name', 'c.description', 'c.version', clusterSize.as('size')])
      .orderBy(sql`lower(c.name)`)
      .orderBy('c.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findClusterWithSize(db: Executor, id: string) {
  return db
    .selectFrom('clusters as c')
    .select(['c.id', 'c.name', 'c.description', 'c.version', clusterSize.as('size')])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Another cluster already called `name` (names compare without case), if any. */
export function findClusterNamed(db: Executor, name: string, exceptId?: string) {
  let qb = db.selectFrom('clusters').select('id').where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) qb = qb.where('id', '<>', exceptId);
  return qb.executeTakeFirst();
}

export function updateClusterAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: { name: string; description?: string | null },
) {
  return updateAtVersion(db, 'clusters', id, version, patch, { touch: false }).returningAll().executeTakeFirst();
}

/** Deletes a cluster at a known version; its memberships go with it (on delete cascade), never the recommendations. */
export async function deleteClusterAtVersion(db: Executor, id: string, version: number): Promise<number> {
  const result = await deleteAtVersion(db, 'clusters', id, version).executeTakeFirst();
  return Number(result.numDeletedRows);
}
