import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { type Executor, systemActor } from '../http/context';
import { readXlsxSheets } from '../lib/tabular/xlsx';
import { recordAudit } from '../modules/audit/audit.service';
import { detectFormat, fold, numberOf, planObservationImport } from '../modules/indicators/observation-import';

const whoFile = 'who-maternal-mortality-ratio-sdg-3-1-1-2023.xlsx';
const birthsFile = 'who-births-and-women-reproductive-age.xlsx';
const readData = (name: string) => readFile(new URL(`./data/indicators/${name}`, import.meta.url));

/**
 * The municipal process indicator's places and the fixed factor each applies to the national
 * general fertility rate (see municipalValues). Illustrative, documented in data/README.md.
 */
const municipalFactors = [
  { code: 'SI-061', factor: 0.97 }, // Ljubljana
  { code: 'SI-070', factor: 0.91 }, // Maribor
  { code: 'SI-080', factor: 1.06 }, // Murska Sobota, Prekmurje, where most Roma settlements are
] as const;

interface DemoIndicator {
  code: string;
  title: string;
  description: string;
  type: 'process' | 'outcome';
  unit: string;
  frequency: 'annual';
  owner: string;
  byPlace: boolean;
  sdgCodes: string[];
  target: { value: number; year: number } | null;
  /** Words of the recommendations it measures (English text, any of them), and how many. */
  measures: { patterns: string[]; count: number };
}

const maternalMortality: DemoIndicator = {
  code: 'SDG 3.1.1',
  title: 'Maternal mortality ratio',
  description:
    'Maternal deaths per 100 000 live births, WHO/UNICEF/UNFPA/World Bank/UNDESA Population Division estimates with their uncertainty interval, as published on the WHO data portal.',
  type: 'outcome',
  unit: 'per 100 000 live births',
  frequency: 'annual',
  owner: 'MZ',
  byPlace: false,
  sdgCodes: ['3.1.1'],
  target: { value: 70, year: 2030 },
  measures: { patterns: ['%maternal%', '%reproductive health%', '%right to health%', '%health care%'], count: 3 },
};

const birthSupport: DemoIndicator = {
  code: 'SI-LRG-01',
  title: 'Births supported by the municipal birth grant',
  description:
    'Births for which the municipality paid its one-off birth grant, per 1 000 women aged 15–49 living in it. Demo values: derived from WHO’s national births and women of reproductive age for Slovenia by a fixed factor per municipality, not official statistics.',
  type: 'process',
  unit: 'per 1 000 women aged 15–49',
  frequency: 'annual',
  owner: 'MDDSZ',
  byPlace: true,
  sdgCodes: ['3.7.2'],
  target: null,
  measures: { patterns: ['%Roma%health%', '%Roma%women%', '%Roma%'], count: 3 },
};

/** Slovenia's rows of WHO's births and women 15–49 file: the national general fertility rate by year. */
async function nationalFertility(): Promise<{ year: number; rate: number }[]> {
  const sheets = await readXlsxSheets(await readData(birthsFile), birthsFile);
  const table = sheets.find((sheet) => detectFormat(sheet.header) === 'who');
  if (!table) throw new Error(`${birthsFile}: no WHO data sheet`);
  const column = (name: string) => table.header.findIndex((title) => fold(title) === fold(name));
  const [indicator, year, iso3, value] = ['Indicator', 'Year', 'Country ISO 3 code', 'Value Numeric'].map(column);
  const byYear = new Map<number, { births?: number; women?: number }>();
  for (const row of table.rows) {
    if (row[iso3 as number] !== 'SVN') continue;
    const at = Number(row[year as number]);
    const amount = numberOf(row[value as number]);
    const name = String(row[indicator as number] ?? '');
    if (!Number.isInteger(at) || amount === null) continue;
    const entry = byYear.get(at) ?? {};
    if (/^Number of births/i.test(name)) entry.births = amount;
    if (/^Women of reproductive age/i.test(name)) entry.women = amount;
    byYear.set(at, entry);
  }
  return [...byYear.entries()]
    .filter(([, entry]) => entry.births !== undefined && entry.women !== undefined)
    .map(([at, entry]) => ({ year: at, rate: ((entry.births as number) / (entry.women as number)) * 1000 }))
    .sort((a, b) => a.year - b.year);
}

/** Each municipality's value: the national rate times its factor, to one decimal. */
export function municipalValues(national: { year: number; rate: number }[]) {
  return municipalFactors.flatMap(({ code, factor }) =>
    national.map(({ year, rate }) => ({ code, year, value: Math.round(rate * factor * 10) / 10 })),
  );
}

async function insertIndicator(trx: Executor, spec: DemoIndicator, idOf: Map<string, string>) {
  const owner = idOf.get(spec.owner);
  if (!owner) throw new Error(`demo indicators: no entity ${spec.owner}`);
  const measured = await trx
    .selectFrom('recommendations as r')
    .innerJoin('reviews as v', 'v.id', 'r.review_id')
    .select('r.id')
    .where(sql<boolean>`r.text_en ilike any (${sql.val(spec.measures.patterns)}::text[])`)
    .orderBy(sql`v.review_date desc nulls last`)
    .orderBy('r.number_sort')
    .orderBy('r.id')
    .limit(spec.measures.count)
    .execute();
  const row = await trx
    .insertInto('indicators')
    .values({
      code: spec.code,
      title: spec.title,
      description: spec.description,
      type: spec.type,
      unit: spec.unit,
      target_value: spec.target?.value ?? null,
      target_year: spec.target?.year ?? null,
      frequency: spec.frequency,
      owner_entity_id: owner,
      dimensions: JSON.stringify([]),
      by_place: spec.byPlace,
      sdg_codes: spec.sdgCodes,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (measured.length > 0)
    await trx
      .insertInto('indicator_recommendations')
      .values(measured.map((r) => ({ indicator_id: row.id, recommendation_id: r.id })))
      .execute();
  return { ...row, recommendationIds: measured.map((r) => r.id) };
}

/**
 * Seeds two real indicators once the register is filled: WHO's maternal mortality ratio with
 * Slovenia's observations read from the WHO export through the module's own import planner, and
 * a municipal process indicator for three municipalities (values derived as documented above).
 * In one transaction; a second run finds the codes and adds nothing. Reminders are scheduled once
 * the job queue runs (demo-reminders.ts).
 */
export async function seedDemoIndicators(db: Database): Promise<void> {
  const existing = await db
    .selectFrom('indicators')
    .select('code')
    .where('code', 'in', [maternalMortality.code, birthSupport.code])
    .execute();
  if (existing.length > 0) return;
  const whoData = await readData(whoFile);
  const sheets = await readXlsxSheets(whoData, whoFile);
  const whoTable = sheets.find((sheet) => detectFormat(sheet.header) === 'who');
  if (!whoTable) throw new Error(`${whoFile}: no WHO data sheet`);
  const fertility = await nationalFertility();
  const actor = systemActor('demo-seed');
  await db.transaction().execute(async (trx) => {
    const entities = await trx
      .selectFrom('entities')
      .select(['id', 'acronym', 'subdivision_code', 'name'])
      .where((eb) => eb.or([eb('acronym', 'is not', null), eb('subdivision_code', 'is not', null)]))
      .execute();
    const idOf = new Map<string, string>();
    for (const entity of entities) {
      if (entity.subdivision_code) idOf.set(entity.subdivision_code, entity.id);
      if (entity.acronym && !idOf.has(entity.acronym)) idOf.set(entity.acronym, entity.id);
    }

    const mmr = await insertIndicator(trx, maternalMortality, idOf);
    const planned = planObservationImport({
      file: whoFile,
      table: whoTable,
      indicator: {
        code: mmr.code,
        title: mmr.title,
        unit: mmr.unit,
        sdgCodes: mmr.sdg_codes,
        dimensions: [],
        byPlace: false,
      },
      existing: [],
      lrgs: [],
      iso3: 'SVN',
      mayEnter: () => true,
    });
    if (planned.issues.length > 0 || planned.rows.length === 0)
      throw new Error(`demo indicators: ${whoFile} did not plan (${JSON.stringify(planned.issues.slice(0, 3))})`);
    const whoRows = planned.rows.map((row) => ({
      indicator_id: mmr.id,
      place_entity_id: null,
      period_start: row.periodStart,
      period_end: row.periodEnd,
      value: row.value,
      lower_bound: row.lowerBound,
      upper_bound: row.upperBound,
      disaggregation: JSON.stringify({}),
      source: row.source ?? 'WHO data portal (data.who.int)',
    }));

    const lrg = await insertIndicator(trx, birthSupport, idOf);
    const lrgRows = municipalValues(fertility).map(({ code, year, value }) => {
      const place = idOf.get(code);
      if (!place) throw new Error(`demo indicators: no municipality ${code}`);
      return {
        indicator_id: lrg.id,
        place_entity_id: place,
        period_start: `${year}-01-01`,
        period_end: `${year}-12-31`,
        value,
        lower_bound: null,
        upper_bound: null,
        disaggregation: JSON.stringify({}),
        source: 'Demo: WHO national births and women aged 15–49 × a fixed municipal factor',
      };
    });
    const inserted = await trx
      .insertInto('observations')
      .values([...whoRows, ...lrgRows])
      .returning(['id', 'indicator_id'])
      .execute();

    for (const indicator of [mmr, lrg]) {
      const { recommendationIds, ...row } = indicator;
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'indicator',
        recordId: row.id,
        after: {
          code: row.code,
          title: row.title,
          type: row.type,
          unit: row.unit,
          ownerEntityId: row.owner_entity_id,
          sdgCodes: row.sdg_codes,
          recommendationIds,
          observations: inserted.filter((o) => o.indicator_id === row.id).length,
        },
      });
    }
  });
}
