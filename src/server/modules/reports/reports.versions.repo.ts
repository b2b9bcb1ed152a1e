import { sql } from 'kysely';
import type { Executor } from '../../http/context';

// Versions (frozen copies) of a report, and the consultation comments on them.

export async function insertVersion(
  db: Executor,
  row: { reportId: string; snapshot: unknown; note: string | null; createdBy: string },
): Promise<number> {
  // The report row is locked by the caller, so max + 1 cannot race.
  const { number } = await db
    .insertInto('report_versions')
    .values({
      report_id: row.reportId,
      number: sql<number>`(select coalesce(max(number), 0) + 1 from report_versions where report_id = ${row.reportId})`,
      snapshot: JSON.stringify(row.snapshot),
      note: row.note,
      created_by: row.createdBy,
    })
    .returning('number')
    .executeTakeFirstOrThrow();
  return number;
}

/** Newest first, paged in SQL, with the main text's word count read out of the snapshot. */
export async function findVersions(db: Executor, reportId: string, page: { page: number; pageSize: number }) {
  const base = db.selectFrom('report_versions as v').where('v.report_id', '=', reportId);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'v.created_by')
      .select([
        'v.number',
        'v.note',
        'v.created_at',
        'u.name as created_by_name',
        sql<number>`coalesce((v.snapshot -> 'counts' ->> 'main')::int, 0)`.as('words'),
      ])
      .orderBy('v.number', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findVersion(db: Executor, reportId: string, number: number) {
  return db
    .selectFrom('report_versions')
    .select(['id', 'number', 'snapshot', 'note', 'created_at'])
    .where('report_id', '=', reportId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function insertComment(
  db: Executor,
  row: {
    reportId: string;
    versionId: string;
    sectionId: string;
    paragraph: number;
    parentId: string | null;
    body: string;
    authorId: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('report_comments')
    .values({
      report_id: row.reportId,
      version_id: row.versionId,
      section_id: row.sectionId,
      paragraph: row.paragraph,
      parent_id: row.parentId,
      body: row.body,
      author_id: row.authorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A version's comments and replies, in paragraph order, each thread in time order. */
export function findComments(db: Executor, versionId: string) {
  return db
    .selectFrom('report_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select([
      'c.id',
      'c.section_id',
      'c.paragraph',
      'c.parent_id',
      'c.body',
      'c.resolved',
      'c.created_at',
      'u.name as author_name',
      'u.role as author_role',
    ])
    .where('c.version_id', '=', versionId)
    .orderBy('c.section_id')
    .orderBy('c.paragraph')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}
export type CommentRow = Awaited<ReturnType<typeof findComments>>[number];

export function findComment(db: Executor, reportId: string, id: string) {
  return db
    .selectFrom('report_comments')
    .select(['id', 'version_id', 'section_id', 'paragraph', 'parent_id', 'resolved'])
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setResolved(db: Executor, id: string, resolved: boolean): Promise<void> {
  await db.updateTable('report_comments').set({ resolved }).where('id', '=', id).execute();
}
