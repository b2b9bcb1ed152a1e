/**
 * Regenerates tests/fixtures from the project's shared real data (../shared/data, or --data):
 * small files are copied unchanged; the UPR Info CSV exports (8 MB) are sampled, rows kept
 * byte for byte (Mac Roman, CR line ends) in their original order. The sample is deterministic:
 * the rows the tests need (see keepRows) plus every 50th row, so a rerun writes the same bytes.
 *
 *   npx tsx scripts/sample-fixtures.ts [--data ../shared/data]
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data' } } });
const data = resolve(values.data!);
const fixtures = resolve(import.meta.dirname, '..', 'tests', 'fixtures');

/** Files the tests read whole: copied unchanged. */
const copies = [
  'concluding-observations/CERD_C_BRA_CO_18-20_en.pdf',
  'concluding-observations/CRPD_C_DEU_CO_2-3_en.pdf',
  'concluding-observations/CRPD_C_GRC_CO_1_es.pdf',
  'concluding-observations/CRPD_C_KAZ_CO_1_ar.pdf',
  'concluding-observations/CRPD_C_NOR_CO_1_fr.pdf',
  'countries/country-codes.csv',
  'indicators/who-births-and-women-reproductive-age.xlsx',
  'ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx',
  'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx',
  'state-reports/A_HRC_WG.6_34_SVN_1_national-report.pdf',
  'parsing-gold/upr-paragraph-countries-options.json',
  'parsing-gold/upr-paragraph-countries.json',
  'parsing-gold/upr-paragraph-numbers.json',
  'parsing-gold/upr-paragraph-text.json',
  'upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf',
  'upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf',
];

/** The UPR Info exports: sampled to `<name>.sample.csv`. */
const samples = [
  'upr-info/upr-info-sessions-1-5.csv',
  'upr-info/upr-info-sessions-6-9.csv',
  'upr-info/upr-info-sessions-10-13.csv',
  'upr-info/upr-info-sessions-14-17.csv',
  'upr-info/upr-info-voluntary-pledges.csv',
];

const spread = 50;

interface Row {
  raw: string;
  fields: Record<string, string>;
}

/** The data rows of a UPR Info export, each with its exact bytes (latin1 maps byte to char one to one). */
function readRows(file: string): { header: string; rows: Row[] } {
  const text = readFileSync(file).toString('latin1');
  const records = parse(text, { columns: true, raw: true, relax_column_count: true }) as {
    record: Record<string, string>;
    raw: string;
  }[];
  const header = text.slice(0, text.indexOf('\r'));
  // raw carries the record's line end, except on the last line (the files do not end with one).
  return { header, rows: records.map((r) => ({ raw: r.raw.replace(/\r$/, ''), fields: r.record })) };
}

/**
 * The rows the tests rely on: the first ten (exact-row and broken-quote tests), both rows of
 * every exact duplicate, the first row of each reviewed State and session (one review each), of
 * each recommending State (State-name matching), of each response, action category and issue
 * label, of each non-ASCII byte (Mac Roman decoding) and of an HTML entity ("&#40;Unknown&#41;").
 */
function keepRows(rows: Row[]): Set<number> {
  const keep = new Set<number>();
  const firsts = new Set<string>();
  const first = (key: string, i: number) => {
    if (firsts.has(key)) return;
    firsts.add(key);
    keep.add(i);
  };
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    if (i < 10 || i % spread === 0) keep.add(i);
    const earlier = seen.get(row.raw);
    if (earlier === undefined) seen.set(row.raw, i);
    else keep.add(earlier).add(i);
    const f = row.fields;
    first(`review ${f.To} ${f.Session}`, i);
    first(`from ${f.From}`, i);
    first(`response ${f.Response}`, i);
    first(`action ${f.Action}`, i);
    for (const issue of (f.Issue ?? '').split(',')) first(`issue ${issue.trim()}`, i);
    for (const char of row.raw) if (char.charCodeAt(0) > 0x7f) first(`byte ${char}`, i);
    if (row.raw.includes('&#')) first('entity', i);
  });
  return keep;
}

function write(relative: string, bytes: Buffer) {
  const target = join(fixtures, relative);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}

for (const relative of copies) {
  mkdirSync(dirname(join(fixtures, relative)), { recursive: true });
  copyFileSync(join(data, relative), join(fixtures, relative));
}

for (const relative of samples) {
  const { header, rows } = readRows(join(data, relative));
  const keep = keepRows(rows);
  const kept = rows.filter((_, i) => keep.has(i)).map((r) => r.raw);
  const target = relative.replace(/\.csv$/, '.sample.csv');
  write(target, Buffer.from([header, ...kept].join('\r'), 'latin1'));
  console.log(`${target}: ${kept.length} of ${rows.length} rows`);
}
