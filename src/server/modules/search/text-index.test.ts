import { describe, expect, it } from 'vitest';
import { TextIndexBuilder } from './text-index';
import { andSets, complement, difference, intersect, orSets, parseTsquery, union } from './text-index.query';

// Rows as `tsvector::text` in the English column (index 2 of ar, zh, en, fr, ru, es).
const english = (text: string) => [null, null, text, null, null, null];

function indexOf(rows: (string | null)[][]) {
  const builder = new TextIndexBuilder();
  for (const row of rows) builder.add(row);
  return builder.build();
}

const matchEnglish = (index: ReturnType<typeof indexOf>, query: string, withRank = false) =>
  index.match(['', '', query, '', '', ''], withRank);

describe('tsquery text', () => {
  it('parses what websearch_to_tsquery prints, with PostgreSQL priorities', () => {
    expect(parseTsquery('')).toBeNull();
    expect(parseTsquery("'a' & 'b' | !'c'")).toEqual({
      op: 'or',
      left: { op: 'and', left: { op: 'term', lexeme: 'a' }, right: { op: 'term', lexeme: 'b' } },
      right: { op: 'not', arg: { op: 'term', lexeme: 'c' } },
    });
    expect(parseTsquery("'x' <2> 'y' & !( 'p' <-> 'q' )")).toMatchObject({
      op: 'and',
      left: { op: 'phrase', distance: 2 },
      right: { op: 'not', arg: { op: 'phrase', distance: 1 } },
    });
    expect(parseTsquery("'o''brien' & 'a\\\\b'")).toMatchObject({
      left: { lexeme: "o'brien" },
      right: { lexeme: 'a\\b' },
    });
    expect(() => parseTsquery("'a':*")).toThrow();
  });
});

describe('sorted slot sets', () => {
  const random = (seed: number) => () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const next = random(3);
  const some = (size: number, share: number) =>
    Int32Array.from({ length: size }, (_, i) => i).filter(() => next() < share);
  it('intersect, union, difference and complement agree with Set arithmetic, galloping included', () => {
    for (const [a, b] of [
      [some(2_000, 0.5), some(2_000, 0.3)],
      [some(5_000, 0.9), some(5_000, 0.004)],
      [some(100, 0), some(100, 0.5)],
    ] as const) {
      const setB = new Set(b);
      const setA = new Set(a);
      expect([...intersect(a, b)]).toEqual([...a].filter((x) => setB.has(x)));
      expect([...intersect(b, a)]).toEqual([...a].filter((x) => setB.has(x)));
      expect([...union(a, b)]).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
      expect([...difference(a, b)]).toEqual([...a].filter((x) => !setB.has(x)));
      expect([...complement(a, 5_000)]).toEqual(Array.from({ length: 5_000 }, (_, i) => i).filter((x) => !setA.has(x)));
    }
    const a = { slots: Int32Array.of(1, 2, 3), negated: false };
    const notB = { slots: Int32Array.of(2, 4), negated: true };
    expect(andSets(a, notB)).toEqual({ slots: Int32Array.of(1, 3), negated: false });
    expect(orSets(a, notB)).toEqual({ slots: Int32Array.of(4), negated: true });
  });
});

describe('TextIndex', () => {
  const index = indexOf([
    english("'human':1 'right':2,9 'women':5"), // slot 0
    english("'right':3 'human':4"), // slot 1
    english("'o''brien':1 'a\\\\b':2 'self-determin':3 'self':4 'determin':5"), // slot 2
    [null, null, null, "'droit':2 'homm':4", null, null], // slot 3: French only
    english("'women':1,3,7 'girl':2"), // slot 4
    english("'women':1 'girl':2 'violenc':3 'long':4 'text':5 'here':6 'and':7 'more':8"), // slot 5
  ]);

  it('reads escaped lexemes and finds words in any language', () => {
    expect(matchEnglish(index, "'o''brien'")?.slots).toEqual(Int32Array.of(2));
    expect(matchEnglish(index, "'a\\\\b'")?.slots).toEqual(Int32Array.of(2));
    expect(index.match(['', '', "'right'", "'droit'", '', ''], false)?.slots).toEqual(Int32Array.of(0, 1, 3));
    expect(matchEnglish(index, "'absent'")?.slots).toEqual(new Int32Array(0));
    expect(matchEnglish(index, '')?.slots).toEqual(new Int32Array(0));
  });

  it('evaluates and, or, not (alone: every row without the word, empty columns included)', () => {
    expect(matchEnglish(index, "'women' & !'violenc'")?.slots).toEqual(Int32Array.of(0, 4));
    expect(matchEnglish(index, "'human' | 'girl'")?.slots).toEqual(Int32Array.of(0, 1, 4, 5));
    expect(matchEnglish(index, "!'women'")?.slots).toEqual(Int32Array.of(1, 2, 3));
  });

  it('checks phrases by position, distances and hyphenated words included', () => {
    expect(matchEnglish(index, "'human' <-> 'right'")?.slots).toEqual(Int32Array.of(0));
    expect(matchEnglish(index, "'right' <-> 'human'")?.slots).toEqual(Int32Array.of(1));
    expect(matchEnglish(index, "'women' <2> 'women'")?.slots).toEqual(Int32Array.of(4));
    expect(matchEnglish(index, "'self-determin' <-> 'self' <-> 'determin'")?.slots).toEqual(Int32Array.of(2));
    expect(matchEnglish(index, "'human' <-> ( 'right' | 'women' )")?.slots).toEqual(Int32Array.of(0));
    expect(matchEnglish(index, "'girl' & !( 'women' <-> 'girl' )")?.slots).toEqual(new Int32Array(0));
    // What PostgreSQL decides in subtler ways is left to it.
    expect(matchEnglish(index, "!'women' <-> 'girl'")).toBeNull();
  });

  it('scores with BM25: more occurrences and shorter rows first, rarer words weigh more', () => {
    const found = matchEnglish(index, "'women' & 'girl'", true);
    expect(found?.slots).toEqual(Int32Array.of(4, 5));
    const [repeated, once] = found?.ranks ?? [];
    expect(repeated).toBeGreaterThan(once as number);
    const either = matchEnglish(index, "'violenc' | 'human'", true);
    const rankOf = (slot: number) => either?.ranks?.[[...(either?.slots ?? [])].indexOf(slot)] as number;
    expect(rankOf(5)).toBeGreaterThan(0);
    expect(index.bytes).toBeGreaterThan(0);
  });
});
