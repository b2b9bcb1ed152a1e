/**
 * Imports of the real fixtures for the importer's tests: each file parsed once per test run (the
 * PDFs take seconds), then planned and applied as the service does, into any test database.
 */
import { createHash } from 'node:crypto';
import { supportsCopy } from '../src/server/db/copy-in';
import type { DatabaseHandle } from '../src/server/db/database';
import { applyPlan } from '../src/server/modules/imports/apply-plan';
import { buildPlan, draftPlan } from '../src/server/modules/imports/build-plan';
import { insertImport, markImportApplied } from '../src/server/modules/imports/imports.repo';
import { detectFormat, type ParsedSource, parsers } from '../src/server/modules/imports/parsers';
import { importOptionsSchema } from '../src/shared/schemas/imports';
import { readFixture } from './fixtures';

/** Each file parsed once; every database gets its own copy. */
const parsedCache = new Map<string, Promise<{ format: string; parsed: ParsedSource }>>();
export function parsedFixture(path: string) {
  let entry = parsedCache.get(path);
  if (!entry) {
    entry = (async () => {
      const data = readFixture(path);
      const format = await detectFormat(data, path);
      if (format === 'tabular') throw new Error(`${path}: not a known format`);
      return { format, parsed: await parsers[format](data, path) };
    })();
    parsedCache.set(path, entry);
  }
  return entry;
}

const options = importOptionsSchema.parse({});

/** The dry run of a file against this database. */
export async function previewFixture(handle: DatabaseHandle, path: string) {
  const { parsed } = await parsedFixture(path);
  return buildPlan(handle.db, structuredClone(parsed), options, path);
}

/** Stores the file as an import and applies it, as the service does (one transaction). */
export async function applyFixture(handle: DatabaseHandle, path: string) {
  const { format, parsed } = await parsedFixture(path);
  const data = readFixture(path);
  const row = await insertImport(handle.db, {
    file_name: path,
    format,
    sha256: createHash('sha256').update(data).digest('hex'),
    size_bytes: data.length,
    original: data,
    status: 'previewed',
    summary: '{}',
    created_by: null,
  });
  // PostgreSQL: new rows by COPY, as the service writes them.
  const copy = await supportsCopy(handle.db);
  return handle.db.transaction().execute(async (trx) => {
    const draft = await draftPlan(trx, structuredClone(parsed), options, path);
    const summary = await applyPlan(
      trx,
      draft,
      { importId: row.id, fileName: path, format, userId: null, copy },
      () => {},
    );
    await markImportApplied(trx, row.id, summary);
    return { summary, plan: draft.plan };
  });
}
