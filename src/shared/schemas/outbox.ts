import { z } from 'zod';
import { pageQuerySchema } from './common';

/** What a mail is for; reminders and calls for input will add theirs. */
export const mailKinds = [
  'invitation',
  'password_reset',
  'account_locked',
  'nomination_request',
  'call_for_input',
  'call_reminder',
  'calendar_reminder',
  'action_reminder',
  'indicator_reminder',
  'progress_submitted',
  'progress_endorsed',
  'progress_returned',
  'hub_mention',
  'hub_digest',
  'hub_event_place',
  'practice_returned',
] as const;
export const mailKindSchema = z.enum(mailKinds);
export type MailKind = z.infer<typeof mailKindSchema>;

/** pending: queued, not tried yet; retrying: failed, tried again later; failed: no retry left. */
export const mailStatuses = ['pending', 'retrying', 'sent', 'failed'] as const;
export const mailStatusSchema = z.enum(mailStatuses);
export type MailStatus = z.infer<typeof mailStatusSchema>;

/** A mail as the admin's outbox lists it: never its text, which can hold a single-use link. */
export const outboxMailSchema = z.object({
  id: z.uuid(),
  kind: mailKindSchema,
  to: z.string(),
  recipientUserId: z.uuid().nullable(),
  subject: z.string(),
  status: mailStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;

export const outboxQuerySchema = pageQuerySchema.extend({ status: mailStatusSchema.optional() });
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;
