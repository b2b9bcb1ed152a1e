import { type Insertable, sql } from 'kysely';
import type { ReportListQuery } from '../../../shared/schemas/reports';
import type { ReportSectionsTable, ReportsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { updateAtVersion } from '../../lib/versioned';

// Reports, their sections and their annex selection.

export async function insertReport(db: Executor, row: Insertable<ReportsTable>): Promise<string> {
  const { id } = await db.insertInto('reports').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

const reportColumns = [
  'r.id',
  'r.body_code',
  'r.type',
  'r.title',
  'r.language',
  'r.review_ids',
  'r.grouping',
  'r.symbol',
  'r.lrg_placement',
  'r.word_limit',
  'r.annex_word_limit',
  'r.status',
  'r.consultation_version',
  'r.approved_version',
  'r.approved_at',
  'r.version',
  'r.created_at',
  'r.updated_at',
] as const;

export function findReport(db: Executor, id: string) {
  return db.selectFrom('reports as r').select(reportColumns).where('r.id', '=', id).executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** Locks a report for a change that depends on its state (status, version, its sections' set). */
export function lockReport(db: Executor, id: string) {
  return db.selectFrom('reports as r').select(reportColumns).where('r.id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes a report at the version read; false when someone changed it first. */
export async function updateReportAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<Omit<Insertable<ReportsTable>, 'id'>>,
): Promise<boolean> {
  const result = await updateAtVersion(db, 'reports', id, version, patch).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks the report changed (a section edit): its updated_at moves, its version stays. */
export async function touchReport(db: Executor, id: string): Promise<void> {
  await db.updateTable('reports').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** Newest first, filtered and paged in SQL; stakeholders see only those open for consultation. */
export async function findReports(db: Executor, query: ReportListQuery & { onlyConsultation: boolean }) {
  let base = db.selectFrom('reports as r');
  if (query.onlyConsultation) base = base.where('r.status', '=', 'consultation');
  else if (query.status) base = base.where('r.status', '=', query.status);
  const [rows, count] = await Promise.all([
    base
      .select(reportColumns)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

// Sections.

export async function insertSections(db: Executor, rows: Insertable<ReportSectionsTable>[]): Promise<void> {
  // Chunks keep each statement's parameters well under PostgreSQL's 65,535.
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('report_sections')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

export function findSections(db: Executor, reportId: string) {
  return db
    .selectFrom('report_sections as s')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .select([
      's.id',
      's.position',
      's.heading',
      's.body',
      's.recommendation_ids',
      's.recommendation_refs',
      's.sources',
      's.version',
      's.updated_at',
      'u.name as updated_by_name',
    ])
    .where('s.report_id', '=', reportId)
    .orderBy('s.position')
    .execute();
}
export type SectionRow = Awaited<ReturnType<typeof findSections>>[number];

export async function findSection(db: Executor, reportId: string, sectionId: string): Promise<SectionRow | undefined> {
  const rows = await db
    .selectFrom('report_sections as s')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .select([
      's.id',
      's.position',
      's.heading',
      's.body',
      's.recommendation_ids',
      's.recommendation_refs',
      's.sources',
      's.version',
      's.updated_at',
      'u.name as updated_by_name',
    ])
    .where('s.report_id', '=', reportId)
    .where('s.id', '=', sectionId)
    .execute();
  return rows[0];
}

/** Saves a section's text at the version read; false when another edit came first. */
export async function updateSectionAtVersion(
  db: Executor,
  sectionId: string,
  version: number,
  patch: { heading: string; body: string; updated_by: string },
): Promise<boolean> {
  const result = await updateAtVersion(db, 'report_sections', sectionId, version, patch).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// The annex selection: LRGs with validated contributions are in the annex unless a row here
// says otherwise, so an LRG whose update is validated later joins without a write on reading.

export function findAnnexChoices(db: Executor, reportId: string) {
  return db
    .selectFrom('report_annex_entries')
    .select(['entity_id', 'included'])
    .where('report_id', '=', reportId)
    .execute();
}

export async function setAnnexIncluded(db: Executor, reportId: string, entityId: string, included: boolean) {
  await db
    .insertInto('report_annex_entries')
    .values({ report_id: reportId, entity_id: entityId, included })
    .onConflict((oc) => oc.columns(['report_id', 'entity_id']).doUpdateSet({ included }))
    .execute();
}
