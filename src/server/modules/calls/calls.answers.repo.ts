import { type Insertable, sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { ProgressUpdateStatus, ProgressUpdatesTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { localizedText } from '../../lib/language';
import { updateAtVersion } from '../../lib/versioned';
import { deadlineText } from './calls.columns.repo';
import { progress } from './calls.tracker.repo';

// The entity's side: its inbox and its answers.

/** The calls in the inboxes of these entities: open ones first, the nearest deadline first. */
export async function findInbox(
  db: Executor,
  entityIds: string[],
  query: { open?: boolean | undefined; page: number; pageSize: number },
) {
  if (entityIds.length === 0) return { rows: [], total: 0 };
  let base = progress(db)
    .innerJoin('entities as e', 'e.id', 'p.entity_id')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .where('p.entity_id', 'in', entityIds);
  if (query.open) base = base.where('p.status', 'not in', ['answered_on_time', 'answered_late']);
  const [rows, count] = await Promise.all([
    base
      .select([
        'p.call_id',
        'p.entity_id',
        'p.received_at',
        'p.status',
        'p.item_count',
        'p.submitted_count',
        'p.draft_count',
        'c.title',
        deadlineText.as('deadline'),
        'e.kind',
        'e.name',
        'e.acronym',
        'e.lrg_level',
      ])
      .orderBy(sql`p.status in ('answered_on_time', 'answered_late')`)
      .orderBy('c.deadline')
      .orderBy('e.name')
      .orderBy('p.call_id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** A page of the call's recommendations assigned to the entity, with the entity's update on each. */
export async function findAnswerItems(
  db: Executor,
  callId: string,
  entityId: string,
  locale: Locale,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('call_recommendations as cr')
    .innerJoin('assignments as a', (join) =>
      join.onRef('a.recommendation_id', '=', 'cr.recommendation_id').on('a.entity_id', '=', entityId),
    )
    .innerJoin('recommendations as r', 'r.id', 'cr.recommendation_id')
    .where('cr.call_id', '=', callId);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('reviews as v', 'v.id', 'r.review_id')
      .leftJoin('progress_updates as pu', (join) =>
        join
          .onRef('pu.call_id', '=', 'cr.call_id')
          .onRef('pu.recommendation_id', '=', 'cr.recommendation_id')
          .on('pu.entity_id', '=', entityId),
      )
      .leftJoin('users as su', 'su.id', 'pu.submitted_by')
      .select([
        'r.id',
        'r.number',
        'v.symbol as review_symbol',
        'r.body_code',
        'r.status as current_status',
        ...localizedText(locale),
        'pu.id as update_id',
        'pu.narrative',
        'pu.proposed_status',
        'pu.status as update_status',
        'pu.submitted_at',
        'pu.updated_at',
        'pu.version',
        'su.name as submitted_by_name',
      ])
      .orderBy('r.body_code')
      .orderBy('r.review_id')
      .orderBy('r.number_sort')
      .orderBy('r.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Of these recommendations, those of the call that are assigned to the entity. */
export async function answerableIds(db: Executor, callId: string, entityId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('call_recommendations as cr')
    .innerJoin('assignments as a', 'a.recommendation_id', 'cr.recommendation_id')
    .select('cr.recommendation_id')
    .where('cr.call_id', '=', callId)
    .where('a.entity_id', '=', entityId)
    .where('cr.recommendation_id', 'in', ids)
    .execute();
  return new Set(rows.map((row) => row.recommendation_id));
}

export function findUpdatesForUpdate(db: Executor, callId: string, entityId: string, ids: string[]) {
  return db
    .selectFrom('progress_updates')
    .select(['id', 'recommendation_id', 'narrative', 'proposed_status', 'status', 'version'])
    .where('call_id', '=', callId)
    .where('entity_id', '=', entityId)
    .where('recommendation_id', 'in', ids)
    .forUpdate()
    .execute();
}

const updateColumns = [
  'id',
  'recommendation_id',
  'narrative',
  'proposed_status',
  'status',
  'submitted_at',
  'updated_at',
  'version',
  'submitted_by',
] as const;

/** Inserts an update; undefined when another one was saved for the same item meanwhile. */
export function insertUpdate(db: Executor, row: Insertable<ProgressUpdatesTable>) {
  return db
    .insertInto('progress_updates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['call_id', 'entity_id', 'recommendation_id']).where('call_id', 'is not', null).doNothing(),
    )
    .returning(updateColumns)
    .executeTakeFirst();
}

export function updateUpdateAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Pick<ProgressUpdatesTable, 'narrative' | 'proposed_status' | 'updated_by'> & {
    status: ProgressUpdateStatus;
    submitted_by: string | null;
    submitted_at: Date | null;
  },
) {
  return (
    updateAtVersion(db, 'progress_updates', id, version, { ...patch, narrative_format: 'text' })
      // A returned answer is edited and submitted again like a draft.
      .where('status', 'in', ['draft', 'returned'])
      .returning(updateColumns)
      .executeTakeFirst()
  );
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The entity an inbox belongs to, as the answer form names it. */
export function findInboxEntity(db: Executor, entityId: string) {
  return db
    .selectFrom('entities')
    .select(['id', 'kind', 'name', 'acronym', 'lrg_level'])
    .where('id', '=', entityId)
    .executeTakeFirstOrThrow();
}
