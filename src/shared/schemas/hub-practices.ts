import { z } from 'zod';
import { locales } from '../i18n/locales';
import { localeSchema, pageOf, versionSchema } from './common';
import { governmentLevels, hubThemeSchema, hubThemes, practicePayloadSchema, practiceStatuses } from './hub';
import { systemsOfGovernment } from './state-profile';

/**
 * The practices library of a knowledge hub (decision 036): what a member's form, the moderators'
 * queue and the public pages send and read. The content itself is `practicePayloadSchema`
 * (shared/schemas/hub.ts), the shape federation sends too.
 */

/** What became of a submitted version: waiting, published, returned, replaced by a newer one, withdrawn. */
export const practiceVersionOutcomes = ['pending', 'published', 'returned', 'superseded', 'withdrawn'] as const;
export type PracticeVersionOutcome = (typeof practiceVersionOutcomes)[number];

/** A new practice: its content, the language it was written in, and (for an account acting for several) the member. */
export const practiceCreateSchema = practicePayloadSchema.extend({
  originalLocale: localeSchema,
  memberId: z.uuid().optional(),
});
export type PracticeCreate = z.infer<typeof practiceCreateSchema>;

/** The whole working copy again, at the version read. */
export const practiceUpdateSchema = practicePayloadSchema.extend({
  originalLocale: localeSchema,
  version: versionSchema,
});
export type PracticeUpdate = z.infer<typeof practiceUpdateSchema>;

/** One language's text (a translation added or corrected), at the version read. */
export const practiceTextUpdateSchema = z.object({
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().max(2000),
  body: z.string().max(200_000),
  version: versionSchema,
});
export const practiceLocaleParamsSchema = z.object({ id: z.uuid(), locale: localeSchema });

export const practiceStepSchema = z.object({ version: versionSchema });
export const practiceReturnSchema = z.object({ version: versionSchema, note: z.string().trim().min(1).max(4000) });

const linkSchema = z.object({ url: z.string(), label: z.string() });
const textSchema = z.object({ title: z.string(), summary: z.string(), body: z.string() });

export const practiceAttachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});
export type PracticeAttachment = z.infer<typeof practiceAttachmentSchema>;

export const practiceVersionSchema = z.object({
  version: z.number().int(),
  outcome: z.enum(practiceVersionOutcomes),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** The languages of that version, and its title in its original language. */
  locales: z.array(localeSchema),
  title: z.string(),
});
export type PracticeVersion = z.infer<typeof practiceVersionSchema>;

/** The working copy, as its authors and the moderators read it. */
export const practiceDetailSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  countryCode: z.string(),
  systemOfGovernment: z.enum(systemsOfGovernment).nullable(),
  status: z.enum(practiceStatuses),
  level: z.enum(governmentLevels),
  themes: z.array(hubThemeSchema),
  originalLocale: localeSchema,
  texts: z.partialRecord(localeSchema, textSchema),
  contact: z.string().nullable(),
  links: z.array(linkSchema),
  source: z.string().nullable(),
  attachments: z.array(practiceAttachmentSchema),
  /** The version the public reads (null: nothing public). */
  publishedVersion: z.number().int().nullable(),
  returnNote: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  history: z.array(practiceVersionSchema),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), moderate: z.boolean(), withdraw: z.boolean() }),
  maxAttachmentBytes: z.number().int(),
});
export type PracticeDetail = z.infer<typeof practiceDetailSchema>;

export const practiceRowSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** The language the title is shown in. */
  locale: localeSchema,
  memberName: z.string(),
  countryCode: z.string(),
  status: z.enum(practiceStatuses),
  publishedVersion: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PracticeRow = z.infer<typeof practiceRowSchema>;
export const practiceRowPageSchema = pageOf(practiceRowSchema);

export const practiceMineQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  status: z.enum(practiceStatuses).optional(),
});

/** The members an account acts for (the form's choice when there are several). */
export const practiceMembersSchema = z.array(z.object({ id: z.uuid(), name: z.string(), countryCode: z.string() }));

/** The public list's filters: every facet, a text, a page. Unknown values are ignored, not errors. */
export const practiceSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  level: z.enum(governmentLevels).optional().catch(undefined),
  system: z.enum(systemsOfGovernment).optional().catch(undefined),
  theme: z.enum(hubThemes).optional().catch(undefined),
  network: z.uuid().optional().catch(undefined),
  language: z.enum(locales).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type PracticeSearchQuery = z.infer<typeof practiceSearchQuerySchema>;
export const practiceFacetNames = ['country', 'level', 'system', 'theme', 'network', 'language'] as const;
export type PracticeFacetName = (typeof practiceFacetNames)[number];
