/**
 * Adds the UNTERM short and formal names in the six UN languages to
 * src/server/seed/data/countries.json, from the datasets/country-codes CSV (ODC-PDDL), exactly as
 * UNTERM writes them ("Venezuela (Bolivarian Republic of)", "the Bolivarian Republic of
 * Venezuela", "Royaume-Uni … (le)"): the importer's country matcher reads every one of them. The
 * display names (`name`) and the other fields are kept as they are.
 *
 *   npx tsx scripts/derive-countries.ts [--data ../shared/data]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data' } } });
const csv = join(resolve(values.data!), 'countries', 'country-codes.csv');
const target = resolve(import.meta.dirname, '..', 'src', 'server', 'seed', 'data', 'countries.json');

const languages = { ar: 'Arabic', en: 'English', es: 'Spanish', fr: 'French', ru: 'Russian', zh: 'Chinese' } as const;
type Lang = keyof typeof languages;

const rows: Record<string, string>[] = parse(readFileSync(csv, 'utf8'), { columns: true, bom: true });
const byIso2 = new Map(rows.map((row) => [row['ISO3166-1-Alpha-2'], row]));
const countries: { iso2: string; unterm?: unknown }[] = JSON.parse(readFileSync(target, 'utf8'));

const namesOf = (row: Record<string, string>, kind: 'Short' | 'Formal') => {
  const names: Partial<Record<Lang, string>> = {};
  for (const [lang, column] of Object.entries(languages) as [Lang, string][]) {
    const name = row[`UNTERM ${column} ${kind}`]?.trim();
    if (name) names[lang] = name;
  }
  return names;
};

let added = 0;
for (const country of countries) {
  const row = byIso2.get(country.iso2);
  if (!row) throw new Error(`${country.iso2} is not in ${csv}`);
  const short = namesOf(row, 'Short');
  const formal = namesOf(row, 'Formal');
  delete country.unterm;
  if (Object.keys(short).length || Object.keys(formal).length) {
    country.unterm = { short, formal };
    added++;
  }
}
writeFileSync(target, `${JSON.stringify(countries, null, 2)}\n`);
console.log(`${countries.length} countries, ${added} with UNTERM names`);
