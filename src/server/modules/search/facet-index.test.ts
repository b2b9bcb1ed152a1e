import { describe, expect, it } from 'vitest';
import type { FacetName } from '../../../shared/schemas/register';
import { count } from './facet-bits';
import {
  type Dimension,
  FacetIndexBuilder,
  type Filters,
  facetLimits,
  type IndexRow,
  type Strategy,
} from './facet-index';

// A seeded generator: the same "random" register on every run.
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const pools: Record<Exclude<Dimension, 'cluster' | 'entity'>, string[]> = {
  mechanism: ['upr', 'treaty_body'],
  body: ['UPR', 'CRPD', 'CERD'],
  review: ['r1', 'r2', 'r3', 'r4'],
  cycle: ['1', '2', '3'],
  position: ['supported', 'noted'],
  status: ['not_started', 'in_progress', 'implemented'],
  theme: ['10', '11', '12', '13', '14'],
  affected: ['20', '21', '22'],
  sdgGoal: ['4', '5', '16'],
  sdgTarget: ['4.1', '5.2', '16.3'],
  state: ['FR', 'DE', 'BR', 'IN'],
};

function randomRegister(size: number) {
  const random = generator(7);
  const one = (values: string[]) => (random() < 0.1 ? null : (values[Math.floor(random() * values.length)] as string));
  const some = (values: string[]) => values.filter(() => random() < 0.35);
  const rows: IndexRow[] = [];
  const clusters = new Map<number, string[]>();
  const entities = new Map<number, string[]>();
  for (let i = 0; i < size; i++) {
    const seq = i * 3 + 1; // seqs have gaps, as after deletions
    rows.push({
      seq,
      single: {
        mechanism: one(pools.mechanism),
        body: one(pools.body),
        review: one(pools.review),
        cycle: one(pools.cycle),
        position: one(pools.position),
        status: one(pools.status),
      },
      multi: {
        theme: some(pools.theme),
        affected: some(pools.affected),
        sdgGoal: some(pools.sdgGoal),
        sdgTarget: some(pools.sdgTarget),
        state: some(pools.state),
      },
    });
    if (random() < 0.2) clusters.set(seq, ['c1']);
    if (random() < 0.3) entities.set(seq, random() < 0.5 ? ['e1'] : ['e1', 'e2']);
  }
  return { rows, joined: { cluster: clusters, entity: entities } };
}

type Joined = Record<'cluster' | 'entity', Map<number, string[]>>;

const valuesOf = (row: IndexRow, joined: Joined, dimension: Dimension): string[] => {
  if (dimension === 'cluster' || dimension === 'entity') return joined[dimension].get(row.seq) ?? [];
  if (dimension in row.single) {
    const value = row.single[dimension as keyof IndexRow['single']];
    return value === null ? [] : [value];
  }
  return [...row.multi[dimension as keyof IndexRow['multi']]];
};

/** What the SQL path computes, written the obvious way. */
function naive(rows: IndexRow[], joined: Joined, filters: Filters, text?: Set<number>, scope?: string[]) {
  const passes = (row: IndexRow, except?: Dimension) =>
    (!text || text.has(row.seq)) &&
    (!scope || valuesOf(row, joined, 'entity').some((entity) => scope.includes(entity))) &&
    Object.entries(filters).every(
      ([dimension, wanted]) =>
        dimension === except ||
        !wanted?.length ||
        valuesOf(row, joined, dimension as Dimension).some((value) => wanted.includes(value)),
    );
  const facets = Object.fromEntries(
    (Object.keys(facetLimits) as FacetName[]).map((facet) => {
      const counts = new Map<string, number>();
      for (const row of rows)
        if (passes(row, facet))
          for (const value of valuesOf(row, joined, facet)) counts.set(value, (counts.get(value) ?? 0) + 1);
      const sorted = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
      return [facet, sorted.slice(0, facetLimits[facet])];
    }),
  );
  return { total: rows.filter((row) => passes(row)).length, facets };
}

describe('FacetIndex', () => {
  const { rows, joined } = randomRegister(3_000);
  const seqs = Int32Array.from(rows, (row) => row.seq);
  const builder = new FacetIndexBuilder(rows.length, joined);
  for (const row of rows) builder.add(row);
  const index = builder.build(1, { number: seqs, newest: seqs.slice().reverse(), updated: seqs });

  const cases: { name: string; filters: Filters; text?: number[]; scope?: string[] }[] = [
    { name: 'no filter', filters: {} },
    { name: 'one single-valued filter', filters: { position: ['supported'] } },
    { name: 'two values of one facet (or)', filters: { status: ['in_progress', 'implemented'] } },
    { name: 'one multi-valued filter', filters: { theme: ['10'] } },
    { name: 'multi-valued filters (overlap)', filters: { theme: ['10', '12'], state: ['BR'] } },
    {
      name: 'every kind at once, clusters too',
      filters: {
        body: ['UPR', 'CRPD'],
        cycle: ['2'],
        sdgGoal: ['16'],
        affected: ['21'],
        cluster: ['c1'],
        entity: ['e2'],
      },
    },
    { name: 'a value nobody has', filters: { review: ['nowhere'] } },
    { name: 'two single-valued filters', filters: { body: ['UPR'], cycle: ['2'] } },
    { name: 'a value asked for twice', filters: { body: ['UPR', 'UPR'], theme: ['10'] } },
    {
      name: 'three filters, one of them on reviews',
      filters: { body: ['CERD', 'UPR'], review: ['r1', 'r3'], position: ['noted'] },
    },
    { name: 'a scope', filters: { status: ['implemented'] }, scope: ['e2'] },
    {
      name: 'most rows match the text, with a filter',
      filters: { status: ['in_progress'] },
      text: rows.filter((_, i) => i % 10 !== 0).map((row) => row.seq),
    },
    { name: 'text that matches nothing', filters: { body: ['UPR'] }, text: [] },
    { name: 'text matches only', filters: {}, text: rows.filter((_, i) => i % 7 === 0).map((row) => row.seq) },
    {
      name: 'text matches and filters',
      filters: { mechanism: ['upr'], theme: ['11'] },
      text: rows.filter((_, i) => i % 3 === 0).map((row) => row.seq),
    },
  ];

  // Every way of counting (rows themselves, whole register minus the rest, a filter's precounted
  // rows minus the rest) must give what SQL gives; `cheapest` mixes them per facet.
  const strategies: Strategy[] = ['cheapest', 'direct', 'whole', 'filter'];
  it.each(cases.flatMap((entry) => strategies.map((strategy) => ({ ...entry, strategy }))))(
    'counts as SQL would: $name ($strategy)',
    ({ filters, text, scope, strategy }) => {
      const candidates = text ? Int32Array.from(text, (seq) => index.slotOf(seq)) : undefined;
      const result = index.evaluate(filters, candidates, scope, strategy);
      const expected = naive(rows, joined, filters, text ? new Set(text) : undefined, scope);
      expect(result.total).toBe(expected.total);
      expect(result.facets).toEqual(expected.facets);
      expect(count(result.matches)).toBe(expected.total);
    },
  );

  it('pages through the matches in each stored order', () => {
    const { matches, total } = index.evaluate({ position: ['noted'] });
    const all = index.page(matches, 'number', 0, total);
    expect(all).toHaveLength(total);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(index.page(matches, 'number', 25, 25)).toEqual(all.slice(25, 50));
    expect(index.page(matches, 'newest', 0, 10)).toEqual([...all].reverse().slice(0, 10));
    expect(index.slotOf(2)).toBe(-1);
  });
});
