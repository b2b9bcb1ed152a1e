import { z } from 'zod';
import { pageQuerySchema } from './common';

export const auditActions = [
  'create',
  'update',
  'delete',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'session_revoked',
  'role_change',
  'invite',
  'password_reset',
  'revoke',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/**
 * What an audit event is about: every type the server records, so that each has a label in the
 * six catalogues (the catalogue test checks it) and no code reaches a user as it is stored.
 */
export const auditRecordTypes = [
  'action',
  'action_reminder',
  'api_token',
  'assignment',
  'attachment',
  'body',
  'calendar',
  'calendar_event',
  'calendar_feed',
  'calendar_reminder',
  'calendar_settings',
  'call',
  'call_reminder',
  'cluster',
  'entity',
  'entity_person',
  'hub_member',
  'hub_member_person',
  'hub_network',
  'hub_profile',
  'hub_ban',
  'hub_digest',
  'hub_event',
  'hub_event_registration',
  'hub_participant',
  'hub_post',
  'hub_report',
  'hub_thread',
  'hub_practice',
  'hub_practice_file',
  'federation_link',
  'federation_share',
  'import',
  'indicator',
  'indicator_reminder',
  'invitation',
  'mail',
  'network_member',
  'nomination_candidate',
  'nomination_request',
  'notification_preferences',
  'observation',
  'password_reset',
  'progress_update',
  'publication',
  'recommendation',
  'recommendation_link',
  'report',
  'report_comment',
  'report_section',
  'report_version',
  'saved_view',
  'session',
  'state_profile',
  'taxonomy',
  'taxonomy_term',
  'user',
] as const;
export type AuditRecordType = (typeof auditRecordTypes)[number];

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: auditActionSchema,
  recordType: z.string(),
  recordId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  actorId: z.uuid().optional(),
  action: auditActionSchema.optional(),
  recordType: z.string().trim().max(100).optional(),
  recordId: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
