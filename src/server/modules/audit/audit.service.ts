import { AppError } from '../../../shared/errors';
import type { AuditAction, AuditEvent, AuditQuery, AuditRecordType } from '../../../shared/schemas/audit';
import type { Page } from '../../../shared/schemas/common';
import type { Database } from '../../db/database';
import type { AuditEventRow } from '../../db/schema';
import type { Actor, Executor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { canAudit } from './audit.policy';
import { findAuditEvents, findRecordEvents, insertAuditEvent } from './audit.repo';

export interface AuditEntry {
  action: AuditAction;
  /** A new type needs its place in `auditRecordTypes` and a label in the catalogues. */
  recordType: AuditRecordType;
  recordId: string | null;
  before?: unknown;
  after?: unknown;
  /** Who acted when no one is signed in yet (a failed sign-in names the e-mail tried). */
  actorLabel?: string;
}

/** Appends one audit event; call it with the transaction that makes the change. */
export async function recordAudit(trx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(trx, {
    actorId: actor.user?.id ?? null,
    actorLabel: entry.actorLabel ?? actorLabelOf(actor),
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor.requestId,
    ip: actor.ip,
  });
}

/** Who acted, as the trail names them: a change made through an API token says which token. */
function actorLabelOf(actor: Actor): string {
  if (!actor.user) return 'system';
  return actor.apiToken ? `${actor.user.email} (API token ${actor.apiToken.prefix}…)` : actor.user.email;
}

/** Lists audit events for the admin page, filtered and paged in the database. */
export async function listAuditEvents(db: Database, actor: Actor, query: AuditQuery): Promise<Page<AuditEvent>> {
  const user = signedIn(actor);
  if (!canAudit(user, 'list')) throw new AppError('FORBIDDEN');
  const { rows, total } = await findAuditEvents(db, query);
  return { items: rows.map(presentAuditEvent), total, page: query.page, pageSize: query.pageSize };
}

/** The signed-in person's own recent actions, for the home page. */
export async function listMyActivity(
  db: Database,
  actor: Actor,
  page: { page: number; pageSize: number },
): Promise<Page<AuditEvent>> {
  const user = signedIn(actor);
  const { rows, total } = await findAuditEvents(db, { ...page, actorId: user.id });
  return { items: rows.map(presentAuditEvent), total, ...page };
}

/** A record's own change log, shown on its page to whoever may read the record. */
export async function listRecordChanges(db: Executor, recordType: string, recordId: string) {
  const rows = await findRecordEvents(db, recordType, recordId);
  return rows.map((row) => ({
    occurredAt: row.occurred_at.toISOString(),
    actorLabel: row.actor_label,
    action: row.action,
    before: row.before ?? null,
    after: row.after ?? null,
  }));
}

export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action as AuditAction,
    recordType: row.record_type,
    recordId: row.record_id,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}
