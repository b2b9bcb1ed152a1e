import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { ImportsTable, RecommendationsTable, ReviewsTable } from '../../db/schema';
import type { Executor } from '../../http/context';

export type ReviewRow = Selectable<ReviewsTable>;
export type ExistingRecommendation = Pick<
  Selectable<RecommendationsTable>,
  | 'id'
  | 'review_id'
  | 'content_key'
  | 'number'
  | 'heading'
  | 'text_ar'
  | 'text_zh'
  | 'text_en'
  | 'text_fr'
  | 'text_ru'
  | 'text_es'
  | 'sub_items'
  | 'recommending_states'
  | 'position'
  | 'position_source'
  | 'action_category'
  | 'theme_ids'
  | 'affected_ids'
  | 'issue_ids'
  | 'sdg_targets'
  | 'sdg_goals'
  | 'follow_up'
  | 'follow_up_due'
  | 'external_id'
  | 'sources'
  | 'version'
>;

export function findReviewsBySymbol(db: Executor, symbols: string[]): Promise<ReviewRow[]> {
  if (symbols.length === 0) return Promise.resolve([]);
  return db.selectFrom('reviews').selectAll().where('symbol', 'in', symbols).execute();
}

export function findUnnumberedReviews(db: Executor, bodyCode: string, countries: string[]): Promise<ReviewRow[]> {
  if (countries.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('symbol', 'is', null)
    .where('body_code', '=', bodyCode)
    .where('country_iso2', 'in', countries)
    .execute();
}

export function insertReview(db: Executor, review: Insertable<ReviewsTable>): Promise<ReviewRow> {
  return db.insertInto('reviews').values(review).returningAll().executeTakeFirstOrThrow();
}

export async function updateReview(db: Executor, id: string, patch: Updateable<ReviewsTable>): Promise<void> {
  await db
    .updateTable('reviews')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export function findRecommendationsOfReviews(db: Executor, reviewIds: string[]): Promise<ExistingRecommendation[]> {
  if (reviewIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('recommendations')
    .select([
      'id',
      'review_id',
      'content_key',
      'number',
      'heading',
      'text_ar',
      'text_zh',
      'text_en',
      'text_fr',
      'text_ru',
      'text_es',
      'sub_items',
      'recommending_states',
      'position',
      'position_source',
      'action_category',
      'theme_ids',
      'affected_ids',
      'issue_ids',
      'sdg_targets',
      'sdg_goals',
      'follow_up',
      'follow_up_due',
      'external_id',
      'sources',
      'version',
    ])
    .where('review_id', 'in', reviewIds)
    .execute();
}

/** Multi-row inserts in chunks that stay under PostgreSQL's 65,535 parameters. */
export async function insertRecommendations(db: Executor, rows: Insertable<RecommendationsTable>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += 1000) {
    const inserted = await db
      .insertInto('recommendations')
      .values(rows.slice(start, start + 1000))
      .returning('id')
      .execute();
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

export async function updateRecommendation(
  db: Executor,
  id: string,
  patch: Updateable<RecommendationsTable>,
): Promise<void> {
  await db
    .updateTable('recommendations')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertStatusHistory(
  db: Executor,
  rows: {
    recommendation_id: string;
    status: string;
    previous_status: string | null;
    changed_by: string | null;
    note: string | null;
  }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = rows.slice(start, start + 5000);
    if (chunk.length) await db.insertInto('recommendation_status_history').values(chunk).execute();
  }
}

export function insertImport(db: Executor, row: Insertable<ImportsTable>): Promise<Selectable<ImportsTable>> {
  return db.insertInto('imports').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findImport(db: Executor, id: string): Promise<Selectable<ImportsTable> | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An import without its file, with who made it. */
export function findImportSummary(db: Executor, id: string) {
  return db
    .selectFrom('imports as i')
    .leftJoin('users as u', 'u.id', 'i.created_by')
    .select([
      'i.id',
      'i.file_name',
      'i.format',
      'i.size_bytes',
      'i.status',
      'i.summary',
      'i.created_at',
      'i.applied_at',
      'u.name as created_by_name',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** The last applied import of the same bytes, if any. */
export function findAppliedImportBySha(db: Executor, sha256: string) {
  return db
    .selectFrom('imports')
    .select(['id', 'applied_at', 'file_name'])
    .where('sha256', '=', sha256)
    .where('status', '=', 'applied')
    .orderBy('applied_at', 'desc')
    .executeTakeFirst();
}

export async function markImportApplied(db: Executor, id: string, summary: unknown): Promise<void> {
  await db
    .updateTable('imports')
    .set({ status: 'applied', applied_at: sql`now()`, summary: JSON.stringify(summary) })
    .where('id', '=', id)
    .execute();
}

export async function findImports(db: Executor, page: { page: number; pageSize: number }) {
  const base = db.selectFrom('imports as i').leftJoin('users as u', 'u.id', 'i.created_by');
  const [rows, count] = await Promise.all([
    base
      .select([
        'i.id',
        'i.file_name',
        'i.format',
        'i.size_bytes',
        'i.status',
        'i.summary',
        'i.created_at',
        'i.applied_at',
        'u.name as created_by_name',
      ])
      .orderBy('i.created_at', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Words of the register, for the typo-tolerant fallback ("did you mean", pg_trgm). */
export async function insertSearchWords(db: Executor, words: string[]): Promise<void> {
  for (let start = 0; start < words.length; start += 5000) {
    const chunk = words.slice(start, start + 5000).map((word) => ({ word }));
    if (chunk.length)
      await db
        .insertInto('search_words')
        .values(chunk)
        .onConflict((oc) => oc.column('word').doNothing())
        .execute();
  }
}

export async function upsertColumnMapping(
  db: Executor,
  name: string,
  mapping: Record<string, string>,
  userId: string | null,
) {
  await db
    .insertInto('column_mappings')
    .values({ name, mapping: JSON.stringify(mapping), created_by: userId })
    .onConflict((oc) => oc.column('name').doUpdateSet({ mapping: JSON.stringify(mapping) }))
    .execute();
}

export function findColumnMappings(db: Executor) {
  return db.selectFrom('column_mappings').select(['id', 'name', 'mapping']).orderBy('name').execute();
}
