import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import {
  type AnswerPage,
  type CallDetail,
  type CallEntity,
  type CallFields,
  type CallListQuery,
  type CallRecommendation,
  type CallSummary,
  type CreateCallInput,
  type InboxItem,
  type InboxQuery,
  maxCallRecommendations,
  type NotificationPreferences,
  type SaveAnswersInput,
  type SaveAnswersResult,
  type TrackerPage,
  type TrackerQuery,
  type UpdateCallInput,
} from '../../../shared/schemas/calls';
import type { Page } from '../../../shared/schemas/common';
import type { Seat } from '../../../shared/schemas/entities';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema';
import type { Deps } from '../../deps';
import { type Actor, type Executor, systemActor } from '../../http/context';
import { translatorFor } from '../../i18n';
import type { JobAttempt, JobPayloads } from '../../jobs/queue';
import { seatsOf } from '../assignments/scope';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../outbox/outbox.service';
import { localize } from '../register/localize';
import { type CallsAction, canCalls } from './calls.policy';
import {
  presentEntity,
  presentRecommendation,
  presentReminder,
  presentSummary,
  presentUpdate,
  statusCounts,
} from './calls.presenter';
import * as repo from './calls.repo';

/** Reminders go out at this hour (UTC) on their day: morning in Africa and Europe, afternoon in Asia. */
export const reminderHourUtc = 8;

const dutyBearers = new Set<string>(repo.dutyBearerKinds);

function signedIn(actor: Actor): SessionUser {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  return actor.user;
}

function requireCan(actor: Actor, action: CallsAction): SessionUser {
  const user = signedIn(actor);
  if (!canCalls(user, action)) throw new AppError('FORBIDDEN');
  return user;
}

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', { issues: [{ path, message }] });
}

function conflict(message: string): never {
  throw new AppError('CONFLICT', { issues: [{ message }] });
}

/** Today in UTC, as ISO deadlines are compared. */
const today = () => new Date().toISOString().slice(0, 10);

function checkFields(fields: CallFields) {
  if (fields.deadline < today()) invalid('deadline', 'issues.call.deadlineInPast');
  if (!fields.askNarrative && !fields.askStatus) invalid('askNarrative', 'issues.call.noQuestion');
}

function callColumns(fields: CallFields) {
  return {
    title: fields.title,
    message: fields.message,
    deadline: fields.deadline,
    ask_narrative: fields.askNarrative,
    ask_status: fields.askStatus,
    remind_before: fields.remindBefore,
    remind_after: fields.remindAfter,
  };
}

/** The recommendations a selection names: its ids and the members of its clusters, each once. */
async function resolveSelection(
  db: Executor,
  selection: { recommendationIds: string[]; clusterIds: string[] },
): Promise<string[]> {
  const members = await repo.clusterMemberIds(db, [...new Set(selection.clusterIds)]);
  if (!members) invalid('clusterIds', 'issues.unknownCluster');
  const ids = [...new Set([...selection.recommendationIds, ...members])];
  if (ids.length > maxCallRecommendations) invalid('recommendationIds', 'issues.call.tooManyRecommendations');
  const existing = await repo.existingRecommendationIds(db, ids);
  if (existing.length !== ids.length) invalid('recommendationIds', 'issues.unknownRecommendations');
  return ids;
}

/**
 * The entities a call may ask: duty bearers assigned (directly or by delegation) to at least one
 * of its recommendations, so that each has something to answer within what it may see.
 */
async function checkEntities(db: Executor, entityIds: string[], recommendationIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  const found = await repo.findEntities(db, entityIds);
  if (found.length !== entityIds.length) invalid('entityIds', 'issues.unknownEntity');
  if (found.some((entity) => !dutyBearers.has(entity.kind))) invalid('entityIds', 'issues.notDutyBearer');
  const assigned = new Set(await repo.assignedDutyBearers(db, recommendationIds));
  if (entityIds.some((id) => !assigned.has(id))) invalid('entityIds', 'issues.call.entityNotAssigned');
}

async function requireDraft(trx: Executor, id: string) {
  const call = await repo.lockCall(trx, id);
  if (!call) throw new AppError('NOT_FOUND');
  if (call.status !== 'draft') conflict('issues.call.alreadySent');
  return call;
}

// The coordinator's side.

export async function listCalls(deps: Deps, actor: Actor, query: CallListQuery): Promise<Page<CallSummary>> {
  requireCan(actor, 'manage');
  const { rows, total } = await repo.findCalls(deps.db, query);
  return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}

export async function getCall(db: Executor, actor: Actor, id: string): Promise<CallDetail> {
  const user = requireCan(actor, 'manage');
  const row = await repo.findCall(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [reminders, byStatus] = await Promise.all([repo.findReminders(db, id), repo.countByStatus(db, id)]);
  const answerCounts = statusCounts(byStatus);
  const draft = row.status === 'draft';
  return {
    ...presentSummary({
      ...row,
      answered_count: answerCounts.answered_on_time + answerCounts.answered_late,
      late_count: answerCounts.late,
    }),
    message: row.message,
    askNarrative: row.ask_narrative,
    askStatus: row.ask_status,
    remindBefore: row.remind_before.map(Number),
    remindAfter: row.remind_after.map(Number),
    sentBy: row.sent_by_name,
    updatedAt: row.updated_at.toISOString(),
    reminders: reminders.map(presentReminder),
    answerCounts,
    canEdit: draft && canCalls(user, 'manage'),
    canSend: draft && canCalls(user, 'manage') && row.recommendation_count > 0 && row.entity_count > 0,
  };
}

/** Drafts a call: its text, deadline, questions and reminders, recommendations and entities. */
export async function createCall(deps: Deps, actor: Actor, input: CreateCallInput): Promise<CallDetail> {
  const user = requireCan(actor, 'manage');
  checkFields(input);
  const recommendationIds = await resolveSelection(deps.db, input);
  if (recommendationIds.length === 0) invalid('recommendationIds', 'issues.nothingSelected');
  let entityIds = [...new Set(input.entityIds)];
  await checkEntities(deps.db, entityIds, recommendationIds);
  if (input.allAssigned)
    entityIds = [...new Set([...entityIds, ...(await repo.assignedDutyBearers(deps.db, recommendationIds))])];
  return deps.db.transaction().execute(async (trx) => {
    const id = await repo.insertCall(trx, { ...callColumns(input), created_by: user.id });
    await repo.insertCallRecommendations(trx, id, recommendationIds);
    await repo.insertCallEntities(trx, id, entityIds);
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'call',
      recordId: id,
      after: { ...input, recommendationIds, clusterIds: undefined, entityIds },
    });
    return getCall(trx, actor, id);
  });
}

/** Changes a draft's text, deadline, questions or reminders, at the version read. */
export async function updateCall(deps: Deps, actor: Actor, id: string, input: UpdateCallInput): Promise<CallDetail> {
  requireCan(actor, 'manage');
  checkFields(input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await requireDraft(trx, id);
    if (!(await repo.updateCallAtVersion(trx, id, input.version, callColumns(input))))
      throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'call',
      recordId: id,
      before: { title: before.title, message: before.message, deadline: before.deadline },
      after: { ...input, version: undefined },
    });
    return getCall(trx, actor, id);
  });
}

export async function deleteCall(deps: Deps, actor: Actor, id: string, version: number): Promise<void> {
  requireCan(actor, 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = await requireDraft(trx, id);
    if (!(await repo.deleteDraftAtVersion(trx, id, version))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, { action: 'delete', recordType: 'call', recordId: id, before });
  });
}

export async function addRecommendations(
  deps: Deps,
  actor: Actor,
  id: string,
  selection: { recommendationIds: string[]; clusterIds: string[] },
): Promise<CallDetail> {
  requireCan(actor, 'manage');
  const ids = await resolveSelection(deps.db, selection);
  if (ids.length === 0) invalid('recommendationIds', 'issues.nothingSelected');
  return deps.db.transaction().execute(async (trx) => {
    await requireDraft(trx, id);
    const present = new Set(await repo.callRecommendationIds(trx, id));
    const added = ids.filter((rid) => !present.has(rid));
    if (present.size + added.length > maxCallRecommendations)
      invalid('recommendationIds', 'issues.call.tooManyRecommendations');
    await repo.insertCallRecommendations(trx, id, added);
    await bump(trx, id);
    if (added.length > 0)
      await recordAudit(trx, actor, {
        action: 'update',
        recordType: 'call',
        recordId: id,
        after: { addedRecommendationIds: added },
      });
    return getCall(trx, actor, id);
  });
}

export async function removeRecommendation(
  deps: Deps,
  actor: Actor,
  id: string,
  recommendationId: string,
): Promise<CallDetail> {
  requireCan(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    await requireDraft(trx, id);
    if ((await repo.deleteCallRecommendation(trx, id, recommendationId)) === 0) throw new AppError('NOT_FOUND');
    await bump(trx, id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'call',
      recordId: id,
      before: { removedRecommendationId: recommendationId },
    });
    return getCall(trx, actor, id);
  });
}

export async function addEntities(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { entityIds: string[]; allAssigned: boolean },
): Promise<CallDetail> {
  requireCan(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    await requireDraft(trx, id);
    const recommendationIds = await repo.callRecommendationIds(trx, id);
    let entityIds = [...new Set(input.entityIds)];
    await checkEntities(trx, entityIds, recommendationIds);
    if (input.allAssigned)
      entityIds = [...new Set([...entityIds, ...(await repo.assignedDutyBearers(trx, recommendationIds))])];
    if (entityIds.length === 0) invalid('entityIds', 'issues.call.noEntities');
    const added = await repo.insertCallEntities(trx, id, entityIds);
    await bump(trx, id);
    if (added > 0)
      await recordAudit(trx, actor, { action: 'update', recordType: 'call', recordId: id, after: { entityIds } });
    return getCall(trx, actor, id);
  });
}

export async function removeEntity(deps: Deps, actor: Actor, id: string, entityId: string): Promise<CallDetail> {
  requireCan(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    await requireDraft(trx, id);
    if ((await repo.deleteCallEntity(trx, id, entityId)) === 0) throw new AppError('NOT_FOUND');
    await bump(trx, id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'call',
      recordId: id,
      before: { removedEntityId: entityId },
    });
    return getCall(trx, actor, id);
  });
}

/** A change to a draft's selection is a change of the draft: its version moves on. */
async function bump(trx: Executor, id: string) {
  await trx
    .updateTable('calls')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

export async function listCallRecommendations(
  deps: Deps,
  actor: Actor,
  id: string,
  page: { page: number; pageSize: number },
): Promise<Page<CallRecommendation>> {
  requireCan(actor, 'manage');
  if (!(await repo.findCall(deps.db, id))) throw new AppError('NOT_FOUND');
  const { rows, total } = await repo.findCallRecommendations(deps.db, id, actor.locale, page);
  return { items: rows.map(presentRecommendation), total, ...page };
}

export async function listCallEntities(
  deps: Deps,
  actor: Actor,
  id: string,
  query: { q?: string | undefined; asked?: boolean | undefined; page: number; pageSize: number },
): Promise<Page<CallEntity>> {
  requireCan(actor, 'manage');
  if (!(await repo.findCall(deps.db, id))) throw new AppError('NOT_FOUND');
  const { rows, total } = await repo.findCallEntities(deps.db, id, query);
  return {
    items: rows.map((row) => ({
      entity: presentEntity(row),
      recommendationCount: Number(row.recommendation_count),
      asked: row.asked,
      focalPointCount: Number(row.focal_point_count),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** When a reminder `days` from the deadline day is due: that day at the reminder hour (UTC). */
export function reminderDueAt(deadline: string, days: number): Date {
  const [year, month, day] = deadline.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days, reminderHourUtc));
}

function formatDay(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(isoDate));
}

/**
 * Sends a draft, in one transaction: the call becomes sent, each entity asked gets it in its
 * inbox, its main and alternate focal points get a mail in their own language (unless they
 * turned such mail off), and the reminders are scheduled as jobs. A reminder whose time has
 * already passed is recorded as skipped.
 */
export async function sendCall(deps: Deps, actor: Actor, id: string, version: number): Promise<CallDetail> {
  const user = requireCan(actor, 'manage');
  return deps.db.transaction().execute(async (trx) => {
    const call = await requireDraft(trx, id);
    if (call.version !== version) throw new AppError('STALE_VERSION');
    if (call.deadline < today()) invalid('deadline', 'issues.call.deadlineInPast');
    const detail = await repo.findCall(trx, id);
    if (!detail || detail.recommendation_count === 0) invalid('recommendationIds', 'issues.call.noRecommendations');
    if (detail.entity_count === 0) invalid('entityIds', 'issues.call.noEntities');
    if ((await repo.askedWithoutAssignment(trx, id)).length > 0) invalid('entityIds', 'issues.call.entityNotAssigned');
    if (!(await repo.updateCallAtVersion(trx, id, version, { status: 'sent', sent_at: new Date(), sent_by: user.id })))
      throw new AppError('STALE_VERSION');
    const entityIds = await repo.insertInboxItems(trx, id);
    const counts = await repo.itemCounts(trx, id, entityIds);
    let mails = 0;
    for (const person of await repo.mailedFocalPoints(trx, entityIds)) {
      const locale = person.locale as Locale;
      const t = translatorFor(locale);
      await queueMail(trx, deps.jobs, {
        kind: 'call_for_input',
        to: person.email,
        userId: person.id,
        subject: t('mail.call.subject', { title: call.title }),
        text: t('mail.call.body', {
          name: person.name,
          coordinator: user.name,
          entity: person.entity_name,
          count: counts.get(person.entity_id) ?? 0,
          deadline: formatDay(locale, call.deadline),
          message: call.message,
          link: `${deps.settings.publicUrl}/inbox/${id}/${person.entity_id}`,
          settingsLink: `${deps.settings.publicUrl}/settings`,
        }),
      });
      mails++;
    }
    const reminders = await scheduleReminders(trx, deps, id, call.deadline, detail);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'call',
      recordId: id,
      before: { status: 'draft' },
      after: { status: 'sent', entityIds, mails, reminders },
    });
    return getCall(trx, actor, id);
  });
}

async function scheduleReminders(
  trx: Transaction<DB>,
  deps: Pick<Deps, 'jobs'>,
  callId: string,
  deadline: string,
  call: { remind_before: number[]; remind_after: number[] },
) {
  const now = Date.now();
  const days = [...call.remind_before.map((d) => -Number(d)), ...call.remind_after.map(Number)];
  const rows = await repo.insertReminders(
    trx,
    [...new Set(days)].map((offset) => {
      const dueAt = reminderDueAt(deadline, offset);
      return {
        call_id: callId,
        days_from_deadline: offset,
        due_at: dueAt,
        status: dueAt.getTime() <= now ? 'skipped' : 'scheduled',
      };
    }),
  );
  for (const row of rows) {
    if (row.status !== 'scheduled') continue;
    const jobId = await deps.jobs.send(trx, 'call_reminder', { reminderId: row.id }, { startAfter: row.due_at });
    await repo.setReminderJob(trx, row.id, jobId);
  }
  return rows.map((row) => ({ dueAt: row.due_at.toISOString(), status: row.status }));
}

/**
 * The reminder job: mails the focal points of the entities that have not answered yet, before
 * or after the deadline, in one transaction; marks the reminder sent so that a retried job
 * sends nothing twice.
 */
export async function sendCallReminder(
  deps: Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> },
  job: JobAttempt<JobPayloads['call_reminder']>,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const reminder = await repo.lockReminder(trx, job.data.reminderId);
    if (reminder?.status !== 'scheduled') return;
    const call = await repo.findCall(trx, reminder.call_id);
    if (call?.status !== 'sent') {
      await repo.finishReminder(trx, reminder.id, { status: 'skipped', entity_count: null, mail_count: null });
      return;
    }
    const pending = await repo.unansweredEntityIds(trx, call.id);
    const progress = new Map<string, { item_count: number; submitted_count: number }>();
    for (const entityId of pending) {
      const row = await repo.findProgress(trx, call.id, entityId);
      if (row) progress.set(entityId, row);
    }
    const overdue = reminder.days_from_deadline > 0;
    let mails = 0;
    for (const person of await repo.mailedFocalPoints(trx, pending)) {
      const locale = person.locale as Locale;
      const t = translatorFor(locale);
      const standing = progress.get(person.entity_id);
      const values = {
        name: person.name,
        entity: person.entity_name,
        title: call.title,
        deadline: formatDay(locale, call.deadline),
        count: standing ? standing.item_count - standing.submitted_count : 0,
        link: `${deps.settings.publicUrl}/inbox/${call.id}/${person.entity_id}`,
        settingsLink: `${deps.settings.publicUrl}/settings`,
      };
      await queueMail(trx, deps.jobs, {
        kind: 'call_reminder',
        to: person.email,
        userId: person.id,
        subject: overdue
          ? t('mail.callOverdue.subject', { title: call.title, deadline: values.deadline })
          : t('mail.callReminder.subject', { title: call.title, deadline: values.deadline }),
        text: overdue ? t('mail.callOverdue.body', values) : t('mail.callReminder.body', values),
      });
      mails++;
    }
    await repo.finishReminder(trx, reminder.id, { status: 'sent', entity_count: pending.length, mail_count: mails });
    await recordAudit(trx, systemActor(`job:${job.id}`), {
      action: 'update',
      recordType: 'call_reminder',
      recordId: reminder.id,
      before: { status: 'scheduled' },
      after: { status: 'sent', callId: call.id, entityIds: pending, mails },
    });
  });
}

/**
 * "Remind now": the coordinator chases the entities that have not answered a sent call, at once,
 * through the same reminder job (and its wording: overdue once the deadline has passed).
 */
export async function remindNow(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireCan(actor, 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const call = await repo.findCall(trx, id);
    if (!call) throw new AppError('NOT_FOUND');
    if (call.status !== 'sent') throw new AppError('CONFLICT', { issues: [{ message: 'issues.call.notSent' }] });
    const [year, month, day] = call.deadline.split('-').map(Number);
    const deadline = Date.UTC(year as number, (month as number) - 1, day as number);
    const days = Math.floor((Date.now() - deadline) / 86_400_000);
    const [row] = await repo.insertReminders(trx, [
      { call_id: id, days_from_deadline: days, due_at: new Date(), status: 'scheduled', manual: true },
    ]);
    if (!row) return;
    await repo.setReminderJob(trx, row.id, await deps.jobs.send(trx, 'call_reminder', { reminderId: row.id }));
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'call_reminder',
      recordId: row.id,
      after: { manual: true },
    });
  });
}

/** Each entity's standing on a call, late ones first, paged, with the counts by status. */
export async function getTracker(deps: Deps, actor: Actor, id: string, query: TrackerQuery): Promise<TrackerPage> {
  requireCan(actor, 'track');
  if (!(await repo.findCall(deps.db, id))) throw new AppError('NOT_FOUND');
  const { rows, total, byStatus } = await repo.findTracker(deps.db, id, query);
  return {
    items: rows.map((row) => ({
      entity: presentEntity(row),
      status: row.status,
      itemCount: Number(row.item_count),
      submittedCount: Number(row.submitted_count),
      draftCount: Number(row.draft_count),
      lastSubmittedAt: row.last_submitted_at ? new Date(row.last_submitted_at).toISOString() : null,
      focalPointCount: Number(row.focal_point_count),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    counts: statusCounts(byStatus),
  };
}

// The entity's side.

/** The calls in the inboxes of the entities the person serves. */
export async function listInbox(deps: Deps, actor: Actor, query: InboxQuery): Promise<Page<InboxItem>> {
  const user = signedIn(actor);
  const entityIds = (await seatsOf(deps.db, user.id)).map((seat) => seat.id);
  const { rows, total } = await repo.findInbox(deps.db, entityIds, query);
  return {
    items: rows.map((row) => ({
      call: { id: row.call_id, title: row.title, deadline: row.deadline },
      entity: presentEntity(row),
      receivedAt: new Date(row.received_at).toISOString(),
      status: row.status,
      itemCount: Number(row.item_count),
      submittedCount: Number(row.submitted_count),
      draftCount: Number(row.draft_count),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function seatIn(db: Executor, entityId: string, userId: string): Promise<Seat | null> {
  const row = await db
    .selectFrom('entity_people')
    .select('role')
    .where('entity_id', '=', entityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/**
 * A call as it stands in one entity's inbox, for its people and the secretariat; for anyone
 * else, and for a call not sent to that entity, as if it did not exist.
 */
async function inboxItemFor(db: Executor, actor: Actor, callId: string, entityId: string) {
  const user = signedIn(actor);
  const [standing, seat] = await Promise.all([repo.findProgress(db, callId, entityId), seatIn(db, entityId, user.id)]);
  if (!standing || !canCalls(user, 'readInbox', { seat })) throw new AppError('NOT_FOUND');
  return { user, seat, standing };
}

/** The answer form: the call, and the recommendations of it assigned to the entity, paged. */
export async function getAnswers(
  deps: Deps,
  actor: Actor,
  callId: string,
  entityId: string,
  page: { page: number; pageSize: number },
): Promise<AnswerPage> {
  const { user, seat, standing } = await inboxItemFor(deps.db, actor, callId, entityId);
  const [call, entity, items, terms] = await Promise.all([
    repo.findCall(deps.db, callId),
    deps.db
      .selectFrom('entities')
      .select(['id', 'kind', 'name', 'acronym', 'lrg_level'])
      .where('id', '=', entityId)
      .executeTakeFirstOrThrow(),
    repo.findAnswerItems(deps.db, callId, entityId, actor.locale, page),
    repo.statusTerms(deps.db),
  ]);
  if (!call) throw new AppError('NOT_FOUND');
  return {
    call: {
      id: call.id,
      title: call.title,
      message: call.message,
      deadline: call.deadline,
      askNarrative: call.ask_narrative,
      askStatus: call.ask_status,
      sentAt: call.sent_at?.toISOString() ?? null,
    },
    entity: presentEntity(entity),
    status: standing.status,
    itemCount: Number(standing.item_count),
    submittedCount: Number(standing.submitted_count),
    draftCount: Number(standing.draft_count),
    canAnswer: canCalls(user, 'answer', { seat }),
    statusOptions: terms.map((term) => ({ code: term.code, label: localize(term.label, actor.locale) })),
    items: items.rows.map((row) => ({
      recommendation: presentRecommendation({ ...row, status: row.current_status }),
      update:
        row.update_id && row.update_status && row.updated_at && row.version
          ? presentUpdate(
              {
                id: row.update_id,
                narrative: row.narrative,
                proposed_status: row.proposed_status,
                status: row.update_status,
                submitted_at: row.submitted_at,
                updated_at: row.updated_at,
                version: row.version,
              },
              row.submitted_by_name,
            )
          : null,
    })),
    total: items.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/**
 * Saves an entity's answers on some recommendations of a call as drafts, or submits them. Each
 * item is written at the version read; a submitted one is no longer changed here. Submitting
 * needs what the call asks: a narrative, a proposed status, or both.
 */
export async function saveAnswers(
  deps: Deps,
  actor: Actor,
  callId: string,
  entityId: string,
  input: SaveAnswersInput,
): Promise<SaveAnswersResult> {
  const { user, seat } = await inboxItemFor(deps.db, actor, callId, entityId);
  if (!canCalls(user, 'answer', { seat })) throw new AppError('FORBIDDEN');
  const ids = input.items.map((item) => item.recommendationId);
  if (new Set(ids).size !== ids.length) invalid('items', 'issues.call.duplicateItem');
  const answerable = await repo.answerableIds(deps.db, callId, entityId, ids);
  if (ids.some((id) => !answerable.has(id))) throw new AppError('NOT_FOUND');
  const call = await repo.findCall(deps.db, callId);
  if (!call) throw new AppError('NOT_FOUND');
  const statuses = new Set((await repo.statusTerms(deps.db)).map((term) => term.code));
  const issues: { path: string; message: string }[] = [];
  input.items.forEach((item, index) => {
    if (item.proposedStatus && !statuses.has(item.proposedStatus))
      issues.push({ path: `items.${index}.proposedStatus`, message: 'issues.unknownStatus' });
    if (!input.submit) return;
    if (call.ask_narrative && !item.narrative)
      issues.push({ path: `items.${index}.narrative`, message: 'issues.call.narrativeRequired' });
    if (call.ask_status && !item.proposedStatus)
      issues.push({ path: `items.${index}.proposedStatus`, message: 'issues.call.statusRequired' });
  });
  if (issues.length > 0) throw new AppError('VALIDATION', { issues });

  return deps.db.transaction().execute(async (trx) => {
    const existing = new Map(
      (await repo.findUpdatesForUpdate(trx, callId, entityId, ids)).map((row) => [row.recommendation_id, row]),
    );
    const saved: SaveAnswersResult['saved'] = [];
    const now = new Date();
    for (const [index, item] of input.items.entries()) {
      const before = existing.get(item.recommendationId);
      const values = {
        narrative: item.narrative,
        proposed_status: item.proposedStatus,
        status: input.submit ? ('submitted' as const) : ('draft' as const),
        submitted_by: input.submit ? user.id : null,
        submitted_at: input.submit ? now : null,
      };
      let row: Awaited<ReturnType<typeof repo.insertUpdate>>;
      if (before) {
        if (before.status !== 'draft')
          throw new AppError('CONFLICT', {
            issues: [{ path: `items.${index}`, message: 'issues.call.alreadySubmitted' }],
          });
        if (item.version !== before.version) throw new AppError('STALE_VERSION');
        row = await repo.updateUpdateAtVersion(trx, before.id, before.version, { ...values, updated_by: user.id });
      } else {
        if (item.version !== null) throw new AppError('STALE_VERSION');
        row = await repo.insertUpdate(trx, {
          ...values,
          recommendation_id: item.recommendationId,
          entity_id: entityId,
          call_id: callId,
          created_by: user.id,
          updated_by: user.id,
        });
      }
      if (!row) throw new AppError('STALE_VERSION');
      await recordAudit(trx, actor, {
        action: before ? 'update' : 'create',
        recordType: 'progress_update',
        recordId: row.id,
        before: before
          ? { narrative: before.narrative, proposedStatus: before.proposed_status, status: before.status }
          : undefined,
        after: {
          callId,
          entityId,
          recommendationId: item.recommendationId,
          narrative: row.narrative,
          proposedStatus: row.proposed_status,
          status: row.status,
        },
      });
      saved.push({
        recommendationId: item.recommendationId,
        update: presentUpdate(row, input.submit ? user.name : null),
      });
    }
    const standing = await repo.findProgress(trx, callId, entityId);
    return { status: standing?.status ?? 'not_started', saved };
  });
}

// Notification preferences.

export async function getPreferences(db: Database, actor: Actor): Promise<NotificationPreferences> {
  const user = signedIn(actor);
  return repo.findPreferences(db, user.id);
}

export async function setPreferences(
  db: Database,
  actor: Actor,
  input: NotificationPreferences,
): Promise<NotificationPreferences> {
  const user = signedIn(actor);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findPreferences(trx, user.id);
    await repo.upsertPreferences(trx, user.id, input.callsByEmail);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'notification_preferences',
      recordId: user.id,
      before,
      after: input,
    });
    return repo.findPreferences(trx, user.id);
  });
}
