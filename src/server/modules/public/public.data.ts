import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/i18n/locales';
import type { Database } from '../../db/database';
import { translatorFor } from '../../i18n';
import { escapeHtml } from '../../lib/html';
import { narrativeText } from '../progress/sanitize';
import { csvCell } from '../register/export.service';
import { findPublicPage, findPublishedUpdates } from './public.repo';

// Open data (decision 032): the published register as CSV and JSON with its data dictionary and
// licence, and the published progress as a changes feed (Atom and JSON). Read through the portal's
// repository, so the same rule holds: never a person, a note or an unpublished update.

const maxRows = 100_000;

/** What each column holds: the data dictionary, the same in the JSON and beside the CSV. */
export const dictionary: Record<string, string> = {
  id: 'Stable identifier of the recommendation in this register (UUID).',
  document: 'Symbol of the UN document that contains the recommendation (e.g. A/HRC/59/15).',
  paragraph: 'Paragraph number in that document.',
  body: 'Code of the UN body or mechanism that issued it.',
  position: "The State's position: supported, supported_in_part, noted, pending, or empty.",
  status: 'Implementation status code, when the State has published its follow-up; empty otherwise.',
  text: 'The recommendation in the requested language, else its original language.',
  text_language: 'Language of the text (ISO 639-1).',
  url: 'Its public page.',
};

function licence(locale: Locale, base: string) {
  const t = translatorFor(locale);
  return { licence: t('public.footer.licence'), citation: `${t('public.siteName')}, ${base}/public/${locale}/` };
}

async function rows(db: Database, locale: Locale, base: string) {
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

export async function registerJson(db: Database, locale: Locale, base: string) {
  return {
    ...licence(locale, base),
    dictionary,
    generated: new Date().toISOString(),
    items: await rows(db, locale, base),
  };
}

/** CSV with a byte-order mark; the licence and citation as the last two lines, after the data. */
export async function registerCsv(db: Database, locale: Locale, base: string): Promise<string> {
  const items = await rows(db, locale, base);
  const columns = Object.keys(dictionary) as (keyof (typeof items)[number])[];
  const { licence: text, citation } = licence(locale, base);
  return `\uFEFF${[
    columns.join(','),
    ...items.map((item) => columns.map((column) => csvCell(item[column])).join(',')),
    csvCell(`# ${text}`),
    csvCell(`# ${citation}`),
  ].join('\r\n')}\r\n`;
}

/** XLSX: the register on its first sheet; the licence, citation and data dictionary on the second. */
export async function registerXlsx(db: Database, locale: Locale, base: string): Promise<Buffer> {
  const items = await rows(db, locale, base);
  const columns = Object.keys(dictionary) as (keyof (typeof items)[number])[];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('recommendations');
  sheet.addRow(columns);
  for (const item of items) sheet.addRow(columns.map((column) => item[column]));
  const about = workbook.addWorksheet('about');
  const { licence: text, citation } = licence(locale, base);
  about.addRow([text]);
  about.addRow([citation]);
  about.addRow([]);
  for (const [column, meaning] of Object.entries(dictionary)) about.addRow([column, meaning]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
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
    description: licence(locale, base).licence,
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
<rights>${x(licence(locale, base).licence)}</rights>
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
