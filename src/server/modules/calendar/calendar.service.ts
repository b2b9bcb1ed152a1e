import { AppError } from '../../../shared/errors';
import {
  type CalendarEvent,
  type CalendarQuery,
  type CreateCalendarEventInput,
  initialStatusOf,
  type RecomputeResult,
  type UpdateCalendarEventInput,
} from '../../../shared/schemas/calendar';
import type { Page } from '../../../shared/schemas/common';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Database } from '../../db/database';
import type { Actor, Executor } from '../../http/context';
import { invalid, signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { type CalendarAction, canCalendar } from './calendar.policy';
import { presentEvent } from './calendar.presenter';
import {
  bodyExists,
  deleteEventAtVersion,
  deleteEvents,
  findComputedEvents,
  findEvent,
  findEvents,
  findReviewFacts,
  findUprCycles,
  insertComputed,
  insertEvent,
  lockComputation,
  lockEvent,
  updateComputed,
  updateEventAtVersion,
} from './calendar.repo';
import { computeEvents } from './calendar.rules';

export function requireCalendar(actor: Actor, action: CalendarAction): SessionUser {
  const user = signedIn(actor);
  if (!canCalendar(user, action)) throw new AppError('FORBIDDEN');
  return user;
}

function columnsOf(input: CreateCalendarEventInput) {
  return {
    kind: input.kind,
    title: input.title,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    body_code: input.bodyCode,
    status: input.status,
    notes: input.notes || null,
  };
}

async function checkBody(db: Executor, bodyCode: string | null): Promise<void> {
  if (bodyCode && !(await bodyExists(db, bodyCode))) invalid('bodyCode', 'issues.calendar.unknownBody');
}

async function requireEvent(db: Executor, actor: Actor, id: string): Promise<CalendarEvent> {
  const user = requireCalendar(actor, 'read');
  const row = await findEvent(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentEvent(row, actor.locale, canCalendar(user, 'edit'));
}

/** Events overlapping a range of days, filtered by kind, body and status, paged in SQL. */
export async function listEvents(db: Database, actor: Actor, query: CalendarQuery): Promise<Page<CalendarEvent>> {
  const user = requireCalendar(actor, 'read');
  const { rows, total } = await findEvents(db, query);
  const canEdit = canCalendar(user, 'edit');
  return {
    items: rows.map((row) => presentEvent(row, actor.locale, canEdit)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export function getEvent(db: Database, actor: Actor, id: string): Promise<CalendarEvent> {
  return requireEvent(db, actor, id);
}

/** Adds an event a person knows of (a visit, a session, a reply to a communication). */
export async function createEvent(db: Database, actor: Actor, input: CreateCalendarEventInput): Promise<CalendarEvent> {
  const user = requireCalendar(actor, 'edit');
  if (!input.title) invalid('title', 'issues.required');
  return db.transaction().execute(async (trx) => {
    await checkBody(trx, input.bodyCode);
    const id = await insertEvent(trx, {
      ...columnsOf(input),
      source: 'manual',
      created_by: user.id,
      updated_by: user.id,
    });
    await recordAudit(trx, actor, { action: 'create', recordType: 'calendar_event', recordId: id, after: input });
    return requireEvent(trx, actor, id);
  });
}

/**
 * Changes an event at the version read. A computed event keeps its kind; changing its dates marks
 * it overridden, so that the next computation leaves them as the person set them.
 */
export async function updateEvent(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateCalendarEventInput,
): Promise<CalendarEvent> {
  const user = requireCalendar(actor, 'edit');
  const { version, ...fields } = input;
  return db.transaction().execute(async (trx) => {
    const locked = await lockEvent(trx, id);
    if (!locked) throw new AppError('NOT_FOUND');
    const before = await findEvent(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (locked.version !== version) throw new AppError('STALE_VERSION');
    const computed = locked.source === 'computed';
    if (computed && fields.kind !== before.kind) invalid('kind', 'issues.calendar.computedKind');
    if (!computed && !fields.title) invalid('title', 'issues.required');
    await checkBody(trx, fields.bodyCode);
    const datesMoved = fields.startsOn !== before.starts_on || fields.endsOn !== before.ends_on;
    const changes = {
      ...columnsOf(fields),
      overridden: locked.overridden || (computed && datesMoved),
      // A date a person sets is no longer a rule of thumb.
      ...(datesMoved ? { estimated: false } : {}),
      updated_by: user.id,
    };
    if (!(await updateEventAtVersion(trx, id, version, changes))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'calendar_event',
      recordId: id,
      before,
      after: { ...fields, overridden: changes.overridden },
    });
    return requireEvent(trx, actor, id);
  });
}

/** Removes a manual event at the version read; computed ones follow the register and stay. */
export async function deleteEvent(db: Database, actor: Actor, id: string, version: number): Promise<void> {
  requireCalendar(actor, 'edit');
  await db.transaction().execute(async (trx) => {
    const locked = await lockEvent(trx, id);
    if (!locked) throw new AppError('NOT_FOUND');
    if (locked.source === 'computed')
      throw new AppError('CONFLICT', { issues: [{ message: 'issues.calendar.computedDelete' }] });
    const before = await findEvent(trx, id);
    if (!(await deleteEventAtVersion(trx, id, version))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, { action: 'delete', recordType: 'calendar_event', recordId: id, before });
  });
}

/**
 * Brings the computed events in line with the register's reviews (calendar.rules.ts), inside the
 * caller's transaction: new ones are added, changed dates moved, those whose review no longer
 * implies them removed. Idempotent; events whose dates a person set (overridden) keep them.
 * Also runs at the end of every import.
 */
export async function recomputeCalendar(trx: Executor, actor: Actor): Promise<RecomputeResult> {
  await lockComputation(trx);
  const [reviews, cycles, existing] = await Promise.all([
    findReviewFacts(trx),
    findUprCycles(trx),
    findComputedEvents(trx),
  ]);
  const wanted = computeEvents(reviews, cycles);
  const byKey = new Map(existing.map((row) => [row.computed_key as string, row]));
  const result: RecomputeResult = { created: 0, updated: 0, deleted: 0, kept: 0 };
  const fresh = [];
  for (const event of wanted) {
    const row = byKey.get(event.key);
    byKey.delete(event.key);
    const initial = initialStatusOf(event.kind);
    if (!row) {
      fresh.push({ ...event, status: event.submitted && initial === 'due' ? 'submitted' : initial });
      continue;
    }
    const changes: Parameters<typeof updateComputed>[2] = {};
    // Evidence of a submission (a later review) only ever moves a report from due to submitted.
    if (event.submitted && row.status === 'due') changes.status = 'submitted';
    if (row.overridden) result.kept++;
    else {
      if (row.starts_on !== event.startsOn) changes.starts_on = event.startsOn;
      if (row.estimated !== event.estimated) changes.estimated = event.estimated;
    }
    if (row.body_code !== event.bodyCode) changes.body_code = event.bodyCode;
    if (Object.keys(changes).length === 0) continue;
    await updateComputed(trx, row.id, changes);
    result.updated++;
  }
  await insertComputed(trx, fresh);
  result.created = fresh.length;
  const gone = [...byKey.values()];
  result.kept += gone.filter((row) => row.overridden).length;
  const deleted = gone.filter((row) => !row.overridden).map((row) => row.id);
  await deleteEvents(trx, deleted);
  result.deleted = deleted.length;
  if (result.created + result.updated + result.deleted > 0)
    await recordAudit(trx, actor, { action: 'update', recordType: 'calendar', recordId: null, after: result });
  return result;
}

/** "Recompute" on the page: the same computation, in its own transaction. */
export async function recompute(db: Database, actor: Actor): Promise<RecomputeResult> {
  requireCalendar(actor, 'edit');
  return db.transaction().execute((trx) => recomputeCalendar(trx, actor));
}
