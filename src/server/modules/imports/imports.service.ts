import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { ImportOptions, ImportPreview, ImportSummary } from '../../../shared/schemas/imports';
import { importOptionsSchema } from '../../../shared/schemas/imports';
import { supportsCopy } from '../../db/copy-in';
import type { Database } from '../../db/database';
import type { ImportsTable } from '../../db/schema';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { recomputeCalendar } from '../calendar/calendar.service';
import { applyPlan } from './apply-plan';
import { progressWriter } from './apply-progress';
import { buildPlan, draftPlan } from './build-plan';
import { foreignStateOf, requireForeignConfirmation } from './foreign-state';
import { canImports } from './imports.policy';
import { countsOf, presentImport, presentPreview } from './imports.presenter';
import {
  claimImportApply,
  findAppliedImportBySha,
  findColumnMappings,
  findImport,
  findImportSummary,
  findImports,
  insertImport,
  lockImportApply,
  markImportApplied,
  releaseImportApply,
  upsertColumnMapping,
} from './imports.repo';
import {
  type ColumnMapping,
  detectFormat,
  notRecommendations,
  parsers,
  parseTabular,
  readTabularHeaders,
  type SourceFormat,
  suggestMapping,
} from './parsers';

/**
 * A claim older than this, whose transaction is gone, belonged to a process that died mid-apply:
 * the import may be applied again. Longer than parsing the largest document takes.
 */
const staleApplyMinutes = 10;

/** Who may import register documents; also the upload policy, checked before the body is read. */
export function requireImporter(actor: Actor) {
  const user = signedIn(actor);
  if (!canImports(user, 'import')) throw new AppError('FORBIDDEN');
  return user;
}

/**
 * Parses with the parser of a format detected once: telling the PDF kinds apart reads the whole
 * text, so detecting again would read a report twice. Imports store their format at upload.
 */
async function parseWith(data: Buffer, fileName: string, options: ImportOptions, knownFormat?: string) {
  const format = (knownFormat as SourceFormat | undefined) ?? (await detectFormat(data, fileName));
  if (format !== 'tabular') return { format, parsed: await parsers[format](data, fileName) };
  const headers = await readTabularHeaders(data, fileName);
  const suggested = suggestMapping(headers) as Record<string, string>;
  // Not one column reads as a field of a recommendation (a WHO data export, whose first sheet
  // holds only the portal's filters): refused, naming the file and its columns, rather than a
  // mapping step where every field is "(not in this file)".
  if (!options.columnMapping && Object.keys(suggested).length === 0) throw notRecommendations(fileName, headers);
  const mapping = (options.columnMapping ?? suggested) as ColumnMapping;
  const parsed = mapping.text ? await parseTabular(data, fileName, mapping) : undefined;
  return { format, parsed, headers, suggested };
}

/**
 * Reads an uploaded file and shows what importing it would do; stores the file with an import
 * record (status previewed) so that the apply works on exactly these bytes. A file that cannot
 * be read stores nothing.
 */
export async function uploadImport(db: Database, actor: Actor, fileName: string, data: Buffer): Promise<ImportPreview> {
  const user = requireImporter(actor);
  const options = importOptionsSchema.parse({});
  const result = await parseWith(data, fileName, options);
  const plan = result.parsed ? await buildPlan(db, result.parsed, options, fileName) : undefined;
  const row = await insertImport(db, {
    file_name: fileName,
    format: result.format,
    sha256: createHash('sha256').update(data).digest('hex'),
    size_bytes: data.length,
    original: data,
    status: 'previewed',
    summary: JSON.stringify(plan ? countsOf(plan) : {}),
    created_by: user.id,
  });
  return withForeignState(db, actor, presentPreview(row, await lastAppliedAt(db, row.sha256), plan, result), plan);
}

/** The preview with the reviews of another State than the installation's, if any. */
async function withForeignState(
  db: Database,
  actor: Actor,
  preview: ImportPreview,
  plan: Parameters<typeof foreignStateOf>[1] | undefined,
): Promise<ImportPreview> {
  return { ...preview, foreignState: plan ? await foreignStateOf(db, plan, actor.locale) : null };
}

/** When the same bytes were last applied, if ever: the preview warns before a second import. */
async function lastAppliedAt(db: Database, sha256: string): Promise<Date | null> {
  return (await findAppliedImportBySha(db, sha256))?.applied_at ?? null;
}

/** Shows the plan again with the user's choices (State names, column mapping, review defaults). */
export async function previewImport(
  db: Database,
  actor: Actor,
  id: string,
  options: ImportOptions,
): Promise<ImportPreview> {
  requireImporter(actor);
  const row = await findImport(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const result = await parseWith(row.original, row.file_name, options, row.format);
  const plan = result.parsed ? await buildPlan(db, result.parsed, options, row.file_name) : undefined;
  return withForeignState(db, actor, presentPreview(row, await lastAppliedAt(db, row.sha256), plan, result), plan);
}

/** Applies an import in one transaction: all of it or nothing. */
export async function applyImport(
  db: Database,
  actor: Actor,
  id: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  requireImporter(actor);
  await runImport(db, actor, id, options);
  return getImport(db, actor, id);
}

/**
 * Stores and applies a file the system itself brings (the demo's documents, benchmarks): the
 * same importer as users run, without a person behind it.
 */
export async function importTrustedFile(db: Database, actor: Actor, fileName: string, data: Buffer): Promise<string> {
  const format = await detectFormat(data, fileName);
  // The system chose these files: no one to ask about another State's documents.
  const options = importOptionsSchema.parse({ confirmForeignState: true });
  const storing = insertImport(db, {
    file_name: fileName,
    format,
    sha256: createHash('sha256').update(data).digest('hex'),
    size_bytes: data.length,
    original: data,
    status: 'previewed',
    summary: '{}',
    created_by: actor.user?.id ?? null,
  });
  // Once the insert has gone out, Node parses while the server stores the file.
  await new Promise((resolve) => setImmediate(resolve));
  const parsing = parseWith(data, fileName, options, format);
  parsing.catch(() => undefined); // reported by runImport, once the file is stored
  const row = await storing;
  // The bytes just stored are at hand: no need to read them back.
  await runImport(db, actor, row.id, options, { ...row, original: data }, parsing);
  return row.id;
}

async function runImport(
  db: Database,
  actor: Actor,
  id: string,
  options: ImportOptions,
  stored?: Selectable<ImportsTable>,
  parsing?: ReturnType<typeof parseWith>,
): Promise<void> {
  const row = stored ?? (await findImport(db, id));
  if (!row) throw new AppError('NOT_FOUND');
  // The guard against a second apply is in the database, so that it holds across processes: the
  // claim (previewed → applying) has one winner; applied, or being applied elsewhere, is a 409.
  if (!(await claimImportApply(db, id, staleApplyMinutes))) throw new AppError('CONFLICT');
  const progress = progressWriter(db, id);
  try {
    const result = await (parsing ?? parseWith(row.original, row.file_name, options, row.format));
    if (!result.parsed)
      throw new AppError('IMPORT_INVALID', {
        issues: [{ file: row.file_name, column: 'text', message: 'issues.mappingRequired' }],
      });
    const parsed = result.parsed;
    const userId = actor.user?.id ?? null;
    const copy = await supportsCopy(db);
    progress.report(0, 0); // a heartbeat once the file is parsed
    await db.transaction().execute(async (trx) => {
      // Held until the transaction ends, a crash included: the claim is alive while it is held.
      await lockImportApply(trx, id);
      const draft = await draftPlan(trx, parsed, options, row.file_name);
      requireForeignConfirmation(await foreignStateOf(trx, draft.plan, actor.locale), options);
      const summary = await applyPlan(
        trx,
        draft,
        { importId: id, fileName: row.file_name, format: row.format, userId, copy },
        (done, total) => progress.report(done, total),
      );
      if (options.saveMappingAs && options.columnMapping) {
        await upsertColumnMapping(trx, options.saveMappingAs, options.columnMapping, userId);
      }
      // New or changed reviews move the calendar's computed due dates, in the same transaction.
      await recomputeCalendar(trx, actor);
      progress.stop();
      await markImportApplied(trx, id, summary);
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'import',
        recordId: id,
        after: { fileName: row.file_name, format: row.format, ...summary },
      });
    });
    await progress.settled();
  } catch (error) {
    progress.stop();
    await progress.settled();
    // Given back for another try; if the database is gone, the claim goes stale instead.
    await releaseImportApply(db, id).catch(() => undefined);
    throw error;
  }
}

export async function getImport(db: Database, actor: Actor, id: string): Promise<ImportSummary> {
  requireImporter(actor);
  const row = await findImportSummary(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentImport(row);
}

export async function listImports(
  db: Database,
  actor: Actor,
  page: { page: number; pageSize: number },
): Promise<Page<ImportSummary>> {
  requireImporter(actor);
  const { rows, total } = await findImports(db, page);
  return {
    items: rows.map((row) => presentImport(row)),
    total,
    ...page,
  };
}

/** The file exactly as it was uploaded. */
export async function downloadOriginal(db: Database, actor: Actor, id: string) {
  requireImporter(actor);
  const row = await findImport(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return { fileName: row.file_name, data: row.original };
}

export async function listColumnMappings(db: Database, actor: Actor) {
  requireImporter(actor);
  const rows = await findColumnMappings(db);
  return rows.map((row) => ({ id: row.id, name: row.name, mapping: row.mapping }));
}
