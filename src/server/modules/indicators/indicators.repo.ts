import { type Insertable, sql, type Updateable } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { IndicatorListQuery } from '../../../shared/schemas/indicators';
import type { IndicatorsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { slicesFor } from '../../lib/batches';
import { containsPattern } from '../../lib/like';
import { deleteAtVersion, updateAtVersion } from '../../lib/versioned';
import { inScope, type Scope } from '../assignments/scope';

/** The owner entity and the observation summary that every indicator view shows. */
function withSummary(db: Executor) {
  return db
    .selectFrom('indicators as i')
    .innerJoin('entities as o', 'o.id', 'i.owner_entity_id')
    .selectAll('i')
    .select([
      'o.name as owner_name',
      'o.kind as owner_kind',
      'o.acronym as owner_acronym',
      'o.lrg_level as owner_lrg_level',
      sql<number>`(select count(*) from observations x where x.indicator_id = i.id)::int`.as('observation_count'),
      sql<
        string | null
      >`(select to_char(max(x.period_end), 'YYYY-MM-DD') from observations x where x.indicator_id = i.id)`.as(
        'last_period_end',
      ),
      sql<string>`to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD')`.as('created_on'),
    ]);
}

export type IndicatorRow = NonNullable<Awaited<ReturnType<typeof findIndicator>>>;

export function findIndicator(db: Executor, id: string) {
  return withSummary(db).where('i.id', '=', id).executeTakeFirst();
}

/** The list: filtered and paged here; the title and code matched without regard to case or accents. */
export async function findIndicators(db: Executor, query: IndicatorListQuery, scope: Scope) {
  let base = db.selectFrom('indicators as i');
  if (query.type) base = base.where('i.type', '=', query.type);
  if (query.ownerId) base = base.where('i.owner_entity_id', '=', query.ownerId);
  // `@>` so that the array's GIN index answers.
  if (query.sdg) base = base.where(sql<boolean>`i.sdg_codes @> array[${query.sdg}]::text[]`);
  if (query.recommendationId) {
    const recommendationId = query.recommendationId;
    base = base.where('i.id', 'in', (eb) =>
      eb
        .selectFrom('indicator_recommendations')
        .select('indicator_id')
        .where('recommendation_id', '=', recommendationId)
        // Decision 020: an id outside the reader's scope filters as an unknown one (no oracle).
        .where(inScope(scope, 'recommendation_id')),
    );
  }
  if (query.q) {
    const like = containsPattern(query.q);
    base = base.where((eb) =>
      eb.or([eb(sql`unaccent(i.title)`, 'ilike', sql`unaccent(${like})`), eb('i.code', 'ilike', like)]),
    );
  }
  const [rows, count] = await Promise.all([
    withSummary(db)
      .where('i.id', 'in', base.select('i.id'))
      .orderBy('i.code')
      .orderBy('i.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Takes the indicator's row lock: writes to it and to its observations queue behind one another. */
export function lockIndicator(db: Executor, id: string) {
  return db
    .selectFrom('indicators')
    .select(['id', 'version', 'owner_entity_id', 'by_place', 'dimensions', 'unit'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertIndicator(db: Executor, row: Insertable<IndicatorsTable>): Promise<string> {
  const inserted = await db.insertInto('indicators').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateIndicatorAtVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Updateable<IndicatorsTable>,
): Promise<boolean> {
  const result = await updateAtVersion(db, 'indicators', id, version, changes).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteIndicatorAtVersion(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await deleteAtVersion(db, 'indicators', id, version).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function isCodeTaken(db: Executor, code: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('indicators').select('id').where(sql`lower(code)`, '=', code.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return Boolean(await query.executeTakeFirst());
}

// Links.

export async function recommendationIdsOf(db: Executor, indicatorId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('indicator_recommendations')
    .select('recommendation_id')
    .where('indicator_id', '=', indicatorId)
    .orderBy('recommendation_id')
    .execute();
  return rows.map((row) => row.recommendation_id);
}

export async function replaceRecommendations(db: Executor, indicatorId: string, ids: string[]): Promise<void> {
  await db.deleteFrom('indicator_recommendations').where('indicator_id', '=', indicatorId).execute();
  for (const slice of slicesFor(ids, 2))
    await db
      .insertInto('indicator_recommendations')
      .values(slice.map((recommendation_id) => ({ indicator_id: indicatorId, recommendation_id })))
      .execute();
}

/** The linked recommendations within the reader's scope, with their text in the reader's language. */
export function findLinkedRecommendations(db: Executor, indicatorId: string, locale: Locale, scope: Scope) {
  return db
    .selectFrom('indicator_recommendations as l')
    .innerJoin('recommendations as r', 'r.id', 'l.recommendation_id')
    .leftJoin('reviews as v', 'v.id', 'r.review_id')
    .select([
      'r.id',
      sql<string | null>`concat_ws(' ', v.symbol, r.number)`.as('symbol'),
      sql<string>`coalesce(${sql.ref(`r.text_${locale}`)}, r.text_en, r.text_fr, r.text_es, r.text_ru, r.text_ar, r.text_zh, '')`.as(
        'text',
      ),
    ])
    .where('l.indicator_id', '=', indicatorId)
    .where(inScope(scope, 'r.id'))
    .orderBy('v.symbol')
    .orderBy('r.number_sort')
    .limit(200)
    .execute();
}

export async function existingRecommendationIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('recommendations').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}

/** SDG terms by code (goal, target or indicator) with their titles in every language. */
export function findSdgTerms(db: Executor, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('taxonomy_terms')
    .select(['code', 'label'])
    .where('taxonomy', '=', 'sdg')
    .where('code', 'in', codes)
    .orderBy('sort')
    .execute();
}

export function findEntityRefs(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entities')
    .select(['id', 'kind', 'name', 'acronym', 'lrg_level'])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
}

/** The seats a person holds, per entity (focal points, members, validators). */
export async function seatsOf(db: Executor, userId: string) {
  const rows = await db
    .selectFrom('entity_people as p')
    .innerJoin('entities as e', 'e.id', 'p.entity_id')
    .select(['p.entity_id', 'p.role', 'e.kind', 'e.name', 'e.acronym', 'e.lrg_level'])
    .where('p.user_id', '=', userId)
    .orderBy('e.name')
    .execute();
  return rows;
}

/** Every LRG, for matching the place named in an imported row (by name, local name or code). */
export function findLrgs(db: Executor) {
  return db
    .selectFrom('entities')
    .select(['id', 'kind', 'name', 'name_local', 'acronym', 'lrg_level', 'subdivision_code'])
    .where('kind', '=', 'lrg')
    .execute();
}

/** The State's ISO 3166 alpha-3 code, from its profile (WHO exports name countries so). */
export async function findStateIso3(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('state_profile as s')
    .innerJoin('countries as c', 'c.iso2', 's.country_iso2')
    .select('c.iso3')
    .executeTakeFirst();
  return row?.iso3 ?? null;
}
