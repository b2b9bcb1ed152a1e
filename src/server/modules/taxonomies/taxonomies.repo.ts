import { sql, type Updateable } from 'kysely';
import { type Locale, locales } from '../../../shared/i18n/locales';
import type { TaxonomyTermsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { updateAtVersion } from '../../lib/versioned';

export function findTaxonomies(db: Executor) {
  return db
    .selectFrom('taxonomies as t')
    .select(['t.code', 't.name', 't.builtin', 't.version'])
    .select((eb) =>
      eb
        .selectFrom('taxonomy_terms as x')
        .whereRef('x.taxonomy', '=', 't.code')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('term_count'),
    )
    .orderBy('t.builtin', 'desc')
    .orderBy('t.code')
    .execute();
}

export function findTaxonomy(db: Executor, code: string) {
  return db.selectFrom('taxonomies').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertTaxonomy(db: Executor, code: string, name: string): Promise<void> {
  await db.insertInto('taxonomies').values({ code, name, builtin: false }).execute();
}

/** Where a taxonomy's terms are used on recommendations: its array column. */
const usageColumn: Record<string, string> = {
  theme: 'theme_ids',
  affected_person: 'affected_ids',
  upr_info_issue: 'issue_ids',
};

/** The recommendations' array column of a taxonomy's term ids; none for SDGs (codes) and statuses. */
export function termColumnOf(taxonomy: string): 'theme_ids' | 'affected_ids' | 'issue_ids' | 'custom_term_ids' | null {
  if (taxonomy === 'sdg' || taxonomy === 'status') return null;
  return (usageColumn[taxonomy] as 'theme_ids' | 'affected_ids' | 'issue_ids' | undefined) ?? 'custom_term_ids';
}

/** Counted with `@>` (not `= any`), so that the array's GIN index answers instead of a scan of the register. */
function usage(taxonomy: string) {
  if (taxonomy === 'sdg')
    return sql<number>`(select count(*) from recommendations r where r.sdg_targets @> array[t.code])`;
  if (taxonomy === 'status') return sql<number>`(select count(*) from recommendations r where r.status = t.code)`;
  const column = usageColumn[taxonomy] ?? 'custom_term_ids';
  return sql<number>`(select count(*) from recommendations r where r.${sql.ref(column)} @> array[t.id])`;
}

export async function findTerms(
  db: Executor,
  taxonomy: string,
  query: { q?: string; parentId?: number; root?: boolean; untranslated?: Locale; page: number; pageSize: number },
) {
  let base = db.selectFrom('taxonomy_terms as t').where('t.taxonomy', '=', taxonomy);
  if (query.root) base = base.where('t.parent_id', 'is', null);
  if (query.parentId !== undefined) base = base.where('t.parent_id', '=', query.parentId);
  if (query.untranslated) base = base.where(missingLabel(query.untranslated));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where((eb) => eb.or([eb('t.code', 'ilike', like), eb(sql`t.label::text`, 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    base
      .select([
        't.id',
        't.taxonomy',
        't.code',
        't.label',
        't.parent_id',
        't.final',
        't.version',
        usage(taxonomy).as('usage'),
      ])
      .select(sql<number>`(select count(*) from taxonomy_terms c where c.parent_id = t.id)`.as('child_count'))
      .orderBy('t.sort')
      .orderBy('t.code')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** A label with nothing (or only spaces) in `locale`. */
const missingLabel = (locale: Locale) => sql<boolean>`coalesce(btrim(t.label ->> ${locale}), '') = ''`;

/** How many terms of a taxonomy have no label in each language: one scan. */
export async function countUntranslated(db: Executor, taxonomy: string) {
  const row = await db
    .selectFrom('taxonomy_terms as t')
    .where('t.taxonomy', '=', taxonomy)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .select(locales.map((locale) => sql<number>`count(*) filter (where ${missingLabel(locale)})`.as(locale)))
    .executeTakeFirstOrThrow();
  return {
    total: Number(row.total),
    untranslated: Object.fromEntries(locales.map((locale) => [locale, Number(row[locale])])) as Record<Locale, number>,
  };
}

export function findTerm(db: Executor, id: number) {
  return db.selectFrom('taxonomy_terms as t').selectAll('t').where('t.id', '=', id).executeTakeFirst();
}

export async function termUsage(db: Executor, taxonomy: string, id: number): Promise<number> {
  const row = await db
    .selectFrom('taxonomy_terms as t')
    .select(usage(taxonomy).as('usage'))
    .where('t.id', '=', id)
    .executeTakeFirst();
  return Number(row?.usage ?? 0);
}

/**
 * Locks a taxonomy's row until the transaction ends: the writers that add terms take it first, so
 * two of them cannot both add "Children" and "children" (the unique code cannot see spellings).
 */
export async function lockTaxonomy(db: Executor, code: string): Promise<void> {
  await db.selectFrom('taxonomies').select('code').where('code', '=', code).forUpdate().execute();
}

/** Every term of a taxonomy by id and code, for folding a spelling onto the stored one. */
export function findTermCodes(db: Executor, taxonomy: string) {
  return db.selectFrom('taxonomy_terms').select(['id', 'code']).where('taxonomy', '=', taxonomy).execute();
}

/** Terms with their usage, by id (the members of variant groups). */
export function findTermsById(db: Executor, taxonomy: string, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('taxonomy_terms as t')
    .select([
      't.id',
      't.taxonomy',
      't.code',
      't.label',
      't.parent_id',
      't.final',
      't.version',
      usage(taxonomy).as('usage'),
    ])
    .where('t.taxonomy', '=', taxonomy)
    .where('t.id', 'in', ids)
    .execute();
}

export function insertTerm(
  db: Executor,
  term: { taxonomy: string; code: string; label: string; parent_id: number | null; final: boolean },
) {
  return db.insertInto('taxonomy_terms').values(term).returningAll().executeTakeFirstOrThrow();
}

export function updateTermAtVersion(db: Executor, id: number, version: number, patch: Updateable<TaxonomyTermsTable>) {
  return updateAtVersion(db, 'taxonomy_terms', id, version, patch, { touch: false }).returningAll().executeTakeFirst();
}

export async function deleteTermRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('taxonomy_terms').where('id', '=', id).execute();
}

/** The 'status' taxonomy's terms, in their order. */
export function findStatusTerms(db: Executor) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['code', 'label'])
    .where('taxonomy', '=', 'status')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}
