import type { MailKind, OutboxMail } from '../../../shared/schemas/outbox';
import type { MailRow } from './outbox.repo';

export function presentMail(row: MailRow): OutboxMail {
  return {
    id: row.id,
    kind: row.kind as MailKind,
    to: row.to_address,
    recipientUserId: row.recipient_user_id,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}
