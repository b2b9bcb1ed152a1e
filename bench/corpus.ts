import { sql } from 'kysely';
import countries from '../src/server/seed/data/countries.json' with { type: 'json' };
import sdg from '../src/server/seed/data/sdg.json' with { type: 'json' };
import { type BenchDatabase, copyText } from './databases';
import { importerColumns } from './import-bench';

/** mulberry32: a small seeded PRNG, so that the corpus and the workload are the same every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
export const pickSome = <T>(random: Random, items: readonly T[], count: number): T[] => [
  ...new Set(Array.from({ length: count }, () => pick(random, items))),
];
/** Picks by weight: `[[value, weight], …]`. */
export function weighted<T>(random: Random, entries: readonly [T, number][]): T {
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return entries[entries.length - 1]![0];
}
const uuidOf = (random: Random) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
};

/** What the imported register offers for recombination: real texts, States, terms. */
export interface Sources {
  texts: Record<'en' | 'fr' | 'es', string[]>;
  heads: Record<'en' | 'fr' | 'es', string[]>;
  tails: Record<'en' | 'fr' | 'es', string[]>;
  headings: string[];
  /** recommending States as they occur in the real rows (so frequent ones stay frequent) */
  states: string[];
  themeIds: number[];
  issueIds: number[];
  affectedIds: number[];
  statuses: string[];
}

function fragmentsOf(texts: string[]) {
  const heads: string[] = [];
  const tails: string[] = [];
  for (const text of texts) {
    const pieces = text
      .replace(/\s+/g, ' ')
      .split(/(?<=[,;:])\s+|\.\s+(?=\p{Lu})/u)
      .map((piece) => piece.trim().replace(/[\s,;:.]+$/, ''));
    if ((pieces[0]?.length ?? 0) >= 15) heads.push(pieces[0] as string);
    for (const piece of pieces.slice(1)) if (piece.length >= 10) tails.push(piece);
  }
  return { heads, tails };
}

export async function loadSources(bench: BenchDatabase): Promise<Sources> {
  const rows = await bench.db
    .selectFrom('recommendations')
    .select(['text_en', 'text_fr', 'text_es', 'heading', 'recommending_states'])
    .execute();
  const terms = await bench.db.selectFrom('taxonomy_terms').select(['id', 'taxonomy', 'code']).execute();
  const of = (taxonomy: string) => terms.filter((term) => term.taxonomy === taxonomy);
  const texts = {
    en: rows.flatMap((row) => (row.text_en ? [row.text_en] : [])),
    fr: rows.flatMap((row) => (row.text_fr ? [row.text_fr] : [])),
    es: rows.flatMap((row) => (row.text_es ? [row.text_es] : [])),
  };
  const fragments = { en: fragmentsOf(texts.en), fr: fragmentsOf(texts.fr), es: fragmentsOf(texts.es) };
  const known = new Set(countries.map((country) => country.iso2));
  return {
    texts,
    heads: { en: fragments.en.heads, fr: fragments.fr.heads, es: fragments.es.heads },
    tails: { en: fragments.en.tails, fr: fragments.fr.tails, es: fragments.es.tails },
    headings: [...new Set(rows.flatMap((row) => (row.heading ? [row.heading] : [])))],
    states: rows.flatMap((row) => row.recommending_states.filter((state) => known.has(state))),
    themeIds: [...of('theme'), ...of('upr_info_issue')].map((term) => term.id),
    issueIds: of('upr_info_issue').map((term) => term.id),
    affectedIds: of('affected_person').map((term) => term.id),
    statuses: of('status').map((term) => term.code),
  };
}

const treatyBodies = ['CCPR', 'CESCR', 'CERD', 'CEDAW', 'CAT', 'CRC', 'CRPD', 'CMW', 'CED'];
const specialProcedures = ['SR-ADEQUATE-HOUSING', 'SR-HEALTH', 'SR-MINORITY-ISSUES'];
const targets = sdg.targets.map((target) => ({ code: target.code, goal: Number(target.goal) }));
const sessionsOfCycle: Record<number, [number, number]> = { 1: [1, 12], 2: [13, 26], 3: [27, 40], 4: [41, 50] };

/** A text: a real one as it is, or a real opening clause followed by clauses of other real texts. */
export function textOf(random: Random, sources: Sources, lang: 'en' | 'fr' | 'es'): string {
  if (random() < 0.25) return pick(random, sources.texts[lang]);
  const count = weighted(random, [
    [0, 3],
    [1, 4.5],
    [2, 2.5],
  ]);
  const clauses = [
    pick(random, sources.heads[lang]),
    ...Array.from({ length: count }, () => pick(random, sources.tails[lang])),
  ];
  return `${clauses.join(', ')}.`;
}

export const corpusColumns = [...importerColumns, 'status'] as const;
const reviewColumns = ['id', 'body_code', 'symbol', 'country_iso2', 'cycle', 'session', 'review_date'] as const;

/**
 * Generates `count` recommendations in reviews of 20–120 rows each, in batches of COPY text
 * (reviews first, then their recommendations). Deterministic for a given seed and sources.
 */
export function* generateBatches(sources: Sources, count: number, seed = 20250501, batchSize = 50_000) {
  const random = mulberry32(seed);
  const isos = countries.map((country) => country.iso2);
  const statusWeights: [string, number][] = sources.statuses.map((status, index) => [
    status,
    [50, 20, 15, 10, 5][index] ?? 2,
  ]);
  let made = 0;
  let reviewIndex = 0;
  while (made < count) {
    const reviews: Record<string, unknown>[] = [];
    const rows: Record<string, unknown>[] = [];
    while (rows.length < batchSize && made + rows.length < count) {
      const mechanism = weighted(random, [
        ['upr', 60],
        ['tb', 36],
        ['sp', 4],
      ] as const);
      const body = mechanism === 'upr' ? 'UPR' : pick(random, mechanism === 'tb' ? treatyBodies : specialProcedures);
      const country = pick(random, isos);
      const cycle =
        mechanism === 'upr'
          ? weighted(random, [
              [1, 25],
              [2, 30],
              [3, 30],
              [4, 15],
            ] as [number, number][])
          : null;
      const [first, last] = sessionsOfCycle[cycle ?? 4]!;
      const session = cycle ? first + Math.floor(random() * (last - first + 1)) : null;
      const reviewId = uuidOf(random);
      reviewIndex += 1;
      const year = 2008 + Math.floor(random() * 18);
      reviews.push({
        id: reviewId,
        body_code: body,
        symbol: cycle ? `A/HRC/WG.6/${session}/${country}/${reviewIndex}` : `${body}/C/${country}/CO/${reviewIndex}`,
        country_iso2: country,
        cycle,
        session,
        review_date: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`,
      });
      const size = Math.min(20 + Math.floor(random() * 100), count - made - rows.length);
      const paragraph = 90 + Math.floor(random() * 60);
      for (let index = 1; index <= size; index++) {
        const lang = cycle
          ? 'en'
          : weighted(random, [
              ['en', 70],
              ['fr', 15],
              ['es', 15],
            ] as ['en' | 'fr' | 'es', number][]);
        const text = textOf(random, sources, lang);
        const sdgTargets =
          random() < 0.6 ? pickSome(random, targets, 1 + Math.floor(random() * 2)).map((t) => t.code) : [];
        const sdgGoals = [...new Set(sdgTargets.map((code) => Number(code.split('.')[0])))];
        const number = cycle ? `${paragraph}.${index}` : `${index}`;
        rows.push({
          review_id: reviewId,
          body_code: body,
          cycle,
          country_iso2: country,
          number,
          number_sort: number.split('.').map(Number),
          heading: cycle || sources.headings.length === 0 ? null : pick(random, sources.headings),
          text_en: lang === 'en' ? text : null,
          text_fr: lang === 'fr' ? text : null,
          text_es: lang === 'es' ? text : null,
          original_lang: lang,
          sub_items: '[]',
          recommending_states: cycle
            ? pickSome(random, sources.states, random() < 0.85 ? 1 : 2 + Math.floor(random() * 2))
            : [],
          position: cycle
            ? weighted(random, [
                ['supported', 65],
                ['noted', 25],
                ['supported_in_part', 5],
                ['pending', 5],
              ] as [string, number][])
            : null,
          action_category: cycle ? 1 + Math.floor(random() * 5) : null,
          theme_ids: pickSome(random, sources.themeIds, 1 + Math.floor(random() * 3)),
          affected_ids:
            sources.affectedIds.length && random() < 0.4
              ? pickSome(random, sources.affectedIds, 1 + Math.floor(random() * 2))
              : [],
          issue_ids: cycle ? pickSome(random, sources.issueIds, 1 + Math.floor(random() * 2)) : [],
          sdg_targets: sdgTargets,
          sdg_goals: sdgGoals,
          follow_up: !cycle && random() < 0.05,
          content_key: `bench:${reviewIndex}:${index}`,
          sources: '[]',
          status: weighted(random, statusWeights),
        });
      }
    }
    made += rows.length;
    yield { reviews: copyText(reviews, reviewColumns), rows: copyText(rows, corpusColumns), count: rows.length };
  }
}

/**
 * Grows the register to `size` recommendations: drops the secondary indexes of `recommendations`,
 * COPYs the generated reviews and rows, recreates the same indexes (same definitions), VACUUM ANALYZE.
 */
export async function buildCorpus(bench: BenchDatabase, size: number, log: (line: string) => void) {
  const sources = await loadSources(bench);
  const existing = Number(
    (await sql<{ n: number }>`select count(*)::int as n from recommendations`.execute(bench.db)).rows[0]?.n,
  );
  const indexes = await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes
    where tablename = 'recommendations' and indexname not in (select conname from pg_constraint)`.execute(bench.db);
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(bench.db);
  let loaded = existing;
  for (const batch of generateBatches(sources, Math.max(0, size - existing))) {
    await bench.copyIn('reviews', reviewColumns, batch.reviews);
    await bench.copyIn('recommendations', corpusColumns, batch.rows);
    loaded += batch.count;
    log(`  corpus: ${loaded.toLocaleString('en-US')} rows`);
  }
  const started = performance.now();
  await bench.db.connection().execute(async (conn) => {
    await sql`set maintenance_work_mem = '256MB'`.execute(conn);
    for (const index of indexes.rows) await sql.raw(index.def).execute(conn);
  });
  log(`  corpus: ${indexes.rows.length} indexes rebuilt in ${Math.round(performance.now() - started)} ms`);
  // As autovacuum leaves a loaded table: hint bits and visibility map set, statistics current.
  await sql`vacuum (analyze) recommendations`.execute(bench.db);
  await sql`analyze`.execute(bench.db);
  return { sources, size: loaded, fromImport: existing };
}
