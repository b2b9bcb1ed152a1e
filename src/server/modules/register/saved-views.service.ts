import { AppError } from '../../../shared/errors';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { pgCode, uniqueViolation } from '../../lib/pg-errors';
import { recordAudit } from '../audit/audit.service';
import { deleteOwnSavedView, findSavedViewByName, findSavedViews, insertSavedView } from './saved-views.repo';

const present = (row: Awaited<ReturnType<typeof insertSavedView>>) => ({
  id: row.id,
  name: row.name,
  query: row.query,
  createdAt: row.created_at.toISOString(),
});

/** Saved views: a person's named register searches (the URL's query, kept as JSON). */
export async function listSavedViews(db: Database, actor: Actor) {
  return (await findSavedViews(db, signedIn(actor).id)).map(present);
}

export async function createSavedView(
  db: Database,
  actor: Actor,
  input: { name: string; query: Record<string, unknown> },
) {
  const user = signedIn(actor);
  const taken = () =>
    new AppError('CONFLICT', { params: { name: input.name }, issues: [{ path: 'name', message: 'errors.CONFLICT' }] });
  try {
    return await db.transaction().execute(async (trx) => {
      if (await findSavedViewByName(trx, user.id, input.name)) throw taken();
      const row = await insertSavedView(trx, user.id, input.name, input.query);
      await recordAudit(trx, actor, { action: 'create', recordType: 'saved_view', recordId: row.id, after: input });
      return present(row);
    });
  } catch (error) {
    // Two identical requests at once both pass the check; the unique key (user, name) decides.
    if (pgCode(error) === uniqueViolation) throw taken();
    throw error;
  }
}

export async function deleteSavedView(db: Database, actor: Actor, id: string) {
  const user = signedIn(actor);
  await db.transaction().execute(async (trx) => {
    const row = await deleteOwnSavedView(trx, user.id, id);
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'saved_view',
      recordId: id,
      before: { name: row.name, query: row.query },
    });
  });
}
