import type { Locale } from '../../../shared/i18n/locales';
import type { Database } from '../../db/database';
import { translatorFor } from '../../i18n';
import { escapeHtml } from '../../lib/html';
import { narrativeText } from '../progress/sanitize';
import { type Dataset, indicatorRows, licenceOf, progressRows, type Row, type Table } from './public.open';
import { findPublicPage, findPublishedUpdates } from './public.repo';

// Open data (decision 032): the published register, progress and indicators (public.open.ts) with
// their data dictionary and licence, and the published progress as a changes feed (Atom and JSON). Read through the portal's
// repository, so the same rule holds: never a person, a note or an unpublished update.

const maxRows = 100_000;

async function rows(db: Database, locale: Locale, base: string): Promise<Row[]> {
  const { rows } = await findPublicPage(db, {}, locale, 0, maxRows);
  return rows.map((row) => ({
    id: row.id,
    document: row.symbol ?? '',
    paragraph: row.number ?? '',
    body: row.body_code,
    position: row.position ?? '',
    status: row.status ?? '',
    text: row.text,
    text_language: row.text_lang ?? '',
    url: `${base}/public/${locale}/recommendations/${row.id}`,
  }));
}

/** The rows of one open-data table, read through the portal's repositories (the same rule). */
export async function tableOf(db: Database, dataset: Dataset, locale: Locale, base: string): Promise<Table> {
  const read = { recommendations: rows, progress: progressRows, indicators: indicatorRows }[dataset];
  return { dataset, locale, base, rows: await read(db, locale, base) };
}

async function changes(db: Database, locale: Locale, base: string) {
  const updates = await findPublishedUpdates(db, { limit: 100 });
  return updates.map((update) => ({
    id: `${base}/public/${locale}/recommendations/${update.recommendation_id}#update-${update.id}`,
    url: `${base}/public/${locale}/recommendations/${update.recommendation_id}#update-${update.id}`,
    title: update.entity_name,
    date_published: update.validated_on ? `${update.validated_on}T00:00:00Z` : null,
    content_text: narrativeText(update.narrative ?? ''),
  }));
}

/** JSON Feed 1.1 of the published progress, newest first. */
export async function changesJson(db: Database, locale: Locale, base: string) {
  const t = translatorFor(locale);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${t('public.siteName')}: ${t('public.home.latest')}`,
    home_page_url: `${base}/public/${locale}/`,
    feed_url: `${base}/public/${locale}/data/changes.json`,
    language: locale,
    description: licenceOf(locale, base).licence,
    items: await changes(db, locale, base),
  };
}

/** The same as Atom 1.0. */
export async function changesAtom(db: Database, locale: Locale, base: string): Promise<string> {
  const t = translatorFor(locale);
  const items = await changes(db, locale, base);
  const x = escapeHtml;
  const updated = items[0]?.date_published ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(locale)}">
<title>${x(`${t('public.siteName')}: ${t('public.home.latest')}`)}</title>
<id>${x(`${base}/public/${locale}/data/changes.atom`)}</id>
<link rel="self" href="${x(`${base}/public/${locale}/data/changes.atom`)}"/>
<link href="${x(`${base}/public/${locale}/`)}"/>
<updated>${x(updated)}</updated>
<rights>${x(licenceOf(locale, base).licence)}</rights>
<author><name>${x(t('public.siteName'))}</name></author>
${items
  .map(
    (item) => `<entry><id>${x(item.id)}</id><title>${x(item.title)}</title><link href="${x(item.url)}"/>
<updated>${x(item.date_published ?? updated)}</updated><content type="text">${x(item.content_text)}</content></entry>`,
  )
  .join('\n')}
</feed>
`;
}
