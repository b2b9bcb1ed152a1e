/**
 * `npm run check:security`: runs every `check:security:<part>` script package.json declares, one
 * after another (they share two cores and a PostgreSQL server, so never in parallel), and prints a
 * summary: part, exit status, minutes. A part joins by adding its script; this file names none.
 * `--only a,b` runs some parts; `--skip a,b` leaves some out. Exits non-zero when any part failed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const prefix = 'check:security:';
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const listOf = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? '').split(',').filter(Boolean) : undefined;
};
const only = listOf('only');
const skip = listOf('skip') ?? [];
const parts = Object.keys(scripts)
  .filter((name) => name.startsWith(prefix))
  .map((name) => name.slice(prefix.length))
  .filter((part) => (only ? only.includes(part) : true) && !skip.includes(part));

if (parts.length === 0) {
  console.error('No check:security:<part> script to run.');
  process.exit(1);
}
console.log(`Security checks: ${parts.join(', ')}`);
const results: { part: string; status: string; minutes: string }[] = [];
for (const part of parts) {
  console.log(`\n=== ${prefix}${part} ===`);
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', `${prefix}${part}`], { stdio: 'inherit' });
  const status = run.error
    ? `error: ${run.error.message}`
    : run.status === 0
      ? 'passed'
      : `failed (${run.status ?? run.signal})`;
  results.push({ part, status, minutes: ((performance.now() - started) / 60_000).toFixed(1) });
}
console.log('\n| part | result | minutes |\n|---|---|---|');
for (const result of results) console.log(`| ${result.part} | ${result.status} | ${result.minutes} |`);
process.exit(results.every((result) => result.status === 'passed') ? 0 : 1);
