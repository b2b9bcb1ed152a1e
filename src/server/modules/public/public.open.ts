import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/i18n/locales';
import { datasetColumns } from '../../../shared/schemas/public';
import type { Database } from '../../db/database';
import { translatorFor } from '../../i18n';
import { narrativeText } from '../progress/sanitize';
import { csvCell } from '../register/export.service';
import { findOpenIndicators, findOpenObservations, findOpenProgress } from './public.open.repo';

// The three open-data tables (the register, its progress, its indicators) in one shape: named
// columns, a data dictionary in the reader's language, the licence and the citation. Each table is
// written as CSV (licence and citation as the last lines), JSON (with the dictionary) and XLSX
// (a second sheet "about"). Stable identifiers: the UN symbol and paragraph beside every uuid.

export { datasetColumns };

export type Dataset = keyof typeof datasetColumns;
export const datasets = Object.keys(datasetColumns) as Dataset[];
export type Cell = string | number | null;
export type Row = Record<string, Cell>;

const maxRows = 100_000;

/** What each column of a table holds, in the reader's language. */
export function dictionaryOf(dataset: Dataset, locale: Locale): Record<string, string> {
  const t = translatorFor(locale);
  return Object.fromEntries(
    datasetColumns[dataset].map((column) => [column, t(`public.data.dict.${dataset}.${column}`)]),
  );
}

export function licenceOf(locale: Locale, base: string) {
  const t = translatorFor(locale);
  return { licence: t('public.footer.licence'), citation: `${t('public.siteName')}, ${base}/public/${locale}/` };
}

/** The stable identifier of a UN text, as the portal's URL names it. */
export const documentPath = (locale: Locale, symbol: string | null, paragraph: string | null) =>
  symbol && paragraph
    ? `/public/${locale}/documents/${encodeURIComponent(symbol)}/${encodeURIComponent(paragraph)}`
    : null;

export async function progressRows(db: Database, locale: Locale, base: string): Promise<Row[]> {
  const updates = await findOpenProgress(db, maxRows);
  return updates.map((update) => ({
    id: update.id,
    recommendation_id: update.recommendation_id,
    document: update.symbol ?? '',
    paragraph: update.number ?? '',
    entity_id: update.entity_id,
    entity: update.entity_name,
    entity_kind: update.entity_kind,
    period_start: update.period_start ?? '',
    period_end: update.period_end ?? '',
    status: update.proposed_status ?? '',
    validated_on: update.validated_on ?? '',
    narrative: narrativeText(update.narrative ?? ''),
    url: `${base}/public/${locale}/recommendations/${update.recommendation_id}#update-${update.id}`,
  }));
}

/** One row per national observation; an indicator without any has one row with empty period and value. */
export async function indicatorRows(db: Database, locale: Locale, base: string): Promise<Row[]> {
  const indicators = await findOpenIndicators(db);
  const observations = await findOpenObservations(
    db,
    indicators.map((indicator) => indicator.id),
  );
  const byIndicator = new Map<string, typeof observations>();
  for (const observation of observations) {
    const list = byIndicator.get(observation.indicator_id);
    if (list) list.push(observation);
    else byIndicator.set(observation.indicator_id, [observation]);
  }
  return indicators.flatMap((indicator): Row[] => {
    const recommendations = indicator.recommendations
      .map(([, symbol, paragraph]) => [symbol, paragraph].filter(Boolean).join(' ¶ '))
      .join('; ');
    const first = indicator.recommendations[0];
    const common: Row = {
      indicator_id: indicator.id,
      code: indicator.code,
      title: indicator.title,
      type: indicator.type,
      unit: indicator.unit,
      frequency: indicator.frequency,
      owner_id: indicator.owner_entity_id,
      owner: indicator.owner_name,
      baseline_value: indicator.baseline_value,
      baseline_year: indicator.baseline_year,
      target_value: indicator.target_value,
      target_year: indicator.target_year,
      recommendations,
    };
    const url = first ? `${base}/public/${locale}/recommendations/${first[0]}#ind-${indicator.id}` : '';
    const points = byIndicator.get(indicator.id) ?? [];
    if (points.length === 0)
      return [
        {
          ...common,
          period_start: '',
          period_end: '',
          value: null,
          lower_bound: null,
          upper_bound: null,
          source: '',
          url,
        },
      ];
    return points.map((point) => ({
      ...common,
      period_start: point.period_start,
      period_end: point.period_end,
      value: point.value,
      lower_bound: point.lower_bound,
      upper_bound: point.upper_bound,
      source: point.source ?? '',
      url,
    }));
  });
}

export interface Table {
  dataset: Dataset;
  locale: Locale;
  base: string;
  rows: Row[];
}

export function tableJson({ dataset, locale, base, rows }: Table) {
  return {
    ...licenceOf(locale, base),
    dataset,
    dictionary: dictionaryOf(dataset, locale),
    generated: new Date().toISOString(),
    items: rows,
  };
}

const cell = (value: Cell) => (typeof value === 'number' ? String(value) : csvCell(value ?? ''));

/** CSV with a byte-order mark; the licence and citation as the last two lines, after the data. */
export function tableCsv({ dataset, locale, base, rows }: Table): string {
  const columns = datasetColumns[dataset];
  const { licence, citation } = licenceOf(locale, base);
  return `\uFEFF${[
    columns.join(','),
    ...rows.map((row) => columns.map((column) => cell(row[column] ?? null)).join(',')),
    csvCell(`# ${licence}`),
    csvCell(`# ${citation}`),
  ].join('\r\n')}\r\n`;
}

/** XLSX: the table on its first sheet; the licence, citation and data dictionary on the second. */
export async function tableXlsx({ dataset, locale, base, rows }: Table): Promise<Buffer> {
  const columns = datasetColumns[dataset];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(dataset);
  sheet.addRow([...columns]);
  for (const row of rows) sheet.addRow(columns.map((column) => row[column] ?? null));
  const about = workbook.addWorksheet('about');
  const { licence, citation } = licenceOf(locale, base);
  about.addRow([licence]);
  about.addRow([citation]);
  about.addRow([]);
  for (const [column, meaning] of Object.entries(dictionaryOf(dataset, locale))) about.addRow([column, meaning]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
