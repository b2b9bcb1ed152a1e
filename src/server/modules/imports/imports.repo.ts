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

/** The reviews of a body for these States, with or without a symbol (matched by session). */
export function findReviewsByCountries(db: Executor, bodyCode: string, countries: string[]): Promise<ReviewRow[]> {
  if (countries.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('body_code', '=', bodyCode)
    .where('country_iso2', 'in', countries)
    .execute();
}

/** The installation's own State (state_profile), for the reviews of a list that does not name it. */
export async function findInstallationCountry(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('state_profile').select('country_iso2').where('id', '=', 1).executeTakeFirst();
  return row?.country_iso2 ?? null;
}

/** New reviews with their ids (made by the caller), 1,000 per statement. */
export async function insertReviews(db: Executor, reviews: (Insertable<ReviewsTable> & { id: string })[]) {
  for (let start = 0; start < reviews.length; start += 1000)
    await db
      .insertInto('reviews')
      .values(reviews.slice(start, start + 1000))
      .execute();
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

/** Stores an uploaded file; returns the record without the bytes (the caller has them). */
export function insertImport(
  db: Executor,
  row: Insertable<ImportsTable>,
): Promise<Omit<Selectable<ImportsTable>, 'original'>> {
  return db
    .insertInto('imports')
    .values(row)
    .returning([
      'id',
      'file_name',
      'format',
      'sha256',
      'size_bytes',
      'status',
      'summary',
      'created_by',
      'created_at',
      'applied_at',
      'apply_heartbeat_at',
      'progress_done',
      'progress_total',
    ])
    .executeTakeFirstOrThrow();
}

export function findImport(db: Executor, id: string): Promise<Selectable<ImportsTable> | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Imports without their files, with who made them. */
function importSummaries(db: Executor) {
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
      'i.progress_done',
      'i.progress_total',
    ])
    .select('u.name as created_by_name');
}

export function findImportSummary(db: Executor, id: string) {
  return importSummaries(db).where('i.id', '=', id).executeTakeFirst();
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
    .set({
      status: 'applied',
      applied_at: sql`now()`,
      summary: JSON.stringify(summary),
      apply_heartbeat_at: null,
      progress_done: null,
      progress_total: null,
    })
    .where('id', '=', id)
    .execute();
}

/** The advisory lock key of one import's apply (a bigint from its id). */
const applyLockKey = (id: string) => sql`hashtextextended(${`implementa.import-apply:${id}`}, 0)`;

/**
 * Claims the apply of an import for this process: previewed → applying, in one statement, so that
 * of two processes (or two requests) only one wins; the other gets no row. A claim left `applying`
 * by a process that died is taken again once its heartbeat is older than `staleMinutes` and no
 * transaction holds its advisory lock (held by the apply's transaction: see lockImportApply).
 */
export async function claimImportApply(db: Executor, id: string, staleMinutes: number): Promise<boolean> {
  const row = await db
    .updateTable('imports')
    .set({ status: 'applying', apply_heartbeat_at: sql`now()`, progress_done: 0, progress_total: 0 })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'previewed'),
        eb.and([
          eb('status', '=', 'applying'),
          eb('apply_heartbeat_at', '<', sql<Date>`now() - make_interval(mins => ${staleMinutes})`),
          eb(sql<boolean>`pg_try_advisory_xact_lock(${applyLockKey(id)})`, '=', true),
        ]),
      ]),
    )
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/** Held by the apply's transaction until it ends (a crash ends it too): the claim is alive. */
export async function lockImportApply(trx: Executor, id: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${applyLockKey(id)})`.execute(trx);
}

/**
 * The apply's progress, and a heartbeat, for any process to show. Outside the apply's transaction
 * (on another connection), so that it is seen at once; a no-op once the apply has ended.
 */
export async function writeImportProgress(db: Executor, id: string, done: number, total: number): Promise<void> {
  await db
    .updateTable('imports')
    .set({ progress_done: done, progress_total: total, apply_heartbeat_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'applying')
    .execute();
}

/** A failed apply gives its claim back: the import may be applied again. */
export async function releaseImportApply(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ status: 'previewed', apply_heartbeat_at: null, progress_done: null, progress_total: null })
    .where('id', '=', id)
    .where('status', '=', 'applying')
    .execute();
}

export async function findImports(db: Executor, page: { page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    importSummaries(db)
      .orderBy('i.created_at', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    db
      .selectFrom('imports')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Words of the register, for the typo-tolerant fallback ("did you mean", pg_trgm): one array per statement. */
export async function insertSearchWords(db: Executor, words: string[]): Promise<void> {
  for (let start = 0; start < words.length; start += 50_000) {
    const chunk = words.slice(start, start + 50_000);
    await sql`insert into search_words (word) select unnest(${chunk}::text[]) on conflict (word) do nothing`.execute(
      db,
    );
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

/** The treaty bodies and mechanisms, by code, for the review keys. */
export function findBodies(db: Executor) {
  return db.selectFrom('bodies').select(['code', 'name']).execute();
}

/** The terms of the given taxonomies, to map a source's codes to term ids. */
export function findTermsOf(db: Executor, taxonomies: string[]) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['id', 'code', 'taxonomy'])
    .where('taxonomy', 'in', taxonomies)
    .execute();
}
