/**
 * Import of one indicator's observations from a table, in one of two layouts: the WHO data
 * portal's export (`Indicator, Year, Country ISO 3 code, Country, …, Value Numeric, Value low,
 * Value high`: the chosen country's rows become national observations), or a city's Voluntary
 * Local Review table (`SDG indicator code, Year, Value, Unit, Place`, any dimension columns).
 * Each row is checked as the form's route checks one observation; each problem names its row
 * and the file's own column. Pure: no database; the service loads and writes.
 */
import type { ErrorIssue } from '../../../shared/errors';
import type { IndicatorDimension } from '../../db/schema';
import { checkDisaggregation, disaggregationKey, overlaps, sameUnit } from './observation-rules';

type Cell = string | number | Date | boolean | undefined;
export type ImportFormat = 'who' | 'vlr';
export const maxObservationRows = 20_000;

export interface ImportIndicator {
  code: string;
  title: string;
  unit: string;
  sdgCodes: string[];
  dimensions: IndicatorDimension[];
  byPlace: boolean;
}

export interface ExistingObservation {
  id: string;
  place_entity_id: string | null;
  period_start: string;
  period_end: string;
  value: number;
  lower_bound: number | null;
  upper_bound: number | null;
  disaggregation: Record<string, string>;
  source: string | null;
  version: number;
}

export interface Lrg {
  id: string;
  name: string;
  name_local: string | null;
  subdivision_code: string | null;
}

export interface PlannedObservation {
  row: number;
  action: 'create' | 'update' | 'skip';
  existing: { id: string; version: number } | null;
  periodStart: string;
  periodEnd: string;
  placeId: string | null;
  placeName: string | null;
  disaggregation: Record<string, string>;
  value: number;
  lowerBound: number | null;
  upperBound: number | null;
  source: string | null;
}

export interface ObservationImportPlanned {
  format: ImportFormat;
  rows: PlannedObservation[];
  ignored: number;
  issues: ErrorIssue[];
}

export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

type Field =
  | 'indicator'
  | 'year'
  | 'start'
  | 'end'
  | 'country'
  | 'value'
  | 'lower'
  | 'upper'
  | 'unit'
  | 'place'
  | 'source';
const aliases: Record<ImportFormat, Partial<Record<Field, string[]>>> = {
  who: {
    indicator: ['indicator'],
    year: ['year'],
    country: ['country iso 3 code'],
    value: ['value numeric'],
    lower: ['value low'],
    upper: ['value high'],
  },
  vlr: {
    indicator: ['sdg indicator code', 'sdg indicator', 'indicator code', 'sdg code', 'indicator', 'code'],
    year: ['year'],
    start: ['period start', 'start', 'from'],
    end: ['period end', 'end', 'to'],
    value: ['value', 'value numeric'],
    lower: ['lower bound', 'lower', 'value low'],
    upper: ['upper bound', 'upper', 'value high'],
    unit: ['unit', 'units', 'unit of measure'],
    place: ['place', 'city', 'municipality', 'lrg', 'location', 'territory'],
    source: ['source'],
  },
};
const builtinHeaders: Record<string, string[]> = {
  sex: ['sex', 'gender'],
  age_group: ['age group', 'age'],
  disability: ['disability', 'disability status'],
};
const nationalWords = new Set(['', 'national', 'national total', 'country', 'total']);

function text(value: Cell): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).replace(/\s+/g, ' ').trim();
}

/** A number from a cell: a number, or text of one ("3.5", "1 250", "-2"); anything else is null. */
export function numberOf(value: Cell): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const t = text(value).replace(/[\s\u00a0\u202f]/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : null;
}

function dateOf(value: Cell): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const t = text(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return null;
  const d = new Date(`${t}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== t ? null : t;
}

/** Which layout the header is: WHO's has `Value Numeric` and the ISO 3 code; any table with a value is a VLR's. */
export function detectFormat(header: string[]): ImportFormat | null {
  const names = new Set(header.map(fold));
  if (names.has('value numeric') && names.has('country iso 3 code')) return 'who';
  if (names.has('value') || names.has('value numeric')) return 'vlr';
  return null;
}

/** The unit a WHO indicator name carries in its last parentheses, leaving out "(SDG 3.1.1)". */
export function whoUnit(name: string): string | null {
  const groups = [...name.matchAll(/\(([^()]*)\)/g)].map((m) => (m[1] ?? '').trim()).filter((g) => !/^SDG\b/i.test(g));
  return groups.at(-1) ?? null;
}

export function planObservationImport(input: {
  file: string;
  table: { header: string[]; rows: Cell[][] };
  indicator: ImportIndicator;
  existing: readonly ExistingObservation[];
  lrgs: readonly Lrg[];
  /** WHO rows of this country become national observations. */
  iso3: string | null;
  /** May the importing person enter observations for this place (null: national)? */
  mayEnter: (placeId: string | null) => boolean;
}): ObservationImportPlanned {
  const { file, table, indicator } = input;
  const format = detectFormat(table.header);
  if (!format)
    return {
      format: 'vlr',
      rows: [],
      ignored: 0,
      issues: [{ file, column: 'Value', message: 'issues.missingColumn' }],
    };
  const columnOf = new Map<Field, number>();
  table.header.forEach((title, index) => {
    const key = fold(title);
    for (const [field, names] of Object.entries(aliases[format]) as [Field, string[]][])
      if (names.includes(key) && !columnOf.has(field)) columnOf.set(field, index);
  });
  const dimensionColumns: { key: string; index: number }[] = [];
  table.header.forEach((title, index) => {
    const key = fold(title);
    const defined = indicator.dimensions.find(
      (d) => fold(d.key) === key || (d.label && fold(d.label) === key) || builtinHeaders[d.key]?.includes(key),
    );
    const builtin = Object.entries(builtinHeaders).find(([, names]) => names.includes(key))?.[0];
    if (defined) dimensionColumns.push({ key: defined.key, index });
    else if (builtin) dimensionColumns.push({ key: builtin, index });
  });
  const label = (field: Field) => table.header[columnOf.get(field) ?? -1] || field;
  const missing = (['value', ...(format === 'who' ? ['year', 'country'] : [])] as Field[]).filter(
    (f) => !columnOf.has(f),
  );
  if (!columnOf.has('year') && !(columnOf.has('start') && columnOf.has('end')) && !missing.includes('year'))
    missing.push('year');
  if (missing.length > 0)
    return {
      format,
      rows: [],
      ignored: 0,
      issues: missing.map((f) => ({ file, column: f, message: 'issues.missingColumn' })),
    };
  if (table.rows.length > maxObservationRows)
    return { format, rows: [], ignored: 0, issues: [{ file, message: 'issues.observationImport.tooManyRows' }] };

  // Which rows are this indicator's: a WHO file may hold several indicators, a VLR table many.
  const ownCodes = new Set([indicator.code, ...indicator.sdgCodes].map(fold));
  const names = new Set(table.rows.map((cells) => text(cells[columnOf.get('indicator') ?? -1])).filter(Boolean));
  const isOurs = (name: string) => {
    if (!columnOf.has('indicator')) return true;
    if (format === 'who') {
      if (names.size <= 1) return true;
      const sdg = /\(SDG ([\d.a-z]+)\)/i.exec(name)?.[1];
      return fold(name) === fold(indicator.title) || (sdg !== undefined && ownCodes.has(fold(sdg)));
    }
    return name === '' || ownCodes.has(fold(name));
  };

  const byName = new Map<string, Lrg[]>();
  for (const lrg of input.lrgs)
    for (const n of [lrg.name, lrg.name_local, lrg.subdivision_code])
      if (n) byName.set(fold(n), [...(byName.get(fold(n)) ?? []), lrg]);
  const existingByKey = new Map<string, ExistingObservation[]>();
  const keyOf = (placeId: string | null, d: Record<string, string>) =>
    `${placeId ?? 'national'}|${disaggregationKey(d)}`;
  for (const o of input.existing) {
    const key = keyOf(o.place_entity_id, o.disaggregation);
    existingByKey.set(key, [...(existingByKey.get(key) ?? []), o]);
  }
  const inFile = new Map<string, { start: string; end: string; row: number }[]>();

  const issues: ErrorIssue[] = [];
  const rows: PlannedObservation[] = [];
  let ignored = 0;
  const periodColumn = columnOf.has('year') ? label('year') : label('start');
  table.rows.forEach((cells, index) => {
    const row = index + 2;
    const get = (field: Field) => cells[columnOf.get(field) ?? -1];
    if (cells.every((cell) => text(cell) === '')) return;
    const name = text(get('indicator'));
    if (!isOurs(name) || (format === 'who' && text(get('country')).toUpperCase() !== input.iso3)) {
      ignored++;
      return;
    }
    const before = issues.length;
    const problem = (column: string, message: string) => issues.push({ row, column, message });

    let periodStart: string | null = null;
    let periodEnd: string | null = null;
    if (columnOf.has('year') && text(get('year'))) {
      const year = numberOf(get('year'));
      if (year !== null && Number.isInteger(year) && year >= 1900 && year <= 2200) {
        periodStart = `${year}-01-01`;
        periodEnd = `${year}-12-31`;
      } else problem(label('year'), 'issues.observationImport.badYear');
    } else if (columnOf.has('start') && columnOf.has('end')) {
      periodStart = dateOf(get('start'));
      periodEnd = dateOf(get('end'));
      if (!periodStart) problem(label('start'), 'issues.observationImport.badDate');
      if (!periodEnd) problem(label('end'), 'issues.observationImport.badDate');
      if (periodStart && periodEnd && periodEnd < periodStart) problem(label('end'), 'issues.observation.periodOrder');
    } else problem(periodColumn, 'issues.required');

    const valueText = text(get('value'));
    const value = numberOf(get('value'));
    if (!valueText) problem(label('value'), 'issues.required');
    else if (value === null) problem(label('value'), 'issues.observationImport.notNumeric');
    const bound = (field: 'lower' | 'upper') => {
      if (!text(get(field))) return null;
      const n = numberOf(get(field));
      if (n === null) problem(label(field), 'issues.observationImport.notNumeric');
      return n;
    };
    const lowerBound = bound('lower');
    const upperBound = bound('upper');
    if (value !== null && lowerBound !== null && lowerBound > value)
      problem(label('lower'), 'issues.observation.lowerAboveValue');
    if (value !== null && upperBound !== null && upperBound < value)
      problem(label('upper'), 'issues.observation.upperBelowValue');

    const unit = format === 'who' ? whoUnit(name) : text(get('unit'));
    if (unit && !sameUnit(unit, indicator.unit))
      problem(format === 'who' ? label('indicator') : label('unit'), 'issues.observationImport.unitMismatch');

    let placeId: string | null = null;
    let placeName: string | null = null;
    const placeText = format === 'vlr' ? text(get('place')) : '';
    if (!nationalWords.has(fold(placeText))) {
      const found = byName.get(fold(placeText)) ?? [];
      if (found.length === 1 && found[0]) {
        placeId = found[0].id;
        placeName = found[0].name;
        if (!indicator.byPlace) problem(label('place'), 'issues.observation.nationalOnly');
      } else problem(label('place'), `issues.observationImport.${found.length ? 'ambiguous' : 'unknown'}Place`);
    }
    if (issues.length === before && !input.mayEnter(placeId))
      problem(format === 'who' ? label('country') : label('place'), 'issues.observationImport.notYourPlace');

    const given: Record<string, string> = {};
    for (const { key, index: col } of dimensionColumns) {
      const v = text(cells[col]);
      if (v) given[key] = v;
    }
    const checked = checkDisaggregation(indicator.dimensions, given);
    for (const p of checked.problems) {
      const col = dimensionColumns.find((d) => d.key === p.key)?.index ?? -1;
      problem(table.header[col] || p.key, p.message);
    }
    if (issues.length > before || periodStart === null || periodEnd === null || value === null) return;

    const key = keyOf(placeId, checked.value);
    const period = { start: periodStart, end: periodEnd };
    const clash = (inFile.get(key) ?? []).find((other) => overlaps(other, period));
    if (clash) {
      problem(periodColumn, 'issues.observationImport.overlapInFile');
      return;
    }
    inFile.set(key, [...(inFile.get(key) ?? []), { ...period, row }]);
    const stored = existingByKey.get(key) ?? [];
    const same = stored.find((o) => o.period_start === periodStart && o.period_end === periodEnd);
    if (!same && stored.some((o) => overlaps({ start: o.period_start, end: o.period_end }, period))) {
      problem(periodColumn, 'issues.observation.overlap');
      return;
    }
    const source =
      (format === 'vlr' ? text(get('source')) : '') ||
      (format === 'who' ? `WHO data portal: ${name || indicator.title}` : file);
    const unchanged =
      same &&
      Number(same.value) === value &&
      same.lower_bound === lowerBound &&
      same.upper_bound === upperBound &&
      same.source === source;
    rows.push({
      row,
      action: same ? (unchanged ? 'skip' : 'update') : 'create',
      existing: same ? { id: same.id, version: same.version } : null,
      periodStart,
      periodEnd,
      placeId,
      placeName,
      disaggregation: checked.value,
      value,
      lowerBound,
      upperBound,
      source,
    });
  });
  if (rows.length === 0 && issues.length === 0)
    issues.push({ file, column: label('indicator'), message: 'issues.observationImport.noRows' });
  return { format, rows, ignored, issues };
}
