/** Clusters: named groups of recommendations the NMIRF follows together. */
import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { Cluster } from '../../../shared/schemas/register';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { scopeOf } from '../assignments/scope';
import { recordAudit } from '../audit/audit.service';
import {
  deleteClusterAtVersion,
  findCluster,
  findClusterNamed,
  findClusters,
  findClusterWithSize,
  insertCluster,
  updateClusterAtVersion,
} from './clusters.repo';
import { requireCan } from './register.guard';
import { presentCluster } from './register.presenter';

const nameTaken = () => new AppError('CONFLICT', { issues: [{ path: 'name', message: 'issues.clusterNameTaken' }] });

export async function listClusters(
  db: Database,
  actor: Actor,
  query: { q?: string | undefined; page: number; pageSize: number },
): Promise<Page<Cluster>> {
  const user = requireCan(actor, 'read');
  const { rows, total } = await findClusters(db, query, await scopeOf(db, user));
  return { items: rows.map(presentCluster), total, page: query.page, pageSize: query.pageSize };
}

export async function getCluster(db: Database, actor: Actor, id: string): Promise<Cluster> {
  const user = requireCan(actor, 'read');
  // Decision 020: outside the scope, a cluster answers as an unknown one.
  const row = await findClusterWithSize(db, id, await scopeOf(db, user));
  if (!row) throw new AppError('NOT_FOUND');
  return presentCluster(row);
}

/** A new, empty cluster; names are unique without regard to case, so that pickers can tell them apart. */
export async function createCluster(
  db: Database,
  actor: Actor,
  input: { name: string; description?: string | undefined },
): Promise<Cluster> {
  requireCan(actor, 'manageClusters');
  return db.transaction().execute(async (trx) => {
    if (await findClusterNamed(trx, input.name)) throw nameTaken();
    const cluster = await insertCluster(trx, input.name, input.description || null);
    await recordAudit(trx, actor, { action: 'create', recordType: 'cluster', recordId: cluster.id, after: cluster });
    return presentCluster({ ...cluster, size: 0 });
  });
}

/** Renames a cluster (and rewrites its description) at a known version. */
export async function updateCluster(
  db: Database,
  actor: Actor,
  id: string,
  input: { name: string; description?: string | null | undefined; version: number },
): Promise<Cluster> {
  requireCan(actor, 'manageClusters');
  return db.transaction().execute(async (trx) => {
    const before = await findCluster(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (await findClusterNamed(trx, input.name, id)) throw nameTaken();
    const patch = {
      name: input.name,
      ...(input.description !== undefined ? { description: input.description || null } : {}),
    };
    const after = await updateClusterAtVersion(trx, id, input.version, patch);
    if (!after) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, { action: 'update', recordType: 'cluster', recordId: id, before, after });
    const row = await findClusterWithSize(trx, id);
    if (!row) throw new AppError('NOT_FOUND');
    return presentCluster(row);
  });
}

/** Deletes a cluster at a known version: its memberships go, the recommendations stay. */
export async function deleteCluster(db: Database, actor: Actor, id: string, version: number): Promise<void> {
  requireCan(actor, 'manageClusters');
  await db.transaction().execute(async (trx) => {
    const before = await findClusterWithSize(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if ((await deleteClusterAtVersion(trx, id, version)) === 0) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'cluster',
      recordId: id,
      before: presentCluster(before),
    });
  });
}
