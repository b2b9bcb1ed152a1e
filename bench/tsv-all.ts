import { sql } from 'kysely';
import { applyFilters, countMatches, rankExpression } from '../src/server/modules/register/search.repo';
import type { RecommendationSearch } from '../src/shared/schemas/register';
import type { BenchDatabase } from './databases';
import type { Measured } from './search-bench';
import { int, ms, percentile, type Table, timed } from './table';

const configs = [
  ['arabic', 'ar', true],
  ['simple', 'zh', false],
  ['english', 'en', true],
  ['french', 'fr', true],
  ['russian', 'ru', false],
  ['spanish', 'es', true],
] as const;

/** The six per-language vectors in one stored column (what a migration would add), one GIN index. */
export const combinedTsvector = sql.raw(
  configs
    .map(([config, lang, unaccent]) =>
      unaccent
        ? `to_tsvector('${config}', im_unaccent(coalesce(text_${lang}, '')))`
        : `to_tsvector('${config}', coalesce(text_${lang}, ''))`,
    )
    .join(' || '),
);

/** The query parsed in each language, OR'ed into one tsquery. */
const tsQuery = (q: string) =>
  sql`(${sql.join(
    configs.map(([config, , unaccent]) =>
      unaccent
        ? sql`websearch_to_tsquery(${config}::regconfig, im_unaccent(${q}))`
        : sql`websearch_to_tsquery(${config}::regconfig, ${q})`,
    ),
    sql` || `,
  )})`;

const p = (values: number[], at: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    at,
  );

/**
 * Text matching and ranking on six OR'ed columns (now) against one combined column: the count and
 * the ranked page of ids (no snippets), for every workload query with text.
 */
export async function tsvAllExperiment(
  bench: BenchDatabase,
  queries: (Measured & { query: RecommendationSearch })[],
  tableRows: number,
  log: (line: string) => void,
): Promise<Table> {
  const texts = queries.filter((entry) => entry.query.q);
  const offset = (query: RecommendationSearch) => (query.page - 1) * query.pageSize;
  const now = { count: [] as number[], page: [] as number[], totals: [] as number[] };
  for (const { query } of texts) {
    const count = await timed(() => countMatches(bench.db, query));
    const page = await timed(() =>
      applyFilters(bench.db.selectFrom('recommendations'), query)
        .select('id')
        .orderBy(rankExpression(query.q as string), 'desc')
        .orderBy('id')
        .limit(query.pageSize)
        .offset(offset(query))
        .execute(),
    );
    now.count.push(count.ms);
    now.page.push(page.ms);
    now.totals.push(count.result);
  }
  const added = await timed(async () => {
    await sql`alter table recommendations add column tsv_all tsvector generated always as (${combinedTsvector}) stored`.execute(
      bench.db,
    );
    await sql`create index recommendations_tsv_all_idx on recommendations using gin (tsv_all)`.execute(bench.db);
    await sql`analyze recommendations`.execute(bench.db);
  });
  log(`  experiments: tsv_all added in ${Math.round(added.ms)} ms`);
  const all = { count: [] as number[], page: [] as number[] };
  let same = 0;
  // Twice: the first pass warms the rewritten table (the "now" pass ran warm too); the second is measured.
  for (const pass of [0, 1])
    for (const [index, { query }] of texts.entries()) {
      const filtered = () => applyFilters(bench.db.selectFrom('recommendations'), { ...query, q: undefined });
      const match = sql<boolean>`tsv_all @@ ${tsQuery(query.q as string)}`;
      const count = await timed(() =>
        filtered()
          .where(match)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      );
      const page = await timed(() =>
        filtered()
          .where(match)
          .select('id')
          .orderBy(sql`ts_rank(tsv_all, ${tsQuery(query.q as string)})`, 'desc')
          .orderBy('id')
          .limit(query.pageSize)
          .offset(offset(query))
          .execute(),
      );
      if (pass === 0) continue;
      if (Number(count.result.n) === now.totals[index]) same++;
      all.count.push(count.ms);
      all.page.push(page.ms);
    }
  await sql`alter table recommendations drop column tsv_all`.execute(bench.db);
  const row = (name: string, values: { count: number[]; page: number[] }) => [
    name,
    ms(p(values.count, 50)),
    ms(p(values.count, 95)),
    ms(p(values.page, 50)),
    ms(p(values.page, 95)),
  ];
  return {
    title: `One combined tsvector column — ${bench.kind}, ${texts.length} text queries at ${int(tableRows)} rows`,
    headers: ['text condition', 'count p50', 'count p95', 'ranked page p50', 'ranked page p95'],
    align: ['l', 'r', 'r', 'r', 'r'],
    rows: [row('6 columns OR’ed, 6 × ts_rank (now)', now), row('tsv_all, one GIN index, 1 × ts_rank', all)],
    notes: [
      `Same totals on ${same}/${texts.length} queries (a combined column can also match a word stemmed in ` +
        `another language). Adding the stored column and its index took ${Math.round(added.ms / 1000)} s. ` +
        'Times in ms; page = ids of the ranked page, without snippets.',
    ],
  };
}
