import { z } from 'zod';
import { pageQuerySchema } from './common';

/** The fields a generic spreadsheet's columns can fill (the wizard's column-mapping step). */
export const mappableFields = [
  'text',
  'number',
  'recommendingStates',
  'position',
  'themes',
  'affectedPersons',
  'sdgTargets',
  'date',
  'country',
  'body',
  'documentSymbol',
  'session',
  /** the texts' language (a code or a name); blank or unmapped: detected from each text */
  'language',
] as const;
export type MappableField = (typeof mappableFields)[number];

export const importRowActions = ['create', 'update', 'unchanged', 'skip'] as const;
export type ImportRowAction = (typeof importRowActions)[number];

export const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const locationSchema = z.object({
  file: z.string(),
  row: z.number().optional(),
  paragraph: z.string().optional(),
  page: z.number().optional(),
});

/** How the importer read each recommending State's name; the user may correct it before applying. */
export const stateMatchSchema = z.object({
  name: z.string(),
  iso2: z.string().nullable(),
  how: z.enum(['exact', 'alias', 'fuzzy', 'none', 'user']),
  rows: z.number().int(),
});

export const importOptionsSchema = z.object({
  /** name as written → ISO 3166 alpha-2 (or null to keep the name as text) */
  stateMapping: z.record(z.string(), z.string().length(2).nullable()).default({}),
  /** For generic spreadsheets: field → column header. */
  columnMapping: z.record(z.string(), z.string()).optional(),
  /** Saves the column mapping under this name for the next file of the same shape. */
  saveMappingAs: z.string().trim().min(1).max(100).optional(),
  /** Applies documents of another State than the installation's (the dry run names them). */
  confirmForeignState: z.boolean().default(false),
  /** Defaults for sources that do not name their review (generic spreadsheets). */
  review: z
    .object({
      bodyCode: z.string().max(100).optional(),
      symbol: z.string().max(200).optional(),
      countryIso2: z.string().length(2).optional(),
      cycle: z.number().int().min(1).max(9).optional(),
      date: z.iso.date().optional(),
    })
    .default({}),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export const importPreviewSchema = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  format: z.string(),
  sizeBytes: z.number().int(),
  alreadyAppliedAt: z.string().nullable(),
  reviews: z.array(
    z.object({
      key: z.string(),
      symbol: z.string().nullable(),
      bodyCode: z.string(),
      countryIso2: z.string().nullable(),
      session: z.number().nullable(),
      action: z.enum(['create', 'update', 'unchanged']),
      recommendations: z.number().int(),
      /** What the file fills in on a stored review (never blanks): symbol, country, session, … */
      changes: z.array(fieldChangeSchema).default([]),
    }),
  ),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    skip: z.number().int(),
  }),
  /** The first rows of each action, with their changes; the full plan is rebuilt on apply. */
  rows: z.array(
    z.object({
      action: z.enum(importRowActions),
      number: z.string().nullable(),
      text: z.string(),
      /** The text's language, for the preview's lang attribute. */
      lang: z.string().nullable(),
      location: locationSchema,
      reason: z.string().optional(),
      changes: z.array(fieldChangeSchema),
      /** Fields this file offered that a stronger source keeps ("kept from …", decision 017). */
      kept: z
        .array(
          z.object({
            field: z.string(),
            value: z.unknown(),
            offered: z.unknown(),
            fileName: z.string(),
            format: z.string(),
          }),
        )
        .optional(),
    }),
  ),
  states: z.array(stateMatchSchema),
  newTerms: z.object({ themes: z.array(z.string()), affected: z.array(z.string()), issues: z.array(z.string()) }),
  /** A catalogue key and the values it names (the cell or number concerned). */
  warnings: z.array(
    z.object({ location: locationSchema, message: z.string(), params: z.record(z.string(), z.string()).optional() }),
  ),
  duplicates: z.array(z.object({ location: locationSchema, duplicateOf: locationSchema })),
  headers: z.array(z.string()).optional(),
  /**
   * Reviews of another State than the installation's: the apply needs `confirmForeignState`, and
   * their due dates stay out of the calendar. Null when every review is the State's own.
   */
  foreignState: z
    .object({
      stateIso2: z.string(),
      stateName: z.string(),
      countries: z.array(z.object({ iso2: z.string(), name: z.string(), recommendations: z.number().int() })),
    })
    .nullable()
    .optional(),
  suggestedMapping: z.record(z.string(), z.string()).optional(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** The states an import keeps in its row; the summary says 'applying' while its job runs. */
/** `applying` while a process holds the apply's claim (imports.repo.ts claimImportApply). */
export const importRecordStatuses = ['previewed', 'applying', 'applied'] as const;

export const importSummarySchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.string(),
  sizeBytes: z.number().int(),
  status: z.enum([...importRecordStatuses, 'failed']),
  summary: z.unknown(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  error: z.unknown().nullable(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
export const importListQuerySchema = pageQuerySchema;
export const applyImportSchema = importOptionsSchema;

export const columnMappingSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  mapping: z.record(z.string(), z.string()),
});
