/** Links between recommendations: related asks, or the same ask twice (duplicate), across mechanisms. */
import { AppError } from '../../../shared/errors';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { recordAudit } from '../audit/audit.service';
import { deleteLink, findLink, insertLink } from './links.repo';
import { findRecommendation } from './recommendations.repo';
import { requireCan } from './register.guard';

/**
 * Links two recommendations as related or duplicate. The same link again is refused (CONFLICT);
 * the other kind changes the link's kind.
 */
export async function linkRecommendations(
  db: Database,
  actor: Actor,
  id: string,
  otherId: string,
  kind: 'related' | 'duplicate',
) {
  const user = requireCan(actor, 'edit');
  if (id === otherId) throw new AppError('VALIDATION', { issues: [{ path: 'otherId', message: 'issues.selfLink' }] });
  await db.transaction().execute(async (trx) => {
    if (!(await findRecommendation(trx, id)) || !(await findRecommendation(trx, otherId)))
      throw new AppError('NOT_FOUND');
    const existing = await findLink(trx, id, otherId);
    if (existing?.kind === kind) {
      throw new AppError('CONFLICT', { issues: [{ path: 'otherId', message: 'issues.linkExists' }] });
    }
    await insertLink(trx, id, otherId, kind, user.id);
    await recordAudit(trx, actor, {
      action: existing ? 'update' : 'create',
      recordType: 'recommendation_link',
      recordId: id,
      ...(existing ? { before: { otherId, kind: existing.kind } } : {}),
      after: { otherId, kind },
    });
  });
}

export async function unlinkRecommendations(db: Database, actor: Actor, id: string, otherId: string) {
  requireCan(actor, 'edit');
  await db.transaction().execute(async (trx) => {
    const existing = await findLink(trx, id, otherId);
    if (!existing || (await deleteLink(trx, id, otherId)) === 0) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'recommendation_link',
      recordId: id,
      before: { otherId, kind: existing.kind },
    });
  });
}
