import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemActor } from '../src/server/http/context';
import { importTrustedFile } from '../src/server/modules/imports/imports.service';
import { parseSource } from '../src/server/modules/imports/parsers';
import { importedColumns } from '../src/server/modules/register/recommendations.writer';
import { AppError } from '../src/shared/errors';
import { type BenchDatabase, copyValue } from './databases';
import { int, ms, type Table, timed } from './table';
import { combinedTsvector } from './tsv-all';

export const uprInfoFiles = ['1-5', '6-9', '10-13', '14-17'].map((range) => `upr-info/upr-info-sessions-${range}.csv`);

/** The demo's order (report before the State's views), then the treaty bodies. */
export const documentFiles = [
  'upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf',
  'upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf',
  'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx',
  'ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx',
  'concluding-observations/CRPD_C_DEU_CO_2-3_en.pdf',
  'concluding-observations/CRPD_C_GRC_CO_1_es.pdf',
  'concluding-observations/CRPD_C_NOR_CO_1_fr.pdf',
  'concluding-observations/CERD_C_BRA_CO_18-20_en.pdf',
  'concluding-observations/CRPD_C_KAZ_CO_1_ar.pdf',
  'concluding-observations/CERD_C_BRA_FCO_18-20_en_follow-up-reply.pdf',
];

/** The columns `applyPlan` fills (the importer's own list, less the id it makes); status, version and timestamps take their defaults. */
export const importerColumns = importedColumns.map(([column]) => column);

export interface ImportResult {
  tables: Table[];
  importerRowsPerSecond: number;
  copyRowsPerSecond: number;
}

async function countRows(bench: BenchDatabase, table = 'recommendations'): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(bench.db);
  return result.rows[0]?.n ?? 0;
}

async function importFile(bench: BenchDatabase, dataDir: string, file: string) {
  const data = await readFile(join(dataDir, file));
  const name = file.split('/').pop() as string;
  // A file the importer refuses (the State's follow-up reply holds no recommendation) is a row, not a crash.
  let parse: { ms: number };
  try {
    parse = await timed(() => parseSource(data, name));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const reason = error.issues[0]?.message ?? error.code;
    return { name, parseMs: Number.NaN, importMs: Number.NaN, created: 0, updated: 0, refused: reason };
  }
  const run = await timed(() => importTrustedFile(bench.db, systemActor('bench'), name, data));
  const row = await bench.db.selectFrom('imports').select('summary').where('id', '=', run.result).executeTakeFirst();
  const summary = (row?.summary ?? {}) as { created?: number; updated?: number };
  return {
    name,
    parseMs: parse.ms,
    importMs: run.ms,
    created: summary.created ?? 0,
    updated: summary.updated ?? 0,
    refused: undefined as string | undefined,
  };
}

/** An empty twin of `recommendations` (generated tsvector columns, indexes, checks, and its foreign keys). */
async function createTwin(bench: BenchDatabase, name: string): Promise<void> {
  await sql`create table ${sql.table(name)} (like recommendations including all)`.execute(bench.db);
  await sql`alter table ${sql.table(name)}
    add foreign key (review_id) references reviews (id), add foreign key (body_code) references bodies (code)`.execute(
    bench.db,
  );
  const generated = await sql<{ n: number }>`select count(*)::int as n from pg_attribute
    where attrelid = ${name}::regclass and attgenerated = 's'`.execute(bench.db);
  if (generated.rows[0]?.n !== 6) throw new Error(`${name}: expected 6 generated tsvector columns`);
}

/** The same files through the importer without measuring: the search part's starting register. */
export async function importAll(bench: BenchDatabase, dataDir: string, log: (line: string) => void): Promise<void> {
  for (const file of [...uprInfoFiles, ...documentFiles]) {
    await importFile(bench, dataDir, file);
    log(`  imported ${file}`);
  }
}

/** Part 1: the four UPR Info files through the real importer, then the same rows by COPY and by INSERT. */
export async function runImportBench(bench: BenchDatabase, dataDir: string, log: (line: string) => void) {
  const files = [];
  for (const file of uprInfoFiles) {
    files.push(await importFile(bench, dataDir, file));
    log(`  imported ${file}`);
  }
  const importerMs = files.reduce((sum, file) => sum + file.importMs, 0);
  const imported = files.reduce((sum, file) => sum + file.created, 0);

  // The rows exactly as the importer stored them, in COPY text format (PostgreSQL's own text output).
  const selected = await sql<Record<string, string | null>>`select ${sql.join(
    importerColumns.map((column) => sql`${sql.ref(column)}::text as ${sql.ref(column)}`),
  )} from recommendations order by created_at, id`.execute(bench.db);
  const rows = selected.rows;
  const tsv = `${rows.map((row) => importerColumns.map((column) => copyValue(row[column])).join('\t')).join('\n')}\n`;

  await createTwin(bench, 'recommendations_copy');
  const copy = await timed(() => bench.copyIn('recommendations_copy', importerColumns, tsv));
  if ((await countRows(bench, 'recommendations_copy')) !== rows.length) throw new Error('COPY lost rows');
  const same = await sql<{ n: number }>`select count(*)::int as n from recommendations r
    join recommendations_copy c using (review_id, content_key) where c.tsv_en = r.tsv_en and c.tsv_fr = r.tsv_fr`.execute(
    bench.db,
  );
  if (same.rows[0]?.n !== rows.length) throw new Error('COPY rows differ from the imported rows');

  // The importer's former write step alone: multi-row INSERT … VALUES of 1,000 rows per statement.
  await createTwin(bench, 'recommendations_insert');
  const insertDb = bench.db.withTables<{ recommendations_insert: Record<string, string | null> }>();
  const insert = await timed(async () => {
    for (let start = 0; start < rows.length; start += 1000)
      await insertDb
        .insertInto('recommendations_insert')
        .values(rows.slice(start, start + 1000))
        .execute();
  });

  // The importer's write on PGlite (insertRecommendations): INSERT … SELECT FROM unnest(<one text[] per column>).
  await createTwin(bench, 'recommendations_unnest');
  const types = await sql<{
    name: string;
    type: string;
  }>`select attname as name, format_type(atttypid, atttypmod) as type
    from pg_attribute where attrelid = 'recommendations'::regclass and attnum > 0`.execute(bench.db);
  const typeOf = new Map(types.rows.map((row) => [row.name, row.type]));
  const unnest = await timed(async () => {
    for (let start = 0; start < rows.length; start += 5000) {
      const chunk = rows.slice(start, start + 5000);
      await sql`insert into recommendations_unnest (${sql.join(importerColumns.map((column) => sql.ref(column)))})
        select ${sql.join(importerColumns.map((column, i) => sql`${sql.ref(`u.c${i}`)}::${sql.raw(typeOf.get(column) as string)}`))}
        from unnest(${sql.join(importerColumns.map((column) => sql`${chunk.map((row) => row[column])}::text[]`))})
        as u(${sql.join(importerColumns.map((_, i) => sql.ref(`c${i}`)))})`.execute(bench.db);
    }
  });

  // The write side of one combined tsvector column: the same COPY with one generated column and one GIN index.
  await createTwin(bench, 'recommendations_tsv1');
  await sql`alter table recommendations_tsv1 drop column tsv_ar, drop column tsv_zh, drop column tsv_en,
    drop column tsv_fr, drop column tsv_ru, drop column tsv_es,
    add column tsv_all tsvector generated always as (${combinedTsvector}) stored`.execute(bench.db);
  await sql`create index on recommendations_tsv1 using gin (tsv_all)`.execute(bench.db);
  const copyOne = await timed(() => bench.copyIn('recommendations_tsv1', importerColumns, tsv));

  const rate = (count: number, elapsed: number) => (count / elapsed) * 1000;
  const importerRate = rate(imported, importerMs);
  const copyRate = rate(rows.length, copy.ms);
  const target = bench.kind === 'postgres' ? 'target ≥ 0.50' : 'no target';
  const importTable: Table = {
    title: `Import rate vs COPY — ${bench.kind} (${int(imported)} UPR Info rows)`,
    headers: ['path', 'rows', 'parse ms', 'total ms', 'rows/s', 'vs COPY'],
    align: ['l', 'r', 'r', 'r', 'r', 'r'],
    rows: [
      ...files.map((file) => [
        `importer: ${file.name}`,
        int(file.created),
        ms(file.parseMs),
        ms(file.importMs),
        int(rate(file.created, file.importMs)),
        '',
      ]),
      [
        '**importer, all four files**',
        int(imported),
        ms(files.reduce((sum, file) => sum + file.parseMs, 0)),
        ms(importerMs),
        int(importerRate),
        `${(importerRate / copyRate).toFixed(2)}×`,
      ],
      [
        'INSERT … VALUES, 1,000 rows/statement (importer before a7402ab)',
        int(rows.length),
        '',
        ms(insert.ms),
        int(rate(rows.length, insert.ms)),
        `${(rate(rows.length, insert.ms) / copyRate).toFixed(2)}×`,
      ],
      [
        'INSERT … SELECT unnest(arrays), 5,000 rows/statement (importer on PGlite)',
        int(rows.length),
        '',
        ms(unnest.ms),
        int(rate(rows.length, unnest.ms)),
        `${(rate(rows.length, unnest.ms) / copyRate).toFixed(2)}×`,
      ],
      [
        'COPY into a table with one combined tsvector + 1 GIN',
        int(rows.length),
        '',
        ms(copyOne.ms),
        int(rate(rows.length, copyOne.ms)),
        `${(rate(rows.length, copyOne.ms) / copyRate).toFixed(2)}×`,
      ],
      ['**COPY FROM STDIN**', int(rows.length), '', ms(copy.ms), int(copyRate), '1.00×'],
    ],
    notes: [
      `Importer/COPY ratio: **${(importerRate / copyRate).toFixed(2)}×** (${target}). ` +
        '"parse ms" is parseSource alone, timed separately (the importer parses again inside "total ms"). ' +
        'COPY and INSERT load the same rows (the importer-filled columns, read back) into empty ' +
        '`like recommendations including all` twins with the same foreign keys (6 generated tsvector columns, all ' +
        '16 indexes); the combined-tsvector twin replaces the 6 columns and their GIN indexes by one. The importer writes ' +
        'new recommendations by COPY on PostgreSQL (unnest on PGlite) and also stores the file, status history, search ' +
        'words and the audit event.',
    ],
  };

  const documents = [];
  for (const file of documentFiles) {
    documents.push(await importFile(bench, dataDir, file));
    log(`  imported ${file}`);
  }
  const documentTable: Table = {
    title: `Document imports — ${bench.kind}`,
    headers: ['file', 'parse ms', 'import ms', 'created', 'updated'],
    align: ['l', 'r', 'r', 'r', 'r'],
    rows: documents.map((doc) =>
      doc.refused
        ? [doc.name, `refused: ${doc.refused}`, '', '', '']
        : [doc.name, ms(doc.parseMs), ms(doc.importMs), int(doc.created), int(doc.updated)],
    ),
    notes: ['"import ms" is importTrustedFile end to end (parse, plan, write, audit), in the order listed.'],
  };
  await sql`drop table recommendations_copy, recommendations_insert, recommendations_unnest, recommendations_tsv1`.execute(
    bench.db,
  );
  return {
    tables: [importTable, documentTable],
    importerRowsPerSecond: importerRate,
    copyRowsPerSecond: copyRate,
  } satisfies ImportResult;
}
