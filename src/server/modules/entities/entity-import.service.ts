import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { EntityImportPlan } from '../../../shared/schemas/entities';
import type { Database } from '../../db/database';
import type { Actor, Executor } from '../../http/context';
import { readCsvBytes } from '../../lib/tabular/csv';
import { readXlsx } from '../../lib/tabular/xlsx';
import { recordAudit } from '../audit/audit.service';
import { auditedEntity } from './entities.presenter';
import {
  findAllEntities,
  findEntitiesByIds,
  findNamedLevels,
  insertEntities,
  lockHierarchy,
  updateEntityAtVersion,
} from './entities.repo';
import { requireCan } from './entities.service';
import { type EntityImportPlanned, type ImportedRow, planEntityImport } from './entity-import';

const shownRows = 1000;
const shownIssues = 500;

async function readTable(fileName: string, data: Buffer) {
  if (/\.csv$/i.test(fileName)) return readCsvBytes(data, fileName);
  if (/\.xlsx$/i.test(fileName)) return readXlsx(data, fileName);
  throw new AppError('UNSUPPORTED_FILE', {
    params: { file: fileName },
    issues: [{ file: fileName, message: 'issues.entityImport.csvOrXlsx' }],
  });
}

/** Who may import entities; also the upload policy, checked before the body is read. */
export const requireEntityImporter = (actor: Actor) => requireCan(actor, 'import');

async function plan(db: Executor, fileName: string, data: Buffer): Promise<EntityImportPlanned> {
  const table = await readTable(fileName, data);
  const [existing, levels] = await Promise.all([findAllEntities(db), findNamedLevels(db)]);
  return planEntityImport(fileName, table, existing, levels);
}

function present(fileName: string, planned: EntityImportPlanned, applied: boolean): EntityImportPlan {
  const badRows = new Set(planned.issues.map((issue) => issue.row));
  const good = planned.rows.filter((row) => !badRows.has(row.row));
  const count = (action: ImportedRow['action']) => good.filter((row) => row.action === action).length;
  return {
    fileName,
    counts: {
      create: count('create'),
      update: count('update'),
      skip: count('skip'),
      error: new Set(planned.issues.map((issue) => issue.row ?? 0)).size,
    },
    rows: good.slice(0, shownRows).map((row) => ({
      row: row.row,
      action: row.action,
      name: row.name,
      kind: row.kind,
      lrgLevel: row.lrgLevel,
      parent: row.parentLabel,
      subdivisionCode: row.subdivisionCode,
      changes: row.changes,
    })),
    shownRows: Math.min(good.length, shownRows),
    issues: planned.issues.slice(0, shownIssues).map((issue) => ({
      ...(issue.row !== undefined ? { row: issue.row } : {}),
      ...(issue.column !== undefined ? { column: issue.column } : {}),
      message: issue.message,
    })),
    applied,
  };
}

/** The dry run: what the file would create, update and skip, and each problem with its row and column. */
export async function previewEntityImport(
  db: Database,
  actor: Actor,
  fileName: string,
  data: Buffer,
): Promise<EntityImportPlan> {
  requireCan(actor, 'import');
  return present(fileName, await plan(db, fileName, data), false);
}

/**
 * Applies the file in one transaction, planned again inside it (the database may have changed
 * since the dry run): refused as a whole while any row has a problem. Parents are created before
 * their children; each entity created or updated gets its audit event.
 */
export async function applyEntityImport(
  db: Database,
  actor: Actor,
  fileName: string,
  data: Buffer,
): Promise<EntityImportPlan> {
  requireCan(actor, 'import');
  return db.transaction().execute(async (trx) => {
    await lockHierarchy(trx);
    const planned = await plan(trx, fileName, data);
    if (planned.issues.length > 0)
      throw new AppError('IMPORT_INVALID', { issues: present(fileName, planned, false).issues });
    const idOf = new Map<string, string>();
    const parentOf = (row: ImportedRow) => (row.parentKey ? (idOf.get(row.parentKey) ?? row.parentKey) : null);
    const creates = planned.rows.filter((row) => row.action === 'create');
    for (const row of creates) idOf.set(`row:${row.row}`, randomUUID());
    let pending = creates;
    while (pending.length > 0) {
      const waiting = new Set(pending.map((row) => `row:${row.row}`));
      const ready = pending.filter((row) => !row.parentKey || !waiting.has(row.parentKey));
      if (ready.length === 0) throw new AppError('INTERNAL', { detail: 'cycle among new entities' });
      for (let start = 0; start < ready.length; start += 500) {
        const inserted = await insertEntities(
          trx,
          ready
            .slice(start, start + 500)
            .map((row) => ({ id: idOf.get(`row:${row.row}`), ...columns(row, parentOf(row)) })),
        );
        for (const entity of inserted)
          await recordAudit(trx, actor, {
            action: 'create',
            recordType: 'entity',
            recordId: entity.id,
            after: auditedEntity(entity),
          });
      }
      const done = new Set(ready);
      pending = pending.filter((row) => !done.has(row));
    }
    const stored = new Map(
      (
        await findEntitiesByIds(
          trx,
          planned.rows.flatMap((row) => (row.action === 'update' && row.id ? [row.id] : [])),
        )
      ).map((e) => [e.id, e]),
    );
    for (const row of planned.rows) {
      if (row.action !== 'update' || !row.id) continue;
      const before = stored.get(row.id);
      const after = before && (await updateEntityAtVersion(trx, row.id, before.version, columns(row, parentOf(row))));
      if (!before || !after) throw new AppError('STALE_VERSION');
      await recordAudit(trx, actor, {
        action: 'update',
        recordType: 'entity',
        recordId: row.id,
        before: auditedEntity(before),
        after: auditedEntity(after),
      });
    }
    return present(fileName, planned, true);
  });
}

function columns(row: ImportedRow, parentId: string | null) {
  return {
    kind: row.kind,
    name: row.name,
    name_local: row.nameLocal,
    acronym: row.acronym,
    parent_id: parentId,
    lrg_level: row.lrgLevel,
    subdivision_code: row.subdivisionCode,
  };
}
