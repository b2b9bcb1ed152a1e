import { z } from 'zod';
import { locales } from '../i18n/locales';
import { localeSchema, localizedTextSchema, pageQuerySchema, versionSchema } from './common';
import { mechanisms } from './register';

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
  /** Only terms with no label in this language (the translator's to-do list). */
  untranslated: localeSchema.optional(),
});
export const countrySchema = z.object({ iso2: z.string(), name: z.string() });
export const bodySchema = z.object({ code: z.string(), mechanism: z.string(), name: z.string() });

/** The kinds of mechanism a new body may have: the UPR is the one body of its kind. */
export const addableMechanisms = ['treaty_body', 'special_procedure', 'regional', 'other'] as const;

/** A body as its admins see it: the name in each language, how many reviews it issued. */
export const bodyRecordSchema = z.object({
  code: z.string(),
  mechanism: z.enum(mechanisms),
  name: localizedTextSchema,
  reviews: z.number().int(),
  version: versionSchema,
});
export type BodyRecord = z.infer<typeof bodyRecordSchema>;

const bodyName = localizedTextSchema.refine((name) => !!name.en?.trim(), {
  message: 'English name required',
  path: ['en'],
});
/** A new body: a code as spreadsheets and UHRI write it ("SR-HEALTH", "GREVIO"), its names, its kind. */
export const createBodySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9-]{1,39}$/),
  mechanism: z.enum(addableMechanisms),
  name: bodyName,
});
/** A body's names and kind, at its version (the code is its key in reviews and imports: fixed). */
export const updateBodySchema = z.object({
  mechanism: z.enum(mechanisms),
  name: bodyName,
  version: versionSchema,
});

/** Merges a term into another of the same taxonomy, or (into: null) removes it from every recommendation. */
export const mergeTermSchema = z.object({ into: z.number().int().positive().nullable(), version: versionSchema });

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

/** Merges a group of spellings of one term ("Children", "children") into one of them. */
export const mergeTermsSchema = z.object({
  into: z.number().int().positive(),
  terms: z
    .array(z.object({ id: z.number().int().positive(), version: versionSchema }))
    .min(1)
    .max(50),
});

/** Terms whose codes fold to one key (term-fold.ts): the same term spelt two ways, to merge. */
export const variantGroupSchema = z.object({ key: z.string(), terms: z.array(termSchema) });
export type VariantGroup = z.infer<typeof variantGroupSchema>;

/** How many of a taxonomy's terms have no label in each language. */
export const untranslatedCountsSchema = z.object({
  total: z.number().int(),
  untranslated: z.record(z.enum(locales), z.number().int()),
});
export type UntranslatedCounts = z.infer<typeof untranslatedCountsSchema>;
