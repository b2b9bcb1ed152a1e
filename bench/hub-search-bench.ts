import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { searchHub } from '../src/server/modules/hub-search/hub-search.service';
import type { Locale } from '../src/shared/i18n/locales';
import { governmentLevels, hubThemes } from '../src/shared/schemas/hub';
import { type HubSearchQuery, hubSearchQuerySchema } from '../src/shared/schemas/hub-search';
import { systemsOfGovernment } from '../src/shared/schemas/state-profile';
import type { BenchDatabase } from './databases';
import { uprInfoFiles } from './import-bench';
import { distribution, int, ms, type Table, timed } from './table';

// The hub's one search (issue 19 item 7, decision 039) on a hub_documents of `size` rows in six
// languages: English bodies are real UPR recommendations (UPR Info's export), the other languages
// real SDG targets and indicators in their official translations (open-sdg), recombined with a
// seeded generator. Each query is the whole service: matches, the seven facets, the page and its
// extracts, the "did you mean" when nothing matches.

/** Mulberry32: the same corpus on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function uprTexts(dataDir: string): Promise<string[]> {
  const texts: string[] = [];
  for (const file of uprInfoFiles) {
    const text = iconv.decode(await readFile(join(dataDir, file)), 'macintosh').replace(/\r\n?/g, '\n');
    const rows = parse(text, { columns: true, relax_quotes: true, relax_column_count: true }) as { Text?: string }[];
    for (const row of rows) if (row.Text && row.Text.length > 40) texts.push(row.Text.trim());
  }
  return texts;
}

async function sdgTexts(dataDir: string, folder: string): Promise<string[]> {
  const texts: string[] = [];
  for (const file of ['global_targets.yml', 'global_indicators.yml', 'global_goals.yml']) {
    const text = await readFile(join(dataDir, 'sdg', folder, file), 'utf8');
    for (const line of text.split('\n')) {
      const match = /^[\w-]+-(?:title|short): (.+)$/.exec(line);
      if (match?.[1] && match[1].length > 8) texts.push(match[1].replace(/^['"]|['"]$/g, ''));
    }
  }
  return texts;
}

const countries =
  'AR AU BD BF BJ BR CA CL CN CO CR DE DZ EC EG ES ET FJ FR GH GT ID IN JO JP KE KZ MA MX MY NG NP PE PH PK PT PY RU RW SA SE SI SN TN TR UA UG UY VN ZA'.split(
    ' ',
  );
const weightedKinds = [
  'practice',
  'practice',
  'practice',
  'practice',
  'thread',
  'thread',
  'event',
  'profile',
  'network',
];

/** COPY text format: backslash, tab and line ends escaped. */
const cell = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const words = (text: string, count: number) => text.split(/\s+/).slice(0, count).join(' ');
/** A Chinese title: the first characters, there are no spaces to cut at. */
const titleOf = (locale: Locale, text: string) => (locale === 'zh' ? text.slice(0, 28) : words(text, 12));

export async function fillHubDocuments(
  bench: BenchDatabase,
  dataDir: string,
  size: number,
  log: (line: string) => void,
) {
  const texts: Record<Locale, string[]> = {
    en: await uprTexts(dataDir),
    fr: await sdgTexts(dataDir, 'fr'),
    es: await sdgTexts(dataDir, 'es'),
    ru: await sdgTexts(dataDir, 'ru'),
    ar: await sdgTexts(dataDir, 'ar'),
    zh: await sdgTexts(dataDir, 'zh-Hans'),
  };
  log(`  hub-search: ${int(texts.en.length)} UPR texts, ${int(texts.fr.length)} SDG texts per other language`);
  const next = random(19);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const networks = Array.from({ length: 8 }, (_, index) => `00000000-0000-4000-8000-0000000000${String(index + 10)}`);
  const locales: Locale[] = ['en', 'en', 'en', 'fr', 'es', 'ar', 'ru', 'zh'];
  const lines: string[] = [];
  let thing = 0;
  while (lines.length < size) {
    thing += 1;
    const refId = `${thing.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const kind = pick(weightedKinds);
    const country = pick(countries);
    const system = pick(systemsOfGovernment);
    const level = pick(governmentLevels);
    const themes = [...new Set([pick(hubThemes), pick(hubThemes)])].slice(0, 1 + Math.floor(next() * 2));
    const inNetworks = [...new Set([pick(networks), pick(networks)])].slice(0, Math.floor(next() * 3));
    const visibility = next() < 0.15 ? 'accounts' : 'public';
    const languages = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(locales)))];
    for (const locale of languages) {
      if (lines.length >= size) break;
      const pool = texts[locale];
      const summary = pick(pool);
      const body = [pick(pool), pick(pool), pick(pool), pick(pool)].join('\n\n');
      lines.push(
        [
          kind,
          refId,
          locale,
          visibility,
          cell(titleOf(locale, pick(pool))),
          cell(summary),
          cell(body),
          `/${kind}s/${refId}`,
          country,
          system,
          level,
          `{${themes.join(',')}}`,
          `{${inNetworks.join(',')}}`,
        ].join('\t'),
      );
    }
  }
  const columns = [
    'kind',
    'ref_id',
    'locale',
    'visibility',
    'title',
    'summary',
    'body',
    'path',
    'country_code',
    'system_of_government',
    'level',
    'themes',
    'network_ids',
  ];
  const loaded = await timed(async () => {
    await bench.copyIn('hub_documents', columns, `${lines.join('\n')}\n`);
    await sql`vacuum analyze hub_documents`.execute(bench.db);
    await sql`analyze hub_search_words`.execute(bench.db);
  });
  log(`  hub-search: ${int(lines.length)} rows of ${int(thing)} things loaded in ${Math.round(loaded.ms / 1000)} s`);
  return { rows: lines.length, things: thing, loadMs: loaded.ms, network: networks[0] as string };
}

export async function runHubSearchBench(
  bench: BenchDatabase,
  dataDir: string,
  options: { size: number; warmup: number; runs: number },
  log: (line: string) => void,
): Promise<{ tables: Table[] }> {
  const filled = await fillHubDocuments(bench, dataDir, options.size, log);
  const queries: [string, Partial<HubSearchQuery>][] = [
    ['en: torture', { q: 'torture' }],
    ['en: "women" + theme', { q: 'women', theme: 'coordination' }],
    ['en: education + country + kind', { q: 'education', country: 'KE', kind: 'practice' }],
    ['en: two words, page 5', { q: 'human rights', page: 5 }],
    ['fr: pauvreté (accented)', { q: 'pauvreté' }],
    ['fr: pauvrete + level', { q: 'pauvrete', level: 'local' }],
    ['es: igualdad de género', { q: 'igualdad de género' }],
    ['ru: образования', { q: 'образования' }],
    ['ar: الفقر', { q: 'الفقر' }],
    ['zh: 贫困 (character pairs)', { q: '贫困' }],
    ['network + language, no words', { network: filled.network, language: 'fr' }],
    ['kind + theme, no words', { kind: 'practice', theme: 'engagement_lrg' }],
    ['no words, no filter (landing)', {}],
    ['typo: "torure" (did you mean)', { q: 'torure' }],
  ];
  const rows: (string | number)[][] = [];
  for (const [label, partial] of queries) {
    const query = hubSearchQuerySchema.parse({ ...partial });
    for (let index = 0; index < options.warmup; index += 1)
      await searchHub(bench.db, null, 'en', query, { cache: false });
    const cold: number[] = [];
    const cached: number[] = [];
    let total = 0;
    let suggestion: string | null = null;
    for (let index = 0; index < options.runs; index += 1) {
      const run = await timed(() => searchHub(bench.db, null, 'en', query, { cache: false }));
      cold.push(run.ms);
      total = run.result.total;
      suggestion = run.result.suggestion;
    }
    for (let index = 0; index < options.runs; index += 1)
      cached.push((await timed(() => searchHub(bench.db, null, 'en', query))).ms);
    const stats = distribution(cold);
    const warm = distribution(cached);
    rows.push([
      label,
      int(total),
      suggestion ?? '',
      ms(stats.p50),
      ms(stats.p95),
      ms(stats.max),
      ms(warm.p50),
      ms(warm.p95),
    ]);
    log(`  ${label}: computed p50 ${ms(stats.p50)} ms, p95 ${ms(stats.p95)} ms; kept p95 ${ms(warm.p95)} ms`);
  }
  return {
    tables: [
      {
        title: `Hub search: ${int(filled.rows)} rows (${int(filled.things)} things, six languages), anonymous reader`,
        headers: [
          'query',
          'things found',
          'did you mean',
          'computed p50 ms',
          'computed p95 ms',
          'computed max ms',
          'kept p50 ms',
          'kept p95 ms',
        ],
        align: ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r'],
        rows,
        notes: [
          `Each query is the whole service (searchHub): matching in each row's language, the seven facets counted without their own filter, one result per thing, the page of ${20} with extracts; ${options.warmup} warm-up runs, then ${options.runs} timed computing (no kept answer), then ${options.runs} answered from the answers kept per generation of the table (the same query again, nothing written in between: the generation read plus a map look-up). Machine: load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores at the end. Loaded by COPY then VACUUM ANALYZE in ${Math.round(filled.loadMs / 1000)} s.`,
        ],
      },
    ],
  };
}
