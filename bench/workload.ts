import type { RecommendationSearchInput } from '../src/shared/schemas/register';
import { mulberry32, pick, pickSome, type Random, type Sources, weighted } from './corpus';

export const queryClasses = ['text-only', 'text+facets', 'facets-only', 'browse-all', 'typo'] as const;
export type QueryClass = (typeof queryClasses)[number];

export interface BenchQuery {
  kind: QueryClass;
  /** what the query is, for the tables */
  label: string;
  input: RecommendationSearchInput;
}

const stopwords = new Set(
  'that this with from their have which other such been these those also into they them there shall more well were will been than only upon under within'.split(
    ' ',
  ),
);

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/** Word frequencies of the real English texts: frequent, middle and rare content words. */
function vocabulary(sources: Sources) {
  const counts = new Map<string, number>();
  for (const text of sources.texts.en)
    for (const word of wordsOf(text))
      if (word.length >= 4 && !stopwords.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    all: new Set(counts.keys()),
    frequent: ranked.slice(0, 40).map(([word]) => word),
    middle: ranked.slice(100, 600).map(([word]) => word),
    rare: ranked.filter(([word, count]) => count >= 2 && count <= 5 && word.length >= 6).map(([word]) => word),
  };
}

/** `length` consecutive words of a real text (letters only), for two-word queries and phrases. */
function runOf(random: Random, texts: string[], length: number): string {
  for (;;) {
    const words = wordsOf(pick(random, texts)).filter((word) => word.length >= 3);
    if (words.length < length + 1) continue;
    const start = Math.floor(random() * (words.length - length));
    return words.slice(start, start + length).join(' ');
  }
}

function misspell(random: Random, word: string, known: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = 1 + Math.floor(random() * (word.length - 2));
    const typo =
      random() < 0.5
        ? `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`
        : `${word.slice(0, at)}${pick(
            random,
            [...'aeiouy'].filter((c) => c !== word[at]),
          )}${word.slice(at + 1)}`;
    if (!known.has(typo)) return typo;
  }
  return `${word}x`;
}

const positions = ['supported', 'noted', 'supported_in_part'] as const;
const bodies = ['UPR', 'CRC', 'CEDAW', 'CRPD', 'CCPR', 'CESCR', 'CERD', 'CAT'];

/** 1–3 facet filters with realistic values. */
function filtersOf(random: Random, sources: Sources): { input: RecommendationSearchInput; label: string } {
  const kinds = pickSome(
    random,
    ['body', 'cycle', 'theme', 'position', 'status', 'sdgGoal', 'state'] as const,
    1 + Math.floor(random() * 3),
  );
  const input: RecommendationSearchInput = {};
  for (const kind of kinds) {
    if (kind === 'body')
      input.body =
        random() < 0.8
          ? [
              weighted(random, [
                ['UPR', 3],
                [pick(random, bodies), 2],
              ] as [string, number][]),
            ]
          : pickSome(random, bodies, 2);
    if (kind === 'cycle') input.cycle = [1 + Math.floor(random() * 4)];
    if (kind === 'theme') input.theme = [pick(random, sources.themeIds)];
    if (kind === 'position') input.position = [pick(random, positions)];
    if (kind === 'status') input.status = [pick(random, sources.statuses)];
    if (kind === 'sdgGoal') input.sdgGoal = [1 + Math.floor(random() * 17)];
    if (kind === 'state') input.state = [pick(random, sources.states)];
  }
  const label = Object.entries(input)
    .map(([key, value]) => `${key}=${(value as unknown[]).join(',')}`)
    .join(' ');
  return { input, label };
}

const somePage = (random: Random) => (random() < 0.2 ? 2 + Math.floor(random() * 4) : 1);

/** ~200 queries in the proportions of real use; the same list every run. */
export function buildWorkload(sources: Sources, seed = 7): BenchQuery[] {
  const random = mulberry32(seed);
  const words = vocabulary(sources);
  const queries: BenchQuery[] = [];
  const add = (kind: QueryClass, label: string, input: RecommendationSearchInput) => {
    const page = Number(input.page ?? 1);
    queries.push({ kind, label: page > 1 ? `${label} (page ${page})` : label, input: { pageSize: 25, ...input } });
  };
  const text = (q: string, page = somePage(random)) => ({ q, sort: 'relevance' as const, page });
  for (let i = 0; i < 20; i++) add('text-only', 'frequent word', text(pick(random, words.frequent)));
  for (let i = 0; i < 12; i++) add('text-only', 'middle word', text(pick(random, words.middle)));
  for (let i = 0; i < 12; i++) add('text-only', 'rare word', text(pick(random, words.rare)));
  for (let i = 0; i < 14; i++) add('text-only', 'two words', text(runOf(random, sources.texts.en, 2)));
  for (let i = 0; i < 10; i++) add('text-only', 'quoted phrase', text(`"${runOf(random, sources.texts.en, 3)}"`));
  const french = [...new Set(sources.texts.fr.flatMap(wordsOf))].filter((word) => word.length >= 7).sort();
  for (let i = 0; i < 4; i++) add('text-only', 'French word', text(pick(random, french)));
  for (let i = 0; i < 4; i++) add('text-only', 'Spanish words', text(runOf(random, sources.texts.es, 2)));
  for (let i = 0; i < 50; i++) {
    const q = weighted(random, [
      [() => pick(random, words.frequent), 3],
      [() => pick(random, words.middle), 3],
      [() => runOf(random, sources.texts.en, 2), 2],
    ] as [() => string, number][])();
    const filters = filtersOf(random, sources);
    add('text+facets', `text + ${filters.label}`, { ...text(q), ...filters.input });
  }
  for (let i = 0; i < 45; i++) {
    const filters = filtersOf(random, sources);
    add('facets-only', filters.label, { ...filters.input, sort: 'number', page: somePage(random) });
  }
  for (const page of [1, 1, 1, 2, 3, 1, 4, 5, 1, 2]) add('browse-all', 'everything', { sort: 'number', page });
  for (let i = 0; i < 15; i++) {
    const word = pick(random, i % 2 ? words.middle : words.frequent);
    add('typo', `misspelt ${word}`, text(misspell(random, word, words.all), 1));
  }
  // Show each query's text in its label.
  for (const query of queries) if (query.input.q) query.label = `${query.input.q} — ${query.label}`;
  return queries;
}
