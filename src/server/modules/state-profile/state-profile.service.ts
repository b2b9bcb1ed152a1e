import { AppError } from '../../../shared/errors';
import type { StateProfile, UpdateStateProfileInput } from '../../../shared/schemas/state-profile';
import type { Database } from '../../db/database';
import type { LocalizedText, StateProfileRow } from '../../db/schema';
import type { Actor, Executor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { canStateProfile } from './state-profile.policy';
import {
  countEntitiesByKind,
  findLevelsInUse,
  findStateProfile,
  updateStateProfileAtVersion,
} from './state-profile.repo';

/** The State's profile with its entity counts, for the home page. */
export async function getStateProfile(db: Database, actor: Actor): Promise<StateProfile> {
  const user = signedIn(actor);
  if (!canStateProfile(user, 'view')) throw new AppError('FORBIDDEN');
  const [row, counts] = await Promise.all([findStateProfile(db), countEntitiesByKind(db)]);
  if (!row) throw new AppError('NOT_FOUND');
  return present(row, counts);
}

export async function updateStateProfile(
  db: Database,
  actor: Actor,
  input: UpdateStateProfileInput,
): Promise<StateProfile> {
  const user = signedIn(actor);
  if (!canStateProfile(user, 'edit')) throw new AppError('FORBIDDEN');
  return db.transaction().execute(async (trx) => {
    const before = await findStateProfile(trx);
    if (!before) throw new AppError('NOT_FOUND');
    const levels = input.lrgLevelNames.map((level) => level.level).sort((a, b) => a - b);
    if (levels.some((level, index) => level !== index + 1))
      throw new AppError('VALIDATION', { issues: [{ path: 'lrgLevelNames', message: 'issues.levelsNotConsecutive' }] });
    if ((await findLevelsInUse(trx)).some((level) => !levels.includes(level)))
      throw new AppError('VALIDATION', { issues: [{ path: 'lrgLevelNames', message: 'issues.levelInUse' }] });
    const after = await updateStateProfileAtVersion(trx, input.version, {
      nmirf_name: JSON.stringify(input.nmirfName),
      nmirf_mandate: JSON.stringify(input.nmirfMandate),
      system_of_government: input.systemOfGovernment,
      lrg_level_names: JSON.stringify(input.lrgLevelNames),
    });
    if (!after) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, { action: 'update', recordType: 'state_profile', recordId: '1', before, after });
    return present(after, await countEntitiesByKind(trx));
  });
}

function present(row: StateProfileRow, entityCounts: Record<string, number>): StateProfile {
  return {
    countryIso2: row.country_iso2,
    countryName: row.country_name,
    nmirfName: row.nmirf_name,
    nmirfMandate: row.nmirf_mandate,
    systemOfGovernment: row.system_of_government,
    lrgLevelNames: row.lrg_level_names,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    entityCounts,
  };
}

/**
 * The NMIRF's name in every language it has, for the mail that speaks in its name; null before
 * the State is set up. Read without a person: the name is public (it heads every page).
 */
export async function nmirfNameOf(db: Executor): Promise<LocalizedText | null> {
  const row = await findStateProfile(db);
  return row ? row.nmirf_name : null;
}
