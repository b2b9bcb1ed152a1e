import { type Expression, type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { Role } from '../../../shared/schemas/identity';
import type { ProgressUpdateEventsTable, ProgressUpdateStatus, ProgressUpdatesTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { recommendationText, recommendationTextLang } from '../../lib/language';
import { updateAtVersion as versionedUpdate } from '../../lib/versioned';
import { inScope, type Scope } from '../assignments/scope';

// Progress updates: the only SQL of the module besides attachments.repo.ts and follow-up.repo.ts.

/** Who lists updates, as the SQL filters need it. */
export interface Reader {
  manager: boolean;
  scope: Scope;
  /** Entities where the reader holds any seat, and those where they are the validator. */
  seatEntityIds: string[];
  validatorEntityIds: string[];
}

function base(db: Executor) {
  return db
    .selectFrom('progress_updates as pu')
    .innerJoin('entities as e', 'e.id', 'pu.entity_id')
    .leftJoin('recommendations as r', 'r.id', 'pu.recommendation_id')
    .leftJoin('reviews as v', 'v.id', 'r.review_id')
    .leftJoin('actions as act', 'act.id', 'pu.action_id')
    .leftJoin('taxonomy_terms as st', (join) =>
      join.on('st.taxonomy', '=', 'status').onRef('st.code', '=', 'pu.proposed_status'),
    );
}

const summaryColumns = [
  'pu.id',
  'pu.recommendation_id',
  'pu.action_id',
  'pu.entity_id',
  'pu.call_id',
  'pu.status',
  'pu.proposed_status',
  'pu.period_start',
  'pu.period_end',
  'pu.submitted_at',
  'pu.updated_at',
  'pu.version',
  'r.number as rec_number',
  'r.body_code as rec_body_code',
  'v.symbol as rec_symbol',
  'e.kind as entity_kind',
  'e.name as entity_name',
  'e.acronym as entity_acronym',
  'e.lrg_level as entity_lrg_level',
  'st.label as status_label',
] as const;

const subjectLabel = sql<string>`coalesce(act.title, concat_ws(' ', coalesce(v.symbol, r.body_code), r.number))`;

/** Lists show an excerpt, clamped by the page: the first characters are enough for a few lines. */
const excerptLength = 400;

/** The recommendation's text for the reader (their language, else the original…), cut to an excerpt. */
function recommendationExcerpt(locale: Locale) {
  return [
    sql<
      string | null
    >`case when r.id is null then null else left(${recommendationText(locale, 'r')}, ${excerptLength}) end`.as(
      'rec_text',
    ),
    recommendationTextLang(locale, 'r').as('rec_text_lang'),
  ] as const;
}

/** One update with everything its page shows, whoever reads it (the service checks access). */
export function findUpdate(db: Executor, id: string, locale: Locale = 'en') {
  return base(db)
    .leftJoin('users as cu', 'cu.id', 'pu.created_by')
    .leftJoin('users as su', 'su.id', 'pu.submitted_by')
    .leftJoin('users as eu', 'eu.id', 'pu.endorsed_by')
    .leftJoin('users as vu', 'vu.id', 'pu.validated_by')
    .select(summaryColumns)
    .select(recommendationExcerpt(locale))
    .select([
      subjectLabel.as('subject_label'),
      'pu.narrative',
      'pu.narrative_format',
      'pu.version',
      'pu.endorsed_at',
      'pu.validated_at',
      'cu.name as created_by_name',
      'su.name as submitted_by_name',
      'eu.name as endorsed_by_name',
      'vu.name as validated_by_name',
      'r.status as recommendation_status',
    ])
    .where('pu.id', '=', id)
    .executeTakeFirst();
}
export type UpdateRow = NonNullable<Awaited<ReturnType<typeof findUpdate>>>;

/** The update's row, locked for the transaction that changes it. */
export function lockUpdate(trx: Executor, id: string) {
  return trx.selectFrom('progress_updates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertUpdate(trx: Executor, row: Insertable<ProgressUpdatesTable>) {
  return trx.insertInto('progress_updates').values(row).returning(['id']).executeTakeFirstOrThrow();
}

/** Writes at the version read and only from one of the statuses given; undefined otherwise. */
export function updateAtVersion(
  trx: Executor,
  id: string,
  version: number,
  from: ProgressUpdateStatus[],
  patch: Updateable<ProgressUpdatesTable>,
) {
  return versionedUpdate(trx, 'progress_updates', id, version, patch)
    .where('status', 'in', from)
    .returning(['id', 'version', 'status'])
    .executeTakeFirst();
}

export async function insertEvent(trx: Executor, row: Insertable<ProgressUpdateEventsTable>): Promise<void> {
  await trx.insertInto('progress_update_events').values(row).execute();
}

export function findEvents(db: Executor, id: string) {
  return db
    .selectFrom('progress_update_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_id')
    .select(['ev.step', 'ev.comment', 'ev.at', 'u.name as actor'])
    .where('ev.progress_update_id', '=', id)
    .orderBy('ev.at')
    .orderBy('ev.id')
    .execute();
}

export async function hasValidator(db: Executor, entityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('entity_people')
    .select('user_id')
    .where('entity_id', '=', entityId)
    .where('role', '=', 'validator')
    .executeTakeFirst();
  return Boolean(row);
}

/** Entities assigned to the recommendation (or responsible for or supporting the action) among these. */
export async function entitiesOnSubject(
  db: Executor,
  subject: { recommendationId?: string | undefined; actionId?: string | undefined },
  entityIds: string[],
): Promise<string[]> {
  if (entityIds.length === 0) return [];
  if (subject.recommendationId) {
    const rows = await db
      .selectFrom('assignments')
      .select('entity_id')
      .distinct()
      .where('recommendation_id', '=', subject.recommendationId)
      .where('entity_id', 'in', entityIds)
      .execute();
    return rows.map((row) => row.entity_id);
  }
  const actionId = subject.actionId ?? '';
  const rows = await db
    .selectFrom('actions')
    .select('responsible_entity_id as entity_id')
    .where('id', '=', actionId)
    .where('responsible_entity_id', 'in', entityIds)
    .union(
      db
        .selectFrom('action_entities')
        .select('entity_id')
        .where('action_id', '=', actionId)
        .where('entity_id', 'in', entityIds),
    )
    .execute();
  return rows.map((row) => row.entity_id);
}

/** The subject's label and existence: a recommendation within the scope, or an action. */
export async function findSubject(
  db: Executor,
  subject: { recommendationId?: string | undefined; actionId?: string | undefined },
  scope: Scope,
) {
  if (subject.recommendationId)
    return db
      .selectFrom('recommendations as r')
      .leftJoin('reviews as v', 'v.id', 'r.review_id')
      .select(['r.id', sql<string>`concat_ws(' ', coalesce(v.symbol, r.body_code), r.number)`.as('label')])
      .where('r.id', '=', subject.recommendationId)
      .where(inScope(scope, 'r.id'))
      .executeTakeFirst();
  return db
    .selectFrom('actions as act')
    .select(['act.id', 'act.title as label'])
    .where('act.id', '=', subject.actionId ?? '')
    .where(actionInScope(scope))
    .executeTakeFirst();
}

function actionInScope(scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<boolean>`true`;
  if (scope.entityIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(act.responsible_entity_id in (${sql.join(scope.entityIds)}) or act.id in (select action_id from action_entities where entity_id in (${sql.join(scope.entityIds)})))`;
}

/**
 * Serialises writers of one entity's updates on one subject, so that two overlapping periods
 * cannot both pass the overlap check.
 */
export async function lockSubject(trx: Executor, entityId: string, subjectId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`progress:${entityId}:${subjectId}`}))`.execute(trx);
}

/** Another update of the entity on the subject whose period shares a day with this one. */
export function findOverlap(
  db: Executor,
  query: { entityId: string; recommendationId: string | null; actionId: string | null; start: string; end: string },
  exceptId?: string,
) {
  let select = db
    .selectFrom('progress_updates')
    .select(['id', 'period_start', 'period_end'])
    .where('entity_id', '=', query.entityId)
    .where(sql<boolean>`period_start <= ${query.end}::date and period_end >= ${query.start}::date`);
  select = query.recommendationId
    ? select.where('recommendation_id', '=', query.recommendationId)
    : select.where('action_id', '=', query.actionId);
  if (exceptId) select = select.where('id', '<>', exceptId);
  return select.executeTakeFirst();
}

/** A page of updates the reader may see, filtered and ordered in SQL. */
export async function findUpdates(
  db: Executor,
  reader: Reader,
  locale: Locale,
  query: {
    recommendationId?: string | undefined;
    actionId?: string | undefined;
    entityId?: string | undefined;
    status?: ProgressUpdateStatus | undefined;
    toValidate: boolean;
    page: number;
    pageSize: number;
  },
) {
  let select = base(db).where((eb) => {
    if (reader.manager) return sql<boolean>`true`;
    const own = reader.seatEntityIds.length > 0 ? eb('pu.entity_id', 'in', reader.seatEntityIds) : sql<boolean>`false`;
    const visible = eb.and([
      eb('pu.status', '=', 'validated'),
      eb.or([
        eb.and([eb('pu.recommendation_id', 'is not', null), inScope(reader.scope, 'pu.recommendation_id')]),
        eb.and([eb('pu.action_id', 'is not', null), actionInScope(reader.scope)]),
      ]),
    ]);
    return eb.or([own, visible]);
  });
  if (query.recommendationId) select = select.where('pu.recommendation_id', '=', query.recommendationId);
  if (query.actionId) select = select.where('pu.action_id', '=', query.actionId);
  if (query.entityId) select = select.where('pu.entity_id', '=', query.entityId);
  if (query.status) select = select.where('pu.status', '=', query.status);
  if (query.toValidate) {
    select = select.where((eb) => {
      const asValidator =
        reader.validatorEntityIds.length > 0
          ? eb.and([eb('pu.status', '=', 'submitted'), eb('pu.entity_id', 'in', reader.validatorEntityIds)])
          : sql<boolean>`false`;
      const asCoordinator = reader.manager
        ? eb.or([
            eb('pu.status', '=', 'endorsed'),
            eb.and([
              eb('pu.status', '=', 'submitted'),
              sql<boolean>`not exists (select 1 from entity_people p where p.entity_id = pu.entity_id and p.role = 'validator')`,
            ]),
          ])
        : sql<boolean>`false`;
      return eb.or([asValidator, asCoordinator]);
    });
  }
  const ordered = query.toValidate
    ? select.orderBy('pu.submitted_at', 'asc').orderBy('pu.id')
    : select.orderBy(sql`pu.period_end desc nulls last`).orderBy('pu.updated_at', 'desc').orderBy('pu.id');
  const [rows, count] = await Promise.all([
    ordered
      .select(summaryColumns)
      .select(recommendationExcerpt(locale))
      .select(subjectLabel.as('subject_label'))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    select.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
export type SummaryRow = Awaited<ReturnType<typeof findUpdates>>['rows'][number];

/** The recommendation's status and version, locked: a validated update is about to set it. */
export function lockRecommendation(trx: Executor, id: string) {
  return trx
    .selectFrom('recommendations')
    .select(['id', 'status', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The validated update with a proposed status that speaks for the recommendation now: the one for
 * the latest period (answers to calls, without a period, count on their validation day).
 */
export function latestValidated(db: Executor, recommendationId: string) {
  return db
    .selectFrom('progress_updates')
    .select(['id', 'proposed_status'])
    .where('recommendation_id', '=', recommendationId)
    .where('status', '=', 'validated')
    .where('proposed_status', 'is not', null)
    .orderBy(sql`coalesce(period_end, validated_at::date) desc`)
    .orderBy('validated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** People to mail, in their language, unless they turned such mail off (calls_by_email covers calls and their answers). */
function mailable(db: Executor) {
  return db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as n', 'n.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .where('u.status', '=', 'active')
    .where(sql<boolean>`coalesce(n.calls_by_email, true)`);
}

export function validatorsOf(db: Executor, entityId: string) {
  return mailable(db)
    .innerJoin('entity_people as p', 'p.user_id', 'u.id')
    .where('p.entity_id', '=', entityId)
    .where('p.role', '=', 'validator')
    .execute();
}

/** People of the given roles (those who get the secretariat's work mail: `rolesWith('coordinates')`). */
export function mailableWithRoles(db: Executor, roles: readonly Role[]) {
  return mailable(db).where('u.role', 'in', roles).orderBy('u.name').execute();
}

export function mailableUser(db: Executor, userId: string | null) {
  return mailable(db)
    .where('u.id', '=', userId ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst();
}

/** The update's status, or undefined when there is no such update. */
export async function findUpdateStatus(db: Executor, id: string): Promise<ProgressUpdateStatus | undefined> {
  const row = await db.selectFrom('progress_updates').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status;
}
