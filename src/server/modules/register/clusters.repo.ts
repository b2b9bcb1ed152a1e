import { sql } from 'kysely';
import type { Executor } from '../../http/context';
import { slicesFor } from '../../lib/batches';
import { containsPattern } from '../../lib/like';
import { deleteAtVersion, updateAtVersion } from '../../lib/versioned';
import { inScope, type Scope } from '../assignments/scope';

/** The clusters a recommendation belongs to, by name. */
export function findClustersOf(db: Executor, id: string) {
  return db
    .selectFrom('cluster_members as m')
    .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
    .select(['c.id', 'c.name'])
    .where('m.recommendation_id', '=', id)
    .orderBy('c.name')
    .execute();
}

export type ClusterOfRow = Awaited<ReturnType<typeof findClustersOf>>[number];

export async function addClusterMembers(db: Executor, clusterId: string, ids: string[]): Promise<void> {
  for (const slice of slicesFor(ids, 2))
    await db
      .insertInto('cluster_members')
      .values(slice.map((id) => ({ cluster_id: clusterId, recommendation_id: id })))
      .onConflict((oc) => oc.columns(['cluster_id', 'recommendation_id']).doNothing())
      .execute();
}

export function findCluster(db: Executor, id: string) {
  return db.selectFrom('clusters').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertCluster(db: Executor, name: string, description: string | null) {
  return db.insertInto('clusters').values({ name, description }).returningAll().executeTakeFirstOrThrow();
}

/** How many of a cluster's recommendations lie within the scope (all: an index-only count over the members' key). */
const clusterSize = (scope: Scope) =>
  sql<number>`(select count(*) from cluster_members m where m.cluster_id = c.id and ${inScope(scope, 'm.recommendation_id')})`;

/**
 * Decision 020: a person who acts for entities sees a cluster only when one of its members lies
 * within their scope (its name and size are otherwise not theirs to read).
 */
function clusterVisible(scope: Scope) {
  if (scope.all) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from cluster_members m where m.cluster_id = c.id and ${inScope(scope, 'm.recommendation_id')})`;
}

/** One page of clusters by name, with their sizes; `q` matches part of the name or description. */
export async function findClusters(
  db: Executor,
  query: { q?: string | undefined; page: number; pageSize: number },
  scope: Scope,
) {
  let base = db.selectFrom('clusters as c').where(clusterVisible(scope));
  if (query.q) {
    const like = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.description', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    base
      .select(['c.id', 'c.name', 'c.description', 'c.version', clusterSize(scope).as('size')])
      .orderBy(sql`lower(c.name)`)
      .orderBy('c.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findClusterWithSize(db: Executor, id: string, scope: Scope = { all: true }) {
  return db
    .selectFrom('clusters as c')
    .select(['c.id', 'c.name', 'c.description', 'c.version', clusterSize(scope).as('size')])
    .where('c.id', '=', id)
    .where(clusterVisible(scope))
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
