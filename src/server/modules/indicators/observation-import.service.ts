import { AppError } from '../../../shared/errors';
import type { ObservationImportPlan } from '../../../shared/schemas/indicators';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { readCsvBytes } from '../../lib/tabular/csv';
import { readXlsxSheets } from '../../lib/tabular/xlsx';
import { recordAudit } from '../audit/audit.service';
import { rescheduleReminder } from './indicator-reminders.service';
import { auditedObservation } from './indicators.presenter';
import { findLrgs, findStateIso3, lockIndicator } from './indicators.repo';
import { requireCan, requireIndicator, seatMap } from './indicators.service';
import { detectFormat, type ObservationImportPlanned, planObservationImport } from './observation-import';
import {
  findAllObservations,
  findObservation,
  insertObservations,
  updateObservationAtVersion,
} from './observations.repo';
import { mayEnter } from './observations.service';

const shownRows = 1000;
const shownIssues = 500;

/** The table to read: a CSV, or the first worksheet of an XLSX whose header is a layout we know. */
async function readTable(fileName: string, data: Buffer) {
  if (data.length === 0)
    throw new AppError('UNSUPPORTED_FILE', {
      params: { file: fileName },
      issues: [{ file: fileName, message: 'issues.emptyFile' }],
    });
  if (/\.csv$/i.test(fileName)) return readCsvBytes(data, fileName);
  if (/\.xlsx$/i.test(fileName)) {
    const sheets = await readXlsxSheets(data, fileName);
    // WHO's exports put their filters on a first "Metadata" sheet and the rows on the second.
    const table = sheets.find((sheet) => detectFormat(sheet.header) !== null) ?? sheets[0];
    if (!table)
      throw new AppError('UNSUPPORTED_FILE', {
        params: { file: fileName },
        issues: [{ file: fileName, message: 'issues.emptyFile' }],
      });
    return table;
  }
  throw new AppError('UNSUPPORTED_FILE', {
    params: { file: fileName },
    issues: [{ file: fileName, message: 'issues.entityImport.csvOrXlsx' }],
  });
}

/**
 * Who may import observations at all: someone who may enter the indicator's values for some
 * place. Also the upload policy of the import routes, so a viewer is refused before the body
 * is read; nobody who may enter no place at all learns anything from a dry run.
 */
export async function requireObservationImporter(db: Executor, actor: Actor, indicatorId: string) {
  const user = requireCan(actor, 'read');
  const indicator = await requireIndicator(db, indicatorId);
  const seats = await seatMap(db, user.id);
  // A seat at a place counts only where the indicator is kept by place: a national indicator takes
  // no place, so an LRG's officer may not import into it (they were let in to a file of errors).
  const atSomePlace = indicator.by_place && [...seats.keys()].some((id) => mayEnter(user, indicator, seats, id));
  if (!mayEnter(user, indicator, seats, null) && !atSomePlace) throw new AppError('FORBIDDEN');
  return { user, indicator, seats };
}

async function plan(
  db: Executor,
  actor: Actor,
  indicatorId: string,
  fileName: string,
  data: Buffer,
  iso3: string | undefined,
): Promise<ObservationImportPlanned> {
  const { user, indicator, seats } = await requireObservationImporter(db, actor, indicatorId);
  const table = await readTable(fileName, data);
  const [existing, lrgs, stateIso3] = await Promise.all([
    findAllObservations(db, indicatorId),
    findLrgs(db),
    iso3 ? Promise.resolve(iso3) : findStateIso3(db),
  ]);
  return planObservationImport({
    file: fileName,
    table,
    indicator: {
      code: indicator.code,
      title: indicator.title,
      unit: indicator.unit,
      sdgCodes: indicator.sdg_codes,
      dimensions: indicator.dimensions,
      byPlace: indicator.by_place,
    },
    existing: existing.map((o) => ({ ...o, value: Number(o.value) })),
    lrgs,
    iso3: stateIso3,
    mayEnter: (placeId) => mayEnter(user, indicator, seats, placeId),
  });
}

function present(fileName: string, planned: ObservationImportPlanned, applied: boolean): ObservationImportPlan {
  const count = (action: 'create' | 'update' | 'skip') => planned.rows.filter((row) => row.action === action).length;
  return {
    fileName,
    format: planned.format,
    counts: {
      create: count('create'),
      update: count('update'),
      skip: count('skip'),
      ignored: planned.ignored,
      error: new Set(planned.issues.map((issue) => issue.row ?? 0)).size,
    },
    rows: planned.rows.slice(0, shownRows).map((row) => ({
      row: row.row,
      action: row.action,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      place: row.placeName,
      disaggregation: row.disaggregation,
      value: row.value,
      lowerBound: row.lowerBound,
      upperBound: row.upperBound,
    })),
    shownRows: Math.min(planned.rows.length, shownRows),
    issues: planned.issues.slice(0, shownIssues).map((issue) => ({
      ...(issue.file !== undefined ? { file: issue.file } : {}),
      ...(issue.row !== undefined ? { row: issue.row } : {}),
      ...(issue.column !== undefined ? { column: issue.column } : {}),
      message: issue.message,
    })),
    applied,
  };
}

/** The dry run: what the file would add, change and leave, and each problem with its row and column. */
export async function previewObservationImport(
  deps: Deps,
  actor: Actor,
  indicatorId: string,
  fileName: string,
  data: Buffer,
  iso3?: string,
): Promise<ObservationImportPlan> {
  return present(fileName, await plan(deps.db, actor, indicatorId, fileName, data, iso3), false);
}

/**
 * Applies the file in one transaction under the indicator's row lock, planned again inside it
 * (the data may have changed since the dry run): refused as a whole while any row has a problem.
 * Each observation added or changed gets its audit event; the due date follows once.
 */
export async function applyObservationImport(
  deps: Deps,
  actor: Actor,
  indicatorId: string,
  fileName: string,
  data: Buffer,
  iso3?: string,
): Promise<ObservationImportPlan> {
  const user = requireCan(actor, 'read');
  return deps.db.transaction().execute(async (trx) => {
    if (!(await lockIndicator(trx, indicatorId))) throw new AppError('NOT_FOUND');
    const planned = await plan(trx, actor, indicatorId, fileName, data, iso3);
    if (planned.issues.length > 0)
      throw new AppError('IMPORT_INVALID', {
        params: { file: fileName },
        issues: present(fileName, planned, false).issues,
      });
    const columns = (row: (typeof planned.rows)[number]) => ({
      period_start: row.periodStart,
      period_end: row.periodEnd,
      value: row.value,
      lower_bound: row.lowerBound,
      upper_bound: row.upperBound,
      place_entity_id: row.placeId,
      disaggregation: JSON.stringify(row.disaggregation),
      source: row.source,
    });
    const creates = planned.rows.filter((row) => row.action === 'create');
    for (let start = 0; start < creates.length; start += 500) {
      const batch = creates.slice(start, start + 500);
      const inserted = await insertObservations(
        trx,
        batch.map((row) => ({ indicator_id: indicatorId, ...columns(row), entered_by: user.id })),
      );
      for (const [i, { id }] of inserted.entries()) {
        const row = batch[i] as (typeof batch)[number];
        await recordAudit(trx, actor, {
          action: 'create',
          recordType: 'observation',
          recordId: id,
          after: {
            indicatorId,
            file: fileName,
            row: row.row,
            ...auditedObservation({ ...columns(row), disaggregation: row.disaggregation }),
          },
        });
      }
    }
    for (const row of planned.rows) {
      if (row.action !== 'update' || !row.existing) continue;
      const before = await findObservation(trx, indicatorId, row.existing.id);
      if (!before || !(await updateObservationAtVersion(trx, row.existing.id, row.existing.version, columns(row))))
        throw new AppError('STALE_VERSION');
      await recordAudit(trx, actor, {
        action: 'update',
        recordType: 'observation',
        recordId: row.existing.id,
        before: auditedObservation(before),
        after: {
          file: fileName,
          row: row.row,
          ...auditedObservation({ ...columns(row), disaggregation: row.disaggregation }),
        },
      });
    }
    await rescheduleReminder(trx, deps, indicatorId);
    return present(fileName, planned, true);
  });
}
