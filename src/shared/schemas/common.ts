import { z } from 'zod';
import { locales } from '../i18n/locales';

export const localeSchema = z.enum(locales);
export const localizedTextSchema = z.partialRecord(localeSchema, z.string().max(5000));
export const idParamsSchema = z.object({ id: z.uuid().meta({ example: '0b6f3a52-5f1e-4c3e-9d2a-7c1e8e4f6a10' }) });
export const versionSchema = z.number().int().positive().meta({
  example: 3,
  description: 'The version read: a write at an older version answers 409 STALE_VERSION',
});

/** Every list is paged on the server; pages start at 1. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ example: 1, description: 'The page, from 1' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(25).meta({ example: 25, description: 'Items per page' }),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const okSchema = z.object({ ok: z.literal(true) });
