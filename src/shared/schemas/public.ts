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
