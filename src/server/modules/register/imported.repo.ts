/**
 * The register's writes for an import (the importer plans, the register writes): new
 * recommendations by COPY (PostgreSQL) or INSERT … SELECT unnest (PGlite), and updates of stored
 * ones. The columns are the importer's record layout, and the benchmark's reference COPY.
 */
import { sql, type Updateable } from 'kysely';
import { copyIn } from '../../db/copy-in';
import type { RecommendationsTable } from '../../db/schema';
import type { Executor } from '../../http/context';

/** The columns an import fills, with their SQL types; the id (made by the importer) comes first. */
export const importedColumns = [
  ['review_id', 'uuid'],
  ['body_code', 'text'],
  ['cycle', 'smallint'],
  ['country_iso2', 'char(2)'],
  ['number', 'text'],
  ['number_sort', 'integer[]'],
  ['heading', 'text'],
  ['text_ar', 'text'],
  ['text_zh', 'text'],
  ['text_en', 'text'],
  ['text_fr', 'text'],
  ['text_ru', 'text'],
  ['text_es', 'text'],
  ['original_lang', 'char(2)'],
  ['sub_items', 'jsonb'],
  ['recommending_states', 'text[]'],
  ['position', 'text'],
  ['position_source', 'text'],
  ['action_category', 'smallint'],
  ['theme_ids', 'integer[]'],
  ['affected_ids', 'integer[]'],
  ['issue_ids', 'integer[]'],
  ['sdg_targets', 'text[]'],
  ['sdg_goals', 'smallint[]'],
  ['follow_up', 'boolean'],
  ['follow_up_due', 'date'],
  ['external_id', 'text'],
  ['content_key', 'text'],
  ['sources', 'jsonb'],
] as const;

/** One new recommendation: its id, then a value per `importedColumns` entry, in that order. */
export type ImportedRecord = unknown[];
const writtenColumns = [['id', 'uuid'], ...importedColumns] as const;

/** A value in PostgreSQL's text input form (arrays as {"a","b"}), or null. */
function pgText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return '{}';
    return `{${value.map((v) => (typeof v === 'number' ? String(v) : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/** A value in COPY text format: the text form with backslash, tab and line ends escaped; \N for null. */
function copyField(value: unknown): string {
  const text = pgText(value);
  if (text === null) return '\\N';
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c] as string) : text;
}
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Records as lines of COPY text format. */
export function copyLines(records: ImportedRecord[]): string {
  let out = '';
  for (const record of records) out += `${record.map(copyField).join('\t')}\n`;
  return out;
}

/**
 * PostgreSQL: streams the records' COPY lines (`chunks`) into recommendations, inside the
 * transaction. The benchmark's reference is a raw COPY of the same rows.
 */
export function copyRecommendations(db: Executor, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  return copyIn(db, `copy recommendations (${writtenColumns.map(([column]) => column).join(', ')}) from stdin`, chunks);
}

/**
 * PGlite (no COPY through its adapter): INSERT … SELECT FROM unnest(one text[] per column), 30
 * parameters for up to 5,000 rows, measured near COPY speed against 0.77× for multi-row VALUES.
 */
export async function insertRecommendations(db: Executor, records: ImportedRecord[]): Promise<void> {
  for (let start = 0; start < records.length; start += 5000) {
    const chunk = records.slice(start, start + 5000);
    await sql`
      insert into recommendations (${sql.join(writtenColumns.map(([column]) => sql.ref(column)))})
      select ${sql.join(writtenColumns.map(([, type], i) => sql`${sql.ref(`u.c${i}`)}::${sql.raw(type)}`))}
      from unnest(${sql.join(writtenColumns.map((_, i) => sql`${chunk.map((record) => pgText(record[i]))}::text[]`))})
        as u(${sql.join(writtenColumns.map((_, i) => sql.ref(`c${i}`)))})`.execute(db);
  }
}

/** A stored recommendation's imported values (no version check: the import holds the transaction). */
export async function updateImportedRecommendation(
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

/** Fills the review's State and cycle where a recommendation has none (never replaces one). */
export async function fillImportedReviewColumns(
  db: Executor,
  reviewId: string,
  patch: { country_iso2?: string; cycle?: number },
): Promise<void> {
  if (patch.country_iso2)
    await db
      .updateTable('recommendations')
      .set({ country_iso2: patch.country_iso2 })
      .where('review_id', '=', reviewId)
      .where('country_iso2', 'is', null)
      .execute();
  if (patch.cycle)
    await db
      .updateTable('recommendations')
      .set({ cycle: patch.cycle })
      .where('review_id', '=', reviewId)
      .where('cycle', 'is', null)
      .execute();
}

/** The sources a stored recommendation was imported from. */
export async function findSources(db: Executor, id: string) {
  const row = await db.selectFrom('recommendations').select('sources').where('id', '=', id).executeTakeFirstOrThrow();
  return row.sources;
}
