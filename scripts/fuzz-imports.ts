/**
 * `npm run check:security:fuzz`: the import fuzzer at full size (issue 14's suite).
 * FUZZ_RUNS (default 10000) mutated real fixture files, FUZZ_SEED (default the clock) to
 * replay a run. Prints the table and exits 1 on any crash, partial write or unclear refusal.
 */
import { formatReport, runFuzz } from '../tests/fuzz/run-fuzz';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const report = await runFuzz({ runs, seed, log: (line) => console.log(line) });
console.log(formatReport(report));
process.exit(report.findings.length > 0 ? 1 : 0);
