import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Locale, languageName } from '../../../shared/i18n/locales';
import type { RecommendationSearch } from '../../../shared/schemas/register';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { localize } from '../../lib/language';
import { everything, scopeOf } from '../assignments/scope';
import { findBodies, findCountryNames, findTermsById, findTermsOf } from './labels.repo';
import { requireCan } from './register.guard';
import { findPage, type SearchRow } from './search.repo';

/** Exports stop here: a larger register is exported in parts, by filtering. */
export const exportRowLimit = 100_000;
const batch = 1000;

const localeOf = (actor: Actor, query: RecommendationSearch): Locale => query.lang ?? actor.locale;

/** The columns, each a catalogue key, so that the file speaks the reader's language. */
const columns = [
  'registerExport.number',
  'registerExport.document',
  'registerExport.body',
  'registerExport.cycle',
  'registerExport.recommendation',
  'registerExport.language',
  'registerExport.recommendingStates',
  'registerExport.position',
  'registerExport.status',
  'registerExport.themes',
  'registerExport.sdgTargets',
] as const;

const headersIn = (locale: Locale) => {
  const t = translatorFor(locale);
  return columns.map((column) => t(column));
};

/**
 * Rows as a person reads them: positions, statuses and languages by their names in the export's
 * language, never the codes the database keeps ("supported", "not_started", "en").
 */
async function* exportRows(db: Database, actor: Actor, query: RecommendationSearch): AsyncGenerator<string[]> {
  const locale = localeOf(actor, query);
  const t = translatorFor(locale);
  const scope = actor.user ? await scopeOf(db, actor.user) : everything;
  const bodies = await findBodies(db);
  const mechanismBodies = query.mechanism?.length
    ? bodies.filter((b) => query.mechanism?.includes(b.mechanism)).map((b) => b.code)
    : undefined;
  const statusLabels = new Map(
    (await findTermsOf(db, 'status')).map((term) => [term.code, localize(term.label, locale) || term.code]),
  );
  const themeLabels = new Map<number, string>();
  for (let page = 1; (page - 1) * batch < exportRowLimit; page++) {
    const rows: SearchRow[] = await findPage(
      db,
      { ...query, q: query.q, page, pageSize: batch, sort: query.q ? query.sort : 'number' },
      locale as never,
      mechanismBodies,
      scope,
    );
    const missing = [...new Set(rows.flatMap((row) => row.theme_ids))].filter((id) => !themeLabels.has(id));
    for (const term of await findTermsById(db, missing))
      themeLabels.set(term.id, localize(term.label, locale) || term.code);
    const countries = await findCountryNames(
      db,
      [...new Set(rows.flatMap((row) => row.recommending_states))].filter((c) => /^[A-Z]{2}$/.test(c)),
    );
    for (const row of rows) {
      yield [
        row.number ?? '',
        row.symbol ?? '',
        row.body_code,
        row.cycle?.toString() ?? '',
        row.text ?? '',
        languageName(row.text_lang, locale),
        row.recommending_states.map((state) => localize(countries.get(state), locale) || state).join('; '),
        row.position ? t(`register.position.${row.position}`) : '',
        statusLabels.get(row.status) ?? row.status,
        row.theme_ids.map((id) => themeLabels.get(id) ?? '').join('; '),
        row.sdg_targets.join('; '),
      ];
    }
    if (rows.length < batch) return;
  }
}

export function csvCell(value: string): string {
  // Cells that a spreadsheet would run as a formula are prefixed with a quote (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Runs the export's first query (scope, labels, first page) before anything is sent: bad input or
 * a failing query then answers with its status (4xx), never a 200 followed by a broken download.
 */
async function openRows(db: Database, actor: Actor, query: RecommendationSearch): Promise<AsyncGenerator<string[]>> {
  const rows = exportRows(db, actor, query);
  const first = await rows.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* rows;
  })();
}

/** What a failure after the headers were sent does: the caller logs it; the file ends with a line saying so. */
export type ExportFailure = (error: unknown) => void;
const incomplete = (locale: Locale, count: number) => translatorFor(locale)('registerExport.incomplete', { count });

/** The current view as CSV (UTF-8 with BOM so that Excel reads the accents), streamed. */
export async function exportCsv(
  db: Database,
  actor: Actor,
  query: RecommendationSearch,
  onFailure: ExportFailure,
): Promise<Readable> {
  requireCan(actor, 'read');
  const rows = await openRows(db, actor, query);
  const out = new PassThrough();
  (async () => {
    out.write(`\uFEFF${headersIn(localeOf(actor, query)).map(csvCell).join(',')}\r\n`);
    let count = 0;
    try {
      for await (const row of rows) {
        out.write(`${row.map(csvCell).join(',')}\r\n`);
        count++;
      }
    } catch (error) {
      // Headers are gone: the response still ends as a whole file, its last line saying it is cut short.
      onFailure(error);
      out.write(`${csvCell(incomplete(localeOf(actor, query), count))}\r\n`);
    }
    out.end();
  })().catch((error) => {
    onFailure(error);
    out.destroy(error);
  });
  return out;
}

/** The current view as an XLSX workbook, streamed with ExcelJS's writer. */
export async function exportXlsx(
  db: Database,
  actor: Actor,
  query: RecommendationSearch,
  onFailure: ExportFailure,
): Promise<Readable> {
  requireCan(actor, 'read');
  const rows = await openRows(db, actor, query);
  const out = new PassThrough();
  (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const locale = localeOf(actor, query);
    const sheet = workbook.addWorksheet(translatorFor(locale)('registerExport.sheet'), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = headersIn(locale).map((header, index) => ({
      header,
      key: String(index),
      width: index === 4 ? 80 : 18,
    }));
    sheet.getRow(1).font = { bold: true };
    let count = 0;
    try {
      for await (const row of rows) {
        sheet.addRow(row).commit();
        count++;
      }
    } catch (error) {
      // Headers are gone: the workbook is still finished, its last row saying it is cut short.
      onFailure(error);
      sheet.addRow([incomplete(locale, count)]).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => {
    onFailure(error);
    out.destroy(error);
  });
  return out;
}
