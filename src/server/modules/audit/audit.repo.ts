import type { AuditQuery } from '../../../shared/schemas/audit';
import type { AuditEventRow } from '../../db/schema';
import type { Executor } from '../../http/context';

export interface NewAuditEvent {
  actorId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export async function insertAuditEvent(db: Executor, event: NewAuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_id: event.actorId,
      actor_label: event.actorLabel,
      action: event.action,
      record_type: event.recordType,
      record_id: event.recordId,
      before: event.before === undefined || event.before === null ? null : JSON.stringify(event.before),
      after: event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
      request_id: event.requestId,
      ip: event.ip,
    })
    .execute();
}

export async function findAuditEvents(
  db: Executor,
  query: AuditQuery,
): Promise<{ rows: AuditEventRow[]; total: number }> {
  let base = db.selectFrom('audit_events');
  if (query.actorId) base = base.where('actor_id', '=', query.actorId);
  if (query.action) base = base.where('action', '=', query.action);
  if (query.recordType) base = base.where('record_type', '=', query.recordType);
  if (query.recordId) base = base.where('record_id', '=', query.recordId);
  if (query.from) base = base.where('occurred_at', '>=', new Date(`${query.from}T00:00:00Z`));
  if (query.to)
    base = base.where('occurred_at', '<', new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000));
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** The latest events of one record, for its own page. */
export function findRecordEvents(
  db: Executor,
  recordType: string,
  recordId: string,
  limit = 50,
): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
