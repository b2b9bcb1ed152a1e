import { z } from 'zod';
import { localizedTextSchema, pageQuerySchema, versionSchema } from './common';

export const taxonomySchema = z.object({
  code: z.string(),
  name: localizedTextSchema,
  builtin: z.boolean(),
  termCount: z.number().int(),
  version: versionSchema,
});
export type Taxonomy = z.infer<typeof taxonomySchema>;

export const createTaxonomySchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
  name: localizedTextSchema.refine((name) => !!name.en?.trim(), { message: 'English name required', path: ['en'] }),
});

export const termSchema = z.object({
  id: z.number().int(),
  taxonomy: z.string(),
  code: z.string(),
  label: localizedTextSchema,
  parentId: z.number().int().nullable(),
  usage: z.number().int(),
  /** How many terms have this one as parent (SDG goals → targets → indicators). */
  childCount: z.number().int(),
  /** Statuses only: follow-up ends in this status (its recommendations are never overdue). */
  final: z.boolean(),
  version: versionSchema,
});
export type Term = z.infer<typeof termSchema>;

export const termListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  parentId: z.coerce.number().int().optional(),
  /** Only terms without a parent (the top of a hierarchy). */
  root: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export const countrySchema = z.object({ iso2: z.string(), name: z.string() });
export const bodySchema = z.object({ code: z.string(), mechanism: z.string(), name: z.string() });

export const createTermSchema = z.object({
  code: z.string().trim().min(1).max(200),
  label: localizedTextSchema.refine((label) => !!label.en?.trim(), { message: 'English label required', path: ['en'] }),
  parentId: z.number().int().positive().nullable().optional(),
  /** Statuses only (refused for other taxonomies). */
  final: z.boolean().optional(),
});
export const updateTermSchema = z.object({
  label: localizedTextSchema,
  parentId: z.number().int().positive().nullable().optional(),
  /** Statuses only (refused for other taxonomies). */
  final: z.boolean().optional(),
  version: versionSchema,
});
