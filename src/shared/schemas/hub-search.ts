import { z } from 'zod';
import { locales } from '../i18n/locales';
import { localeSchema } from './common';
import { governmentLevels, hubDocumentKinds, hubThemeSchema } from './hub';
import { systemsOfGovernment } from './state-profile';

/** The hub's one search (issue 19 item 7): one query over practices, profiles and discussions. */
export const hubSearchFacetNames = ['kind', 'country', 'theme', 'level', 'system', 'network', 'language'] as const;
export type HubSearchFacet = (typeof hubSearchFacetNames)[number];
export const hubSearchPageSize = 20;

export const hubSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(hubDocumentKinds).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'a country code of two capital letters')
    .optional(),
  theme: hubThemeSchema.optional(),
  level: z.enum(governmentLevels).optional(),
  system: z.enum(systemsOfGovernment).optional(),
  network: z.uuid().optional(),
  /** Only things in this language. */
  language: z.enum(locales).optional(),
  /** The reader's language: a thing in several languages is shown in it when it has it. */
  prefer: localeSchema.optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
});
export type HubSearchQuery = z.infer<typeof hubSearchQuerySchema>;

export const hubSearchHitSchema = z.object({
  kind: z.enum(hubDocumentKinds),
  refId: z.uuid(),
  /** The language it is shown in. */
  locale: localeSchema,
  /** Every language the thing matched in. */
  languages: z.array(localeSchema),
  title: z.string(),
  /** An extract with the matched words between U+0002 and U+0003 (never HTML). */
  snippet: z.string(),
  path: z.string(),
  countryCode: z.string().nullable(),
  level: z.enum(governmentLevels).nullable(),
  themes: z.array(hubThemeSchema),
  visibility: z.enum(['public', 'accounts']),
});
export type HubSearchHit = z.infer<typeof hubSearchHitSchema>;

export const facetCountSchema = z.object({ value: z.string(), count: z.number().int() });
export const hubSearchResultSchema = z.object({
  items: z.array(hubSearchHitSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.record(z.enum(hubSearchFacetNames), z.array(facetCountSchema)),
  /** A corrected query that finds something, when the query found nothing. */
  suggestion: z.string().nullable(),
});
export type HubSearchResult = z.infer<typeof hubSearchResultSchema>;
