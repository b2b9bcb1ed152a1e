import type { Locale } from '../../../shared/i18n/locales';
import { isLocale } from '../../../shared/i18n/locales';
import type { PracticeSearchQuery } from '../../../shared/schemas/hub-practices';
import type { Executor } from '../../http/context';
import { findAttachments, findPublished } from './practices.repo';
import { sanitizePracticeBody } from './practices.sanitize';
import { facetCounts, findNetworkNames, findRelated, publicPageSize, searchPublished } from './practices.search.repo';

// What the public pages read: published versions only. An id that is unknown, not published or
// withdrawn gives `undefined`, which the pages answer with the one 404.

export async function publicPracticeList(db: Executor, locale: Locale, query: PracticeSearchQuery) {
  const [{ rows, total }, facets] = await Promise.all([searchPublished(db, locale, query), facetCounts(db, query)]);
  const networkIds = [
    ...new Set([...facets.network.map((row) => row.value), ...(query.network ? [query.network] : [])]),
  ];
  const networks = await findNetworkNames(db, networkIds, locale);
  return { rows, total, facets, networks, pageSize: publicPageSize };
}
export type PublicPracticeList = Awaited<ReturnType<typeof publicPracticeList>>;

export async function publicPractice(db: Executor, locale: Locale, id: string) {
  const published = await findPublished(db, id);
  if (!published) return undefined;
  const content = published.content;
  // The reader's language when the practice has it, else the language it was written in.
  const shownLocale: Locale = content.texts[locale]
    ? locale
    : isLocale(content.originalLocale) && content.texts[content.originalLocale]
      ? content.originalLocale
      : (Object.keys(content.texts)[0] as Locale);
  const text = content.texts[shownLocale];
  if (!text) return undefined;
  const files = (await findAttachments(db, id)).filter((file) => content.attachmentIds.includes(file.id));
  const related = await findRelated(db, id, locale);
  const memberNames = (published.member_name_i18n ?? {}) as unknown as Record<string, string>;
  return {
    id,
    shownLocale,
    originalLocale: content.originalLocale as Locale,
    locales: Object.keys(content.texts) as Locale[],
    title: text.title,
    summary: text.summary,
    // Sanitised when stored; again here, so a row written by any other path is made safe too.
    body: sanitizePracticeBody(text.body),
    memberName: memberNames[locale] ?? published.member_name,
    countryCode: published.country_code,
    systemOfGovernment: published.system_of_government,
    level: content.level,
    themes: content.themes,
    links: content.links,
    contact: content.contact,
    source: content.source,
    publishedAt: published.decided_at ?? published.published_at,
    version: published.version,
    files: files.map((file) => ({
      id: file.id,
      fileName: file.filename,
      contentType: file.content_type,
      sizeBytes: Number(file.size_bytes),
    })),
    related,
  };
}
export type PublicPractice = NonNullable<Awaited<ReturnType<typeof publicPractice>>>;
