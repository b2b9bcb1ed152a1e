import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { BodiesTable, CountriesTable, TaxonomyTermsTable, UprCyclesTable } from '../../db/schema';
import type { Executor } from '../../http/context';

/** Reference data is seeded once per version; the marker lives beside the migrations. */
export async function hasMarker(db: Executor, name: string): Promise<boolean> {
  return !!(await db.selectFrom('schema_migrations').select('name').where('name', '=', name).executeTakeFirst());
}

export async function setMarker(db: Executor, name: string): Promise<void> {
  await db
    .insertInto('schema_migrations')
    .values({ name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function upsertCountries(db: Executor, rows: Insertable<CountriesTable>[]): Promise<void> {
  await db
    .insertInto('countries')
    .values(rows)
    .onConflict((oc) =>
      oc.column('iso2').doUpdateSet({ name: sql`excluded.name`, iso3: sql`excluded.iso3`, m49: sql`excluded.m49` }),
    )
    .execute();
}

/** Seeds the bodies; a body an admin has edited since (version above 1) keeps the admin's names. */
export async function upsertBodies(db: Executor, rows: Insertable<BodiesTable>[]): Promise<void> {
  await db
    .insertInto('bodies')
    .values(rows)
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet({ name: sql`excluded.name`, mechanism: sql`excluded.mechanism`, sort: sql`excluded.sort` })
        .where('bodies.version', '=', 1),
    )
    .execute();
}

export async function upsertCycles(db: Executor, rows: Insertable<UprCyclesTable>[]): Promise<void> {
  await db
    .insertInto('upr_cycles')
    .values(rows)
    .onConflict((oc) => oc.column('cycle').doNothing())
    .execute();
}

export async function insertTaxonomy(db: Executor, code: string, name: string, builtin: boolean): Promise<void> {
  await db
    .insertInto('taxonomies')
    .values({ code, name, builtin })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/**
 * Inserts terms whose code is not there yet (in chunks of 500). Callers go through the service's
 * ensureTerms, which first folds the spellings of a code onto the stored term.
 */
export async function insertMissingTerms(db: Executor, terms: Insertable<TaxonomyTermsTable>[]): Promise<void> {
  for (let start = 0; start < terms.length; start += 500) {
    await db
      .insertInto('taxonomy_terms')
      .values(terms.slice(start, start + 500))
      .onConflict((oc) => oc.columns(['taxonomy', 'code']).doNothing())
      .execute();
  }
}

export function findCountries(db: Executor) {
  return db.selectFrom('countries').select(['iso2', 'name']).execute();
}

export function findAllBodies(db: Executor) {
  return db.selectFrom('bodies').select(['code', 'mechanism', 'name']).orderBy('sort').orderBy('code').execute();
}
