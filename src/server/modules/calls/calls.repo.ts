import { type Insertable, type RawBuilder, sql } from 'kysely';
import { type Locale, locales } from '../../../shared/i18n/locales';
import type { AnswerStatus, CallListQuery, TrackerQuery } from '../../../shared/schemas/calls';
import type { CallsTable, ProgressUpdatesTable } from '../../db/schema';
import type { Executor } from '../../http/context';

/** Who can be held to account for a recommendation: consulted stakeholders and networks cannot. */
export const dutyBearerKinds = ['ministry', 'agency', 'parliament', 'judiciary', 'independent_body', 'lrg'] as const;

const deadlineText = sql<string>`to_char(c.deadline, 'YYYY-MM-DD')`;

// Calls.

export async function insertCall(db: Executor, row: Insertable<CallsTable>): Promise<string> {
  const { id } = await db.insertInto('calls').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function findCall(db: Executor, id: string) {
  return db
    .selectFrom('calls as c')
    .leftJoin('users as cu', 'cu.id', 'c.created_by')
    .leftJoin('users as su', 'su.id', 'c.sent_by')
    .select([
      'c.id',
      'c.title',
      'c.message',
      deadlineText.as('deadline'),
      'c.ask_narrative',
      'c.ask_status',
      'c.remind_before',
      'c.remind_after',
      'c.status',
      'c.sent_at',
      'c.version',
      'c.created_at',
      'c.updated_at',
      'cu.name as created_by_name',
      'su.name as sent_by_name',
      sql<number>`(select count(*) from call_recommendations cr where cr.call_id = c.id)::int`.as(
        'recommendation_count',
      ),
      sql<number>`(select count(*) from call_entities ce where ce.call_id = c.id)::int`.as('entity_count'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

/** Locks a call for a change that depends on its state (send, edit of a draft). */
export function lockCall(db: Executor, id: string) {
  return db
    .selectFrom('calls as c')
    .select(['c.id', 'c.status', 'c.version', 'c.title', 'c.message', deadlineText.as('deadline')])
    .where('c.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateCallAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<Omit<Insertable<CallsTable>, 'id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('calls')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteDraftAtVersion(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('calls')
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Newest first, filtered and paged in SQL, with each call's counts. */
export async function findCalls(db: Executor, query: CallListQuery) {
  let base = db.selectFrom('calls as c');
  if (query.status) base = base.where('c.status', '=', query.status);
  if (query.q) base = base.where('c.title', 'ilike', `%${escapeLike(query.q)}%`);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as cu', 'cu.id', 'c.created_by')
      .select([
        'c.id',
        'c.title',
        deadlineText.as('deadline'),
        'c.status',
        'c.sent_at',
        'c.version',
        'c.created_at',
        'cu.name as created_by_name',
        sql<number>`(select count(*) from call_recommendations cr where cr.call_id = c.id)::int`.as(
          'recommendation_count',
        ),
        sql<number>`(select count(*) from call_entities ce where ce.call_id = c.id)::int`.as('entity_count'),
        sql<number>`(select count(*) from ${progressTable()} p where p.call_id = c.id and p.status in ('answered_on_time', 'answered_late'))::int`.as(
          'answered_count',
        ),
        sql<number>`(select count(*) from ${progressTable()} p where p.call_id = c.id and p.status = 'late')::int`.as(
          'late_count',
        ),
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

// Recommendations of a call.

export async function existingRecommendationIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('recommendations').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}

/** The members of each cluster; undefined when one of them does not exist. */
export async function clusterMemberIds(db: Executor, clusterIds: string[]): Promise<string[] | undefined> {
  if (clusterIds.length === 0) return [];
  const found = await db.selectFrom('clusters').select('id').where('id', 'in', clusterIds).execute();
  if (found.length !== new Set(clusterIds).size) return undefined;
  const rows = await db
    .selectFrom('cluster_members')
    .select('recommendation_id')
    .where('cluster_id', 'in', clusterIds)
    .execute();
  return rows.map((row) => row.recommendation_id);
}

export async function callRecommendationIds(db: Executor, callId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_recommendations')
    .select('recommendation_id')
    .where('call_id', '=', callId)
    .execute();
  return rows.map((row) => row.recommendation_id);
}

export async function insertCallRecommendations(db: Executor, callId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .insertInto('call_recommendations')
    .values(ids.map((id) => ({ call_id: callId, recommendation_id: id })))
    .onConflict((oc) => oc.doNothing())
    .returning('recommendation_id')
    .execute();
  return rows.length;
}

export async function deleteCallRecommendation(db: Executor, callId: string, recommendationId: string) {
  const result = await db
    .deleteFrom('call_recommendations')
    .where('call_id', '=', callId)
    .where('recommendation_id', '=', recommendationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The recommendation's text in the reader's language where the register has it, else the original. */
function localizedText(locale: Locale) {
  return [
    sql<string>`coalesce(${sql.ref(`r.text_${locale}`)}, case r.original_lang ${sql.join(
      locales.map((l) => sql`when ${l} then ${sql.ref(`r.text_${l}`)}`),
      sql` `,
    )} end, '')`.as('text'),
    sql<string>`case when ${sql.ref(`r.text_${locale}`)} is not null then ${locale} else r.original_lang end`.as(
      'text_lang',
    ),
  ] as const;
}

/** A page of the call's recommendations in register order, each with the entities assigned to it. */
export async function findCallRecommendations(
  db: Executor,
  callId: string,
  locale: Locale,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('call_recommendations as cr')
    .innerJoin('recommendations as r', 'r.id', 'cr.recommendation_id')
    .where('cr.call_id', '=', callId);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('reviews as v', 'v.id', 'r.review_id')
      .select([
        'r.id',
        'r.number',
        'v.symbol as review_symbol',
        'r.body_code',
        'r.status',
        ...localizedText(locale),
        sql<{ id: string; name: string; asked: boolean }[]>`coalesce((
          select json_agg(json_build_object('id', e.id, 'name', e.name,
            'asked', exists (select 1 from call_entities ce where ce.call_id = cr.call_id and ce.entity_id = e.id))
            order by e.name)
          from assignments a join entities e on e.id = a.entity_id
          where a.recommendation_id = r.id), '[]'::json)`.as('assigned'),
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

// Entities of a call.

/** Duty bearers assigned (directly or by delegation) to any of these recommendations. */
export async function assignedDutyBearers(db: Executor, recommendationIds: string[]): Promise<string[]> {
  if (recommendationIds.length === 0) return [];
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('entities as e', 'e.id', 'a.entity_id')
    .select('e.id')
    .distinct()
    .where('a.recommendation_id', 'in', recommendationIds)
    .where('e.kind', 'in', dutyBearerKinds)
    .execute();
  return rows.map((row) => row.id);
}

export function findEntities(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('entities').select(['id', 'kind', 'name']).where('id', 'in', ids).execute();
}

export async function callEntityIds(db: Executor, callId: string): Promise<string[]> {
  const rows = await db.selectFrom('call_entities').select('entity_id').where('call_id', '=', callId).execute();
  return rows.map((row) => row.entity_id);
}

export async function insertCallEntities(db: Executor, callId: string, entityIds: string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const rows = await db
    .insertInto('call_entities')
    .values(entityIds.map((id) => ({ call_id: callId, entity_id: id })))
    .onConflict((oc) => oc.doNothing())
    .returning('entity_id')
    .execute();
  return rows.length;
}

export async function deleteCallEntity(db: Executor, callId: string, entityId: string): Promise<number> {
  const result = await db
    .deleteFrom('call_entities')
    .where('call_id', '=', callId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Entities asked by the call that are assigned to none of its recommendations (any more). */
export async function askedWithoutAssignment(db: Executor, callId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_entities as ce')
    .select('ce.entity_id')
    .where('ce.call_id', '=', callId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('assignments as a')
            .innerJoin('call_recommendations as cr', 'cr.recommendation_id', 'a.recommendation_id')
            .select(sql`1`.as('one'))
            .whereRef('a.entity_id', '=', 'ce.entity_id')
            .whereRef('cr.call_id', '=', 'ce.call_id'),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.entity_id);
}

const focalPointCount = sql<number>`(select count(*) from entity_people fp join users fu on fu.id = fp.user_id
  where fp.entity_id = e.id and fp.role in ('main', 'alternate') and fu.status = 'active')::int`;

/**
 * Entities a call asks or may ask: the duty bearers assigned to any of its recommendations, and
 * those asked already (even if no longer assigned), with how many of its recommendations each holds.
 */
export async function findCallEntities(
  db: Executor,
  callId: string,
  query: { q?: string | undefined; asked?: boolean | undefined; page: number; pageSize: number },
) {
  const held = db
    .selectFrom('assignments as a')
    .innerJoin('call_recommendations as cr', 'cr.recommendation_id', 'a.recommendation_id')
    .select(['a.entity_id', sql<number>`count(distinct a.recommendation_id)::int`.as('n')])
    .where('cr.call_id', '=', callId)
    .groupBy('a.entity_id');
  let base = db
    .selectFrom('entities as e')
    .leftJoin(held.as('h'), 'h.entity_id', 'e.id')
    .leftJoin('call_entities as ce', (join) => join.onRef('ce.entity_id', '=', 'e.id').on('ce.call_id', '=', callId))
    .where((eb) =>
      eb.or([
        eb('ce.entity_id', 'is not', null),
        eb.and([eb('h.entity_id', 'is not', null), eb('e.kind', 'in', dutyBearerKinds)]),
      ]),
    );
  if (query.asked !== undefined) base = base.where('ce.entity_id', query.asked ? 'is not' : 'is', null);
  if (query.q) base = base.where('e.name', 'ilike', `%${escapeLike(query.q)}%`);
  const [rows, count] = await Promise.all([
    base
      .select([
        'e.id',
        'e.kind',
        'e.name',
        'e.acronym',
        'e.lrg_level',
        sql<number>`coalesce(h.n, 0)`.as('recommendation_count'),
        sql<boolean>`ce.entity_id is not null`.as('asked'),
        focalPointCount.as('focal_point_count'),
      ])
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

// Inbox and progress.

export async function insertInboxItems(db: Executor, callId: string): Promise<string[]> {
  const rows = await db
    .insertInto('inbox_items')
    .columns(['entity_id', 'kind', 'call_id'])
    .expression((eb) =>
      eb
        .selectFrom('call_entities')
        .select(['entity_id', sql<'call'>`'call'`.as('kind'), 'call_id'])
        .where('call_id', '=', callId),
    )
    .returning('entity_id')
    .execute();
  return rows.map((row) => row.entity_id);
}

/**
 * Where each entity stands on each call in its inbox: how many of the call's recommendations are
 * assigned to it (its items; they follow the assignments), how many it has submitted or drafted,
 * and its status. On time means every item submitted before the end of the deadline day (UTC).
 */
export function progressTable(): RawBuilder<ProgressColumns> {
  return sql<ProgressColumns>`(
    select i.call_id, i.entity_id, i.created_at as received_at, c.deadline,
      n.item_count, n.submitted_count, n.draft_count, n.last_submitted_at,
      case
        when n.item_count > 0 and n.submitted_count = n.item_count then
          case when n.last_submitted_at < (c.deadline + 1)::timestamp at time zone 'UTC'
            then 'answered_on_time' else 'answered_late' end
        when now() >= (c.deadline + 1)::timestamp at time zone 'UTC' then 'late'
        when n.submitted_count + n.draft_count > 0 then 'draft'
        else 'not_started'
      end as status
    from inbox_items i
    join calls c on c.id = i.call_id
    cross join lateral (
      select count(*)::int as item_count,
        (count(*) filter (where pu.status = 'submitted'))::int as submitted_count,
        (count(*) filter (where pu.status = 'draft'))::int as draft_count,
        max(pu.submitted_at) as last_submitted_at
      from call_recommendations cr
      join assignments a on a.recommendation_id = cr.recommendation_id and a.entity_id = i.entity_id
      left join progress_updates pu
        on pu.call_id = cr.call_id and pu.entity_id = i.entity_id and pu.recommendation_id = cr.recommendation_id
      where cr.call_id = i.call_id
    ) n
    where i.kind = 'call'
  )`;
}

export interface ProgressColumns {
  call_id: string;
  entity_id: string;
  received_at: Date;
  item_count: number;
  submitted_count: number;
  draft_count: number;
  last_submitted_at: Date | null;
  status: AnswerStatus;
}

function progress(db: Executor) {
  return db.selectFrom(progressTable().as('p'));
}

/** One entity's standing on a call; undefined when the call is not in its inbox. */
export function findProgress(db: Executor, callId: string, entityId: string) {
  return progress(db)
    .selectAll('p')
    .where('p.call_id', '=', callId)
    .where('p.entity_id', '=', entityId)
    .executeTakeFirst();
}

/** The entities of a sent call that have not answered yet (the reminders' recipients). */
export async function unansweredEntityIds(db: Executor, callId: string): Promise<string[]> {
  const rows = await progress(db)
    .select('p.entity_id')
    .where('p.call_id', '=', callId)
    .where('p.status', 'not in', ['answered_on_time', 'answered_late'])
    .execute();
  return rows.map((row) => row.entity_id);
}

/** Each entity's standing on a sent call, paged, late ones first, with the counts by status. */
export async function findTracker(db: Executor, callId: string, query: TrackerQuery) {
  let base = progress(db).innerJoin('entities as e', 'e.id', 'p.entity_id').where('p.call_id', '=', callId);
  const all = base;
  if (query.status) base = base.where('p.status', '=', query.status);
  if (query.q) base = base.where('e.name', 'ilike', `%${escapeLike(query.q)}%`);
  const [rows, count, byStatus] = await Promise.all([
    base
      .select([
        'p.entity_id',
        'p.status',
        'p.item_count',
        'p.submitted_count',
        'p.draft_count',
        'p.last_submitted_at',
        'e.kind',
        'e.name',
        'e.acronym',
        'e.lrg_level',
        focalPointCount.as('focal_point_count'),
      ])
      .orderBy(
        sql`array_position(array['late', 'not_started', 'draft', 'answered_late', 'answered_on_time'], p.status)`,
      )
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    all
      .select(['p.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('p.status')
      .execute(),
  ]);
  return { rows, total: Number(count.total), byStatus };
}

/** Counts of a call's entities by status. */
export function countByStatus(db: Executor, callId: string) {
  return progress(db)
    .select(['p.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.call_id', '=', callId)
    .groupBy('p.status')
    .execute();
}

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

/** How many of the call's recommendations are assigned to each of these entities. */
export async function itemCounts(db: Executor, callId: string, entityIds: string[]): Promise<Map<string, number>> {
  if (entityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('call_recommendations as cr')
    .innerJoin('assignments as a', 'a.recommendation_id', 'cr.recommendation_id')
    .select(['a.entity_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cr.call_id', '=', callId)
    .where('a.entity_id', 'in', entityIds)
    .groupBy('a.entity_id')
    .execute();
  return new Map(rows.map((row) => [row.entity_id, Number(row.n)]));
}

/**
 * The main and alternate focal points of these entities who get calls by e-mail: active accounts
 * that have not turned the mail off. Members and validators are not mailed.
 */
export function mailedFocalPoints(db: Executor, entityIds: string[]) {
  if (entityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entity_people as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('entities as e', 'e.id', 'p.entity_id')
    .leftJoin('notification_preferences as n', 'n.user_id', 'u.id')
    .select(['p.entity_id', 'e.name as entity_name', 'u.id', 'u.name', 'u.email', 'u.locale'])
    .where('p.entity_id', 'in', entityIds)
    .where('p.role', 'in', ['main', 'alternate'])
    .where('u.status', '=', 'active')
    .where(sql<boolean>`coalesce(n.calls_by_email, true)`)
    .orderBy('e.name')
    .orderBy('p.role')
    .execute();
}

// Answers.

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
    status: 'draft' | 'submitted';
    submitted_by: string | null;
    submitted_at: Date | null;
  },
) {
  return db
    .updateTable('progress_updates')
    .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returning(updateColumns)
    .executeTakeFirst();
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The codes and labels of the implementation statuses (the 'status' taxonomy), in order. */
export function statusTerms(db: Executor) {
  return db
    .selectFrom('taxonomy_terms')
    .select(['code', 'label'])
    .where('taxonomy', '=', 'status')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

// Reminders.

export async function insertReminders(
  db: Executor,
  rows: {
    call_id: string;
    days_from_deadline: number;
    due_at: Date;
    status: 'scheduled' | 'skipped';
    manual?: boolean;
  }[],
) {
  if (rows.length === 0) return [];
  return db
    .insertInto('call_reminders')
    .values(rows.map((row) => ({ ...row, done_at: row.status === 'skipped' ? new Date() : null })))
    .returning(['id', 'status', 'due_at'])
    .execute();
}

export async function setReminderJob(db: Executor, id: string, jobId: string): Promise<void> {
  await db.updateTable('call_reminders').set({ job_id: jobId }).where('id', '=', id).execute();
}

export function lockReminder(db: Executor, id: string) {
  return db
    .selectFrom('call_reminders')
    .select(['id', 'call_id', 'days_from_deadline', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function finishReminder(
  db: Executor,
  id: string,
  result: { status: 'sent' | 'skipped'; entity_count: number | null; mail_count: number | null },
): Promise<void> {
  await db
    .updateTable('call_reminders')
    .set({ ...result, done_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export function findReminders(db: Executor, callId: string) {
  return db
    .selectFrom('call_reminders')
    .select(['days_from_deadline', 'due_at', 'status', 'entity_count', 'mail_count', 'done_at'])
    .where('call_id', '=', callId)
    .orderBy('due_at')
    .execute();
}

// Notification preferences.

export async function findPreferences(db: Executor, userId: string) {
  const row = await db
    .selectFrom('notification_preferences')
    .select('calls_by_email')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { callsByEmail: row?.calls_by_email ?? true };
}

export async function upsertPreferences(db: Executor, userId: string, callsByEmail: boolean): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, calls_by_email: callsByEmail })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ calls_by_email: callsByEmail, updated_at: sql`now()` }))
    .execute();
}
