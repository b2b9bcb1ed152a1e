import { z } from 'zod';
import { positions } from './register';

/**
 * The public register's query string (decision 032). Lenient on purpose: a shared link with an
 * empty or unknown value shows the register without that filter rather than an error page.
 */
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);
const optionalInt = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => {
      const n = value && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
      return n !== undefined && n >= 1 && n <= max ? n : undefined;
    });
const optionalUuid = z
  .string()
  .optional()
  .transform((value) => (value && z.uuid().safeParse(value).success ? value : undefined));

export const publicQuerySchema = z.object({
  q: optionalText,
  mechanism: optionalText,
  body: optionalText,
  theme: optionalInt(1_000_000),
  sdg: optionalInt(17),
  status: optionalText,
  position: z
    .string()
    .optional()
    .transform((value) => ((positions as readonly string[]).includes(value ?? '') ? value : undefined)),
  review: optionalUuid,
  entity: optionalUuid,
  page: optionalInt(10_000).transform((value) => value ?? 1),
});
export type PublicQuery = Partial<z.output<typeof publicQuerySchema>> & { page: number };

export const publicPageSize = 25;

/** The columns of the portal's open-data tables (CSV, XLSX, JSON), in order; their meanings are in the catalogues. */
export const datasetColumns = {
  recommendations: ['id', 'document', 'paragraph', 'body', 'position', 'status', 'text', 'text_language', 'url'],
  progress: [
    'id',
    'recommendation_id',
    'document',
    'paragraph',
    'entity_id',
    'entity',
    'entity_kind',
    'period_start',
    'period_end',
    'status',
    'validated_on',
    'narrative',
    'url',
  ],
  indicators: [
    'indicator_id',
    'code',
    'title',
    'type',
    'unit',
    'frequency',
    'owner_id',
    'owner',
    'baseline_value',
    'baseline_year',
    'target_value',
    'target_year',
    'recommendations',
    'period_start',
    'period_end',
    'value',
    'lower_bound',
    'upper_bound',
    'source',
    'url',
  ],
} as const;

/** Each column as `<table>.<column>`: the keys of the data dictionary in the catalogues. */
export const datasetDictionaryKeys = Object.entries(datasetColumns).flatMap(([dataset, columns]) =>
  columns.map((column) => `${dataset}.${column}`),
);
