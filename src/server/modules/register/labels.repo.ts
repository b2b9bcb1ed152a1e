import type { LocalizedText } from '../../db/schema';
import type { Executor } from '../../http/context';

export function findBodies(db: Executor) {
  return db.selectFrom('bodies').select(['code', 'mechanism', 'name']).orderBy('sort').execute();
}

export async function findTermsById(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('taxonomy_terms').select(['id', 'code', 'label', 'taxonomy']).where('id', 'in', ids).execute();
}

export function findTermsOf(db: Executor, taxonomy: string) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'code', 'label'])
    .where('taxonomy', '=', taxonomy)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export async function findReviewSymbols(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('reviews')
    .select(['id', 'symbol', 'body_code', 'country_iso2', 'session'])
    .where('id', 'in', ids)
    .execute();
}

export async function findCountryNames(db: Executor, codes: string[]): Promise<Map<string, LocalizedText>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('countries').select(['iso2', 'name']).where('iso2', 'in', codes).execute();
  return new Map(rows.map((row) => [row.iso2, row.name]));
}

export async function findEntityNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('entities').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
