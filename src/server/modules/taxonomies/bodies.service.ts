/**
 * The bodies that issue recommendations, as admins keep them: Special Procedures mandates and
 * regional mechanisms are an open list (the seed holds the UN treaty bodies, the UPR and a few
 * mandates and regional mechanisms); an import refuses a row whose body is not in it.
 */
import { AppError } from '../../../shared/errors';
import type { Mechanism } from '../../../shared/schemas/register';
import type { BodyRecord } from '../../../shared/schemas/taxonomies';
import type { Database } from '../../db/database';
import type { LocalizedText } from '../../db/schema';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { countBodyReviews, findBody, findBodyRecords, insertBody, updateBodyAtVersion } from './bodies.repo';
import { canTaxonomies } from './taxonomies.policy';

function requireAdminister(actor: Actor) {
  if (!canTaxonomies(signedIn(actor), 'administer')) throw new AppError('FORBIDDEN');
}

type BodyRow = { code: string; mechanism: Mechanism; name: LocalizedText; version: number };
const present = (row: BodyRow, reviews: number): BodyRecord => ({
  code: row.code,
  mechanism: row.mechanism,
  name: row.name,
  reviews,
  version: row.version,
});

/** The bodies with their names in every language, for the admins' page. */
export async function listBodyRecords(db: Database, actor: Actor): Promise<BodyRecord[]> {
  if (!canTaxonomies(signedIn(actor), 'read')) throw new AppError('FORBIDDEN');
  const rows = await findBodyRecords(db);
  return rows.map((row) => present(row, Number(row.reviews)));
}

export async function createBody(
  db: Database,
  actor: Actor,
  input: { code: string; mechanism: Mechanism; name: LocalizedText },
): Promise<BodyRecord> {
  requireAdminister(actor);
  return db.transaction().execute(async (trx) => {
    if (await findBody(trx, input.code)) throw new AppError('CONFLICT', { params: { code: input.code } });
    const row = await insertBody(trx, {
      code: input.code,
      mechanism: input.mechanism,
      name: JSON.stringify(input.name),
    });
    await recordAudit(trx, actor, { action: 'create', recordType: 'body', recordId: row.code, after: row });
    return present(row, 0);
  });
}

/** Renames a body or changes its kind, at its version; the UPR stays the one body of its kind. */
export async function updateBody(
  db: Database,
  actor: Actor,
  code: string,
  input: { mechanism: Mechanism; name: LocalizedText; version: number },
): Promise<BodyRecord> {
  requireAdminister(actor);
  return db.transaction().execute(async (trx) => {
    const before = await findBody(trx, code);
    if (!before) throw new AppError('NOT_FOUND');
    if ((before.mechanism === 'upr') !== (input.mechanism === 'upr'))
      throw new AppError('VALIDATION', { issues: [{ path: 'mechanism', message: 'issues.uprMechanismFixed' }] });
    const after = await updateBodyAtVersion(trx, code, input.version, {
      mechanism: input.mechanism,
      name: JSON.stringify(input.name),
    });
    if (!after) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, { action: 'update', recordType: 'body', recordId: code, before, after });
    return present(after, await countBodyReviews(trx, code));
  });
}
