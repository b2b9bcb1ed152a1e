import { z } from 'zod';
import { localeSchema, pageQuerySchema } from './common';
import { hubThemeSchema, hubVisibilities } from './hub';

/**
 * The hub's community of practice (issue 19 item 4, decision 037): spaces, threads, posts,
 * follows, digests, moderation and events. The forms and the routes share these shapes.
 */
export const spaceKinds = ['theme', 'network'] as const;
export const threadKinds = ['discussion', 'question'] as const;
export const postStatuses = ['visible', 'held', 'hidden'] as const;
export const digestChoices = ['off', 'daily', 'weekly'] as const;
export const reportReasons = ['spam', 'abuse', 'off_topic', 'other'] as const;
export const reportStatuses = ['open', 'resolved', 'dismissed'] as const;
export const eventStatuses = ['scheduled', 'cancelled'] as const;
export const registrationStatuses = ['registered', 'waiting', 'cancelled'] as const;
export const digestRunStatuses = ['scheduled', 'done'] as const;
export type DigestChoice = (typeof digestChoices)[number];

export const spaceSchema = z.object({
  id: z.uuid(),
  kind: z.enum(spaceKinds),
  theme: hubThemeSchema.nullable(),
  networkId: z.uuid().nullable(),
  /** The theme's label or the network's name, in the reader's language. */
  name: z.string(),
  /** Who reads it: anyone (a theme) or the accounts acting for the network's members. */
  audience: z.enum(['public', 'members']),
  threadCount: z.number().int(),
  following: z.boolean(),
  canPost: z.boolean(),
});
export type Space = z.infer<typeof spaceSchema>;

export const authorSchema = z.object({ id: z.uuid(), name: z.string(), handle: z.string().nullable() }).nullable();

export const postSchema = z.object({
  id: z.uuid(),
  opening: z.boolean(),
  author: authorSchema,
  /** Safe HTML, rendered on the server from what was written. */
  html: z.string(),
  body: z.string(),
  status: z.enum(postStatuses),
  accepted: z.boolean(),
  createdAt: z.string(),
});
export type Post = z.infer<typeof postSchema>;

export const threadSummarySchema = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  kind: z.enum(threadKinds),
  title: z.string(),
  author: authorSchema,
  replyCount: z.number().int(),
  answered: z.boolean(),
  status: z.enum(postStatuses),
  lastPostAt: z.string(),
  createdAt: z.string(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadSchema = threadSummarySchema.extend({
  locale: localeSchema,
  source: z.string().nullable(),
  spaceName: z.string(),
  /** The opening post first, then the accepted answer, then the other replies by time. */
  posts: z.array(postSchema),
  following: z.boolean(),
  canReply: z.boolean(),
  canAccept: z.boolean(),
});
export type Thread = z.infer<typeof threadSchema>;

/** What a person writes: plain text, with **bold**, *italics*, links, lists, quotes and `code`. */
export const postBodySchema = z.string().trim().min(1).max(20_000);
export const createThreadSchema = z.object({
  kind: z.enum(threadKinds),
  title: z.string().trim().min(1).max(200),
  body: postBodySchema,
  locale: localeSchema,
});
export type CreateThread = z.infer<typeof createThreadSchema>;
export const createPostSchema = z.object({ body: postBodySchema });
export const threadsQuerySchema = pageQuerySchema.extend({ kind: z.enum(threadKinds).optional() });

export const participantSchema = z.object({
  handle: z.string(),
  digest: z.enum(digestChoices),
  follows: z.array(
    z.object({
      id: z.uuid(),
      spaceId: z.uuid().nullable(),
      threadId: z.uuid().nullable(),
      title: z.string(),
    }),
  ),
});
export type Participant = z.infer<typeof participantSchema>;
export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{1,29}$/, {
    message: '2 to 30 letters a-z, digits, _ . -, starting with a letter or digit',
  });
export const participantUpdateSchema = z.object({ handle: handleSchema, digest: z.enum(digestChoices) });
export const followSchema = z
  .object({ spaceId: z.uuid().optional(), threadId: z.uuid().optional() })
  .refine((value) => Boolean(value.spaceId) !== Boolean(value.threadId), { message: 'a space or a thread' });
export const mentionCandidateSchema = z.object({ id: z.uuid(), name: z.string(), handle: z.string() });

export const reportSchema = z.object({
  reason: z.enum(reportReasons),
  note: z.string().trim().max(1000).nullable().default(null),
});
export const moderationItemSchema = z.object({
  postId: z.uuid(),
  threadId: z.uuid(),
  threadTitle: z.string(),
  opening: z.boolean(),
  author: authorSchema,
  body: z.string(),
  status: z.enum(postStatuses),
  reports: z.array(z.object({ id: z.uuid(), reason: z.enum(reportReasons), note: z.string().nullable() })),
  createdAt: z.string(),
});
export type ModerationItem = z.infer<typeof moderationItemSchema>;
export const moderationQuerySchema = pageQuerySchema.extend({
  queue: z.enum(['reported', 'held']).default('reported'),
});
export const moderateSchema = z.object({
  action: z.enum(['hide', 'unhide', 'approve', 'dismiss']),
  reason: z.string().trim().max(1000).nullable().default(null),
});
export const banSchema = z.object({
  userId: z.uuid(),
  reason: z.string().trim().min(1).max(1000),
  endsAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export const banItemSchema = z.object({
  id: z.uuid(),
  user: authorSchema,
  reason: z.string(),
  endsAt: z.string().nullable(),
  createdAt: z.string(),
});

/** A local date and time as a form gives it ('2026-03-29T10:00'), read in `timeZone`. */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'YYYY-MM-DDTHH:MM' });
const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time zone such as Europe/Zurich' },
);
export const eventPayloadSchema = z
  .object({
    title: z.partialRecord(localeSchema, z.string().trim().min(1).max(300)),
    description: z.partialRecord(localeSchema, z.string().trim().max(10_000)),
    start: localDateTime,
    end: localDateTime,
    timeZone: timeZoneSchema,
    onlineUrl: z.url({ protocol: /^https?$/ }).nullable(),
    place: z.string().trim().max(300).nullable(),
    organiserMemberId: z.uuid().nullable(),
    organiserName: z.string().trim().max(300).nullable(),
    capacity: z.number().int().positive().max(100_000).nullable(),
    waitingList: z.boolean(),
    visibility: z.enum(hubVisibilities),
    source: z.string().trim().max(500).nullable(),
  })
  .refine((event) => Object.keys(event.title).length > 0, {
    message: 'a title in one language at least',
    path: ['title'],
  })
  .refine((event) => event.end > event.start, { message: 'the end comes after the start', path: ['end'] })
  .refine((event) => event.onlineUrl !== null || event.place !== null, {
    message: 'an online link or a place',
    path: ['place'],
  });
export type EventPayload = z.infer<typeof eventPayloadSchema>;

export const hubEventSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  titleI18n: z.partialRecord(localeSchema, z.string()),
  descriptionI18n: z.partialRecord(localeSchema, z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  /** start and end as the organiser's wall clock, for the edit form. */
  start: z.string(),
  end: z.string(),
  onlineUrl: z.string().nullable(),
  place: z.string().nullable(),
  organiser: z.string(),
  organiserMemberId: z.uuid().nullable(),
  organiserName: z.string().nullable(),
  capacity: z.number().int().nullable(),
  waitingList: z.boolean(),
  visibility: z.enum(hubVisibilities),
  status: z.enum(eventStatuses),
  source: z.string().nullable(),
  registered: z.number().int(),
  waiting: z.number().int(),
  myRegistration: z.enum(registrationStatuses).nullable(),
  version: z.number().int(),
});
export type HubEvent = z.infer<typeof hubEventSchema>;
export const eventsQuerySchema = pageQuerySchema.extend({
  past: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export const registrationSchema = z.object({ status: z.enum(registrationStatuses) });
