import { expect, it } from 'vitest';
import { formatReport, runFuzz } from './run-fuzz';

// The small, fixed-seed version of `npm run check:security:fuzz`: 100 mutated real files through
// the dry run and the apply of every importer. No crash, no partial write, no unclear refusal.
it('survives 100 mutated real files without a crash, a partial write or an unclear refusal', async () => {
  const report = await runFuzz({ runs: Number(process.env.FUZZ_RUNS ?? 100), seed: 14 });
  console.log(formatReport(report));
  expect(report.findings).toEqual([]);
}, 600_000);
