import { describe, expect, it } from 'vitest';
import { GenerationMemo, memoKey } from './generation-memo';

const db = {};

describe('GenerationMemo', () => {
  it('computes a key once per generation, concurrent misses sharing the one computation', async () => {
    const memo = new GenerationMemo<number>();
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([memo.get(db, 1, 'k', compute), memo.get(db, 1, 'k', compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await memo.get(db, 1, 'k', compute)).toBe(1);
    expect(await memo.get(db, 2, 'k', compute)).toBe(2);
    expect(memo.size(db)).toBe(1);
  });

  it('keeps nothing read at a generation older than one already seen, and forgets a failure', async () => {
    const memo = new GenerationMemo<string>();
    await memo.get(db, 5, 'k', async () => 'at 5');
    expect(await memo.get(db, 4, 'k', async () => 'at 4')).toBe('at 4');
    expect(await memo.get(db, 5, 'k', async () => 'again')).toBe('at 5');
    await expect(memo.get(db, 5, 'bad', () => Promise.reject(new Error('closing')))).rejects.toThrow('closing');
    expect(await memo.get(db, 5, 'bad', async () => 'retried')).toBe('retried');
  });

  it('drops the least recently used key past its capacity, per database', async () => {
    const memo = new GenerationMemo<string>(2);
    const other = {};
    await memo.get(db, 1, 'a', async () => 'a');
    await memo.get(db, 1, 'b', async () => 'b');
    await memo.get(db, 1, 'a', async () => 'a again');
    await memo.get(db, 1, 'c', async () => 'c');
    expect(await memo.get(db, 1, 'a', async () => 'recomputed')).toBe('a');
    expect(await memo.get(db, 1, 'b', async () => 'recomputed')).toBe('recomputed');
    expect(await memo.get(other, 1, 'a', async () => 'other database')).toBe('other database');
  });

  it('keys a query by its defined fields whatever their order or the order of values', () => {
    expect(memoKey({ q: 'roma', theme: ['9', '3'], page: 1 }, 'en')).toBe(
      memoKey({ page: 1, theme: ['3', '9'], q: 'roma', sort: undefined }, 'en'),
    );
    expect(memoKey({ q: 'roma' }, 'en')).not.toBe(memoKey({ q: 'roma' }, 'fr'));
    expect(memoKey({ page: 1 })).not.toBe(memoKey({ page: 2 }));
  });
});
