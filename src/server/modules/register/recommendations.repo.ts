import { sql, type Updateable } from 'kysely';
import type { RecommendationsTable } from '../../db/schema';
import type { Executor } from '../../http/context';

export function findRecommendation(db: Executor, id: string) {
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

export async function findLinked(db: Executor, id: string) {
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
  return db
    .updateTable('recommendations')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export async function insertStatusChange(
  db: Executor,
  row: {
    recommendation_id: string;
    status: string;
    previous_status: string | null;
    note: string | null;
    changed_by: string | null;
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

export async function deleteLink(db: Executor, a: string, b: string): Promise<number> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const result = await db
    .deleteFrom('recommendation_links')
    .where('a', '=', first)
    .where('b', '=', second)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
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

export function findClusters(db: Executor) {
  return db
    .selectFrom('clusters as c')
    .leftJoin('cluster_members as m', 'm.cluster_id', 'c.id')
    .select(['c.id', 'c.name', 'c.description', (eb) => eb.fn.count<number>('m.recommendation_id').as('size')])
    .groupBy(['c.id', 'c.name', 'c.description'])
    .orderBy('c.name')
    .execute();
}
