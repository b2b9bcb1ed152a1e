import type { LocalizedText } from '../../db/schema';
import type { Executor } from '../../http/context';

/** Localised names of the values a breakdown shows, read for those values only. */

export async function bodyNames(db: Executor, codes: string[]): Promise<Map<string, LocalizedText>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('bodies').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, row.name]));
}

export async function termLabels(
  db: Executor,
  ids: number[],
): Promise<Map<string, { code: string; label: LocalizedText }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'code', 'label']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [String(row.id), { code: row.code, label: row.label }]));
}

/** SDG goals by their number ('5'): the `sdg` taxonomy's terms whose code is the goal. */
export async function goalLabels(db: Executor, goals: string[]): Promise<Map<string, LocalizedText>> {
  if (goals.length === 0) return new Map();
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['code', 'label'])
    .where('taxonomy', '=', 'sdg')
    .where('code', 'in', goals)
    .execute();
  return new Map(rows.map((row) => [row.code, row.label]));
}

export async function entityNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('entities').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The State's own names of its LRG levels. */
export async function levelNames(db: Executor): Promise<Map<string, LocalizedText>> {
  const row = await db.selectFrom('state_profile').select('lrg_level_names').executeTakeFirst();
  return new Map((row?.lrg_level_names ?? []).map((level) => [String(level.level), level.name]));
}
