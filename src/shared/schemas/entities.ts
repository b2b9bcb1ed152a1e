import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';
import { createInvitationSchema } from './identity';

/**
 * Duty bearers (ministries, agencies, parliament, judiciary, independent bodies, local and
 * regional governments), consulted stakeholders (NHRI, civil society) and networks of LRGs.
 */
export const entityKinds = [
  'ministry',
  'agency',
  'parliament',
  'judiciary',
  'independent_body',
  'nhri',
  'cso',
  'lrg',
  'lrg_network',
] as const;
export const entityKindSchema = z.enum(entityKinds);
export type EntityKind = z.infer<typeof entityKindSchema>;

/** Places of a person in an entity: one main and one alternate focal point, one validator, any members. */
export const seats = ['main', 'alternate', 'validator', 'member'] as const;
export const seatSchema = z.enum(seats);
export type Seat = z.infer<typeof seatSchema>;

/** Optional text: blank means none. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

export const lrgLevelValueSchema = z.number().int().min(1).max(5);

export const entityInputSchema = z.object({
  kind: entityKindSchema,
  name: z.string().trim().min(1).max(300),
  nameLocal: optionalText(300),
  acronym: optionalText(50),
  parentId: z
    .uuid()
    .nullish()
    .transform((value) => value ?? null),
  lrgLevel: lrgLevelValueSchema.nullish().transform((value) => value ?? null),
  /** ISO 3166-2 (SI-061, DE-BY) or the State's own code for the LRG. */
  subdivisionCode: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    z
      .string()
      .trim()
      .max(20)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u)
      .nullish()
      .transform((value) => value ?? null),
  ),
});
export type EntityInput = z.input<typeof entityInputSchema>;
export type EntityValues = z.output<typeof entityInputSchema>;
export const updateEntitySchema = entityInputSchema.extend({ version: versionSchema });
export type UpdateEntityValues = z.output<typeof updateEntitySchema>;

export const entityRefSchema = z.object({
  id: z.uuid(),
  kind: entityKindSchema,
  name: z.string(),
  acronym: z.string().nullable(),
  lrgLevel: z.number().int().nullable(),
});
export type EntityRef = z.infer<typeof entityRefSchema>;

export const entitySummarySchema = entityRefSchema.extend({
  nameLocal: z.string().nullable(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  subdivisionCode: z.string().nullable(),
  childCount: z.number().int(),
  version: versionSchema,
});
export type EntitySummary = z.infer<typeof entitySummarySchema>;

export const entityDetailSchema = entitySummarySchema.extend({
  /** From the State (top) down to the parent. */
  ancestors: z.array(entityRefSchema),
  /** Networks the entity belongs to. */
  networks: z.array(entityRefSchema),
  /** Member LRGs, for a network. */
  memberCount: z.number().int(),
  peopleCount: z.number().int(),
  assignmentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EntityDetail = z.infer<typeof entityDetailSchema>;

export const entityListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  kind: entityKindSchema.optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
  /** An entity's id for its children, or `none` for entities at the top. */
  parentId: z.union([z.uuid(), z.literal('none')]).optional(),
  /** Members of this network. */
  networkId: z.uuid().optional(),
});
export type EntityListQuery = z.infer<typeof entityListQuerySchema>;
export type EntityListQueryInput = z.input<typeof entityListQuerySchema>;

export const deleteEntityQuerySchema = z.object({ version: z.coerce.number().int().positive() });

// People of an entity.

export const entityPersonSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  /** Shown to those who manage people (admins, coordinators) only. */
  email: z.string().nullable(),
  organisation: z.string().nullable(),
  role: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  seat: seatSchema,
});
export type EntityPerson = z.infer<typeof entityPersonSchema>;

export const addPersonSchema = z.object({ userId: z.uuid(), seat: seatSchema });
export type AddPersonInput = z.infer<typeof addPersonSchema>;
export const invitePersonSchema = createInvitationSchema.extend({ seat: seatSchema });
export type InvitePersonInput = z.infer<typeof invitePersonSchema>;
export const changeSeatSchema = z.object({ seat: seatSchema });
export const personParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

// Networks and nominations.

export const addMembersSchema = z.object({ memberIds: z.array(z.uuid()).min(1).max(500) });
export const memberParamsSchema = z.object({ id: z.uuid(), memberId: z.uuid() });

export const nominationStatuses = ['open', 'closed'] as const;

export const nominationRequestInputSchema = z.object({
  topic: z.string().trim().min(1).max(200),
  note: optionalText(2000),
  dueDate: z.iso.date(),
});
export type NominationRequestInput = z.input<typeof nominationRequestInputSchema>;
export const updateNominationRequestSchema = nominationRequestInputSchema.extend({ version: versionSchema });

export const nominationRequestSchema = z.object({
  id: z.uuid(),
  network: entityRefSchema,
  topic: z.string(),
  note: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(nominationStatuses),
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  candidateCount: z.number().int(),
  chosenCount: z.number().int(),
  version: versionSchema,
});
export type NominationRequest = z.infer<typeof nominationRequestSchema>;

export const nominationCandidateSchema = z.object({
  lrg: entityRefSchema.extend({ subdivisionCode: z.string().nullable() }),
  reason: z.string().nullable(),
  nominatedBy: z.string().nullable(),
  nominatedAt: z.string(),
  chosen: z.boolean(),
});
export type NominationCandidate = z.infer<typeof nominationCandidateSchema>;

export const nominationDetailSchema = nominationRequestSchema.extend({
  candidates: z.array(nominationCandidateSchema),
  /** What the person asking may do: nominate (a focal point of the network), choose (a coordinator). */
  canNominate: z.boolean(),
  canChoose: z.boolean(),
});
export type NominationDetail = z.infer<typeof nominationDetailSchema>;

export const nominationListQuerySchema = pageQuerySchema.extend({ status: z.enum(nominationStatuses).optional() });
export const nominateSchema = z.object({ lrgId: z.uuid(), reason: optionalText(1000) });
export type NominateInput = z.input<typeof nominateSchema>;
export const candidateParamsSchema = z.object({ id: z.uuid(), lrgId: z.uuid() });
export const chooseSchema = z.object({ lrgIds: z.array(z.uuid()).min(1).max(500), version: versionSchema });

// Bulk import of entities from CSV or XLSX.

export const entityImportActions = ['create', 'update', 'skip'] as const;
export const entityImportFields = [
  'name',
  'nameLocal',
  'kind',
  'acronym',
  'level',
  'parent',
  'subdivisionCode',
] as const;

export const entityImportRowSchema = z.object({
  row: z.number().int(),
  action: z.enum(entityImportActions),
  name: z.string(),
  kind: entityKindSchema,
  lrgLevel: z.number().int().nullable(),
  parent: z.string().nullable(),
  subdivisionCode: z.string().nullable(),
  /** Fields an update changes. */
  changes: z.array(z.enum(entityImportFields)),
});
export type EntityImportRow = z.infer<typeof entityImportRowSchema>;

export const entityImportPlanSchema = z.object({
  fileName: z.string(),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    skip: z.number().int(),
    error: z.number().int(),
  }),
  /** The rows to create, update or skip, in file order (at most `shownRows` of them). */
  rows: z.array(entityImportRowSchema),
  shownRows: z.number().int(),
  /** Each problem with its row and column; the import applies only when there are none. */
  issues: z.array(z.object({ row: z.number().int().optional(), column: z.string().optional(), message: z.string() })),
  applied: z.boolean(),
});
export type EntityImportPlan = z.infer<typeof entityImportPlanSchema>;

export const entityImportQuerySchema = z.object({ fileName: z.string().trim().min(1).max(255) });
