import { z } from 'zod';
import { pageQuerySchema, versionSchema } from './common';

const isoDate = z.iso.date();

/** The lead entity answers for a recommendation; supporting entities contribute. */
export const assignmentRoles = ['lead', 'supporting'] as const;

/** Assign entities to a selection of recommendations (or every member of a cluster). */
export const createAssignmentsSchema = z
  .object({
    recommendationIds: z.array(z.uuid()).max(1000).default([]),
    clusterId: z.uuid().optional(),
    entityId: z.uuid(),
    role: z.enum(assignmentRoles),
    dueDate: isoDate.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((input) => input.recommendationIds.length > 0 || input.clusterId, {
    message: 'issues.nothingSelected',
    path: ['recommendationIds'],
  });
export type CreateAssignmentsInput = z.infer<typeof createAssignmentsSchema>;

export const createAssignmentsResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
});

/** Delegate part of an assignment down the hierarchy, to a regional or local government. */
export const delegateSchema = z.object({
  entityId: z.uuid(),
  dueDate: isoDate.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type DelegateInput = z.infer<typeof delegateSchema>;

export const assignmentSchema = z.object({
  id: z.uuid(),
  recommendationId: z.uuid(),
  entity: z.object({ id: z.uuid(), name: z.string(), kind: z.string(), lrgLevel: z.number().nullable() }),
  role: z.enum(assignmentRoles),
  dueDate: z.string().nullable(),
  delegatedFrom: z.uuid().nullable(),
  note: z.string().nullable(),
  /** whether the person asking may delegate it further down */
  canDelegate: z.boolean(),
  version: versionSchema,
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const localLevelsSchema = z.object({
  levels: z.array(z.number().int().min(1).max(5)).max(5),
});

/** "My work": what is assigned or delegated to the entities a person serves, soonest due first. */
export const myAssignmentsQuerySchema = pageQuerySchema.extend({ overdue: z.stringbool().optional() });

export const myAssignmentSchema = z.object({
  id: z.uuid(),
  recommendation: z.object({
    id: z.uuid(),
    number: z.string().nullable(),
    symbol: z.string().nullable(),
    bodyCode: z.string(),
    text: z.string(),
    status: z.string(),
  }),
  entity: z.object({ id: z.uuid(), name: z.string() }),
  role: z.enum(assignmentRoles),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  /** the entity that delegated it, when it came down the hierarchy */
  delegatedBy: z.string().nullable(),
});
export type MyAssignment = z.infer<typeof myAssignmentSchema>;
