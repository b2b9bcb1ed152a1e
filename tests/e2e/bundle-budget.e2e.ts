import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleTable, firstLoadBudgetBytes, measureFirstLoads } from '../../bench/bundle-budget';
import { renderTable } from '../../bench/table';

// Runs after `vite build` (npm run test:e2e builds first): sizes, not timings, so a test can hold them.
describe('first-load JavaScript budget', () => {
  it('keeps every page within 150 KB gzipped', () => {
    const weights = measureFirstLoads(resolve('.'));
    expect(weights.length).toBeGreaterThan(10);
    const over = weights.filter((weight) => weight.bytes > firstLoadBudgetBytes);
    expect(over, renderTable(bundleTable(weights))).toEqual([]);
  });
});
