/**
 * `npm run soak`: simulated people using the app at once for a while, on PostgreSQL by default:
 * each signs in as one of the demo accounts (all roles), then reads and writes in a realistic mix
 * (`soak-mix.ts`: register lists and searches with facet filters, recommendation pages,
 * dashboards, inbox, actions, indicators; progress updates drafted and revised, comments on a
 * report open for consultation, saved views, one's name) with 0.5–1.5 s between steps.
 * Every 30 s it prints requests, server errors (5xx and failed connections), 4xx, p50/p99, the
 * server's RSS and V8 heap (read in the app's process by `memory-probe.ts`: the heap's floor in
 * the window, after collections, and its peak); at the end whether memory stayed flat: the lowest
 * RSS and heap floor of the last third of the run within 25% of those of the first third (after
 * the first window's warm-up; a leak raises the floor, load only the peaks).
 * Plain fetch (undici, built into Node): no load-testing dependency.
 *
 *   --users N (200)   --duration SECONDS (600)   --interval SECONDS (30)
 *   --db postgres|pglite (postgres, a fresh database on --server)   --base-url URL (an app already running)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distribution } from '../../bench/table';
import { demoAccounts } from '../../src/server/seed/demo-accounts';
import { defaultServerUrl, option, type RunningApp, type Session, signIn, startApp } from './app-process';
import { type Call, type MixData, mixOf, prepareMix, type Step } from './soak-mix';

const users = Number(option('users', '200'));
const durationMs = Number(option('duration', '600')) * 1000;
const intervalMs = Number(option('interval', '30')) * 1000;

const probeDir = mkdtempSync(join(tmpdir(), 'implementa-soak-'));
const probeFile = join(probeDir, 'memory.json');
const app: RunningApp | undefined = process.argv.includes('--base-url')
  ? undefined
  : await startApp({
      database: option('db', 'postgres') as 'pglite' | 'postgres',
      serverUrl: option('server', process.env.TEST_DATABASE_URL ?? defaultServerUrl),
      quiet: true,
      preload: [pathToFileURL(join(import.meta.dirname, 'memory-probe.ts')).href],
      env: { MEMORY_PROBE_FILE: probeFile },
    });
const baseUrl = app?.baseUrl ?? option('base-url', '');
const serverPid = app?.process.pid;

interface Window {
  requests: number;
  serverErrors: number;
  clientErrors: number;
  latencies: number[];
  errorSamples: string[];
  heapMin: number;
  heapMax: number;
}
const freshWindow = (): Window => ({
  requests: 0,
  serverErrors: 0,
  clientErrors: 0,
  latencies: [],
  errorSamples: [],
  heapMin: Number.POSITIVE_INFINITY,
  heapMax: 0,
});
let current = freshWindow();
const total = freshWindow();
const rows: string[] = [];
const rssSeries: number[] = [];
const heapSeries: number[] = [];

const call: Call = async (session, method, path, body) => {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    record(
      performance.now() - started,
      response.status,
      `${method} ${path.split('?')[0]} ${response.status} ${text.slice(0, 80)}`,
    );
    return new Response(text, { status: response.status });
  } catch (error) {
    record(performance.now() - started, 0, `${method} ${path.split('?')[0]} ${(error as Error).message}`);
    return undefined;
  }
};

function record(ms: number, status: number, sample: string): void {
  for (const window of [current, total]) {
    window.requests++;
    window.latencies.push(ms);
    if (status === 0 || status >= 500) {
      window.serverErrors++;
      if (window.errorSamples.length < 3) window.errorSamples.push(sample);
    } else if (status >= 400) window.clientErrors++;
  }
  if (status >= 400 && status < 500) {
    const key = sample.split(' ').slice(0, 3).join(' ');
    refusals.set(key, (refusals.get(key) ?? 0) + 1);
  }
}
/** 4xx by route and status: a role refused a page it may not read is expected, anything else is a bug here. */
const refusals = new Map<string, number>();

let mix: [number, Step][] = [];
function nextStep(): Step {
  const totalWeight = mix.reduce((sum, [weight]) => sum + weight, 0);
  let roll = Math.random() * totalWeight;
  for (const [weight, step] of mix) {
    roll -= weight;
    if (roll <= 0) return step;
  }
  return mix[0]?.[1] as Step;
}

/** The app's heap, as its process last wrote it (every second), into the current window. */
function sampleHeap(): void {
  try {
    const { heapUsed } = JSON.parse(readFileSync(probeFile, 'utf8')) as { heapUsed: number };
    const mb = Math.round(heapUsed / 1024 / 1024);
    current.heapMin = Math.min(current.heapMin, mb);
    current.heapMax = Math.max(current.heapMax, mb);
  } catch {}
}

function rssMb(): number | undefined {
  if (!serverPid) return undefined;
  try {
    const match = readFileSync(`/proc/${serverPid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Whole milliseconds at percentile p of unsorted latencies; 0 for a window with none. */
const percentile = (values: number[], p: 50 | 99) =>
  values.length === 0 ? 0 : Math.round(distribution(values)[p === 50 ? 'p50' : 'p99']);

function printWindow(elapsedS: number, partial = false): void {
  const rss = rssMb();
  // The last, short window (people finishing their step) is printed, not compared.
  if (rss !== undefined && !partial) rssSeries.push(rss);
  const heap = current.heapMax > 0 ? `${current.heapMin} / ${current.heapMax}` : '—';
  if (current.heapMax > 0 && !partial) heapSeries.push(current.heapMin);
  const load = loadavg()[0]?.toFixed(2);
  const row = `| ${elapsedS} | ${current.requests} | ${(current.requests / (intervalMs / 1000)).toFixed(0)} | ${current.serverErrors} | ${current.clientErrors} | ${percentile(current.latencies, 50)} | ${percentile(current.latencies, 99)} | ${rss ?? '—'} | ${heap} | ${load} |`;
  rows.push(row);
  console.log(row);
  for (const sample of current.errorSamples) console.log(`    error: ${sample}`);
  current = freshWindow();
}

try {
  const sessions: Session[] = [];
  console.log(`Signing in ${users} users…`);
  for (let index = 0; index < users; index++)
    sessions.push(await signIn(baseUrl, (demoAccounts[index % demoAccounts.length] as { email: string }).email));
  const data: MixData = await prepareMix(sessions, call);
  if (data.recommendationIds.length === 0) throw new Error('no recommendations to read');
  mix = mixOf(data);
  console.log(
    `Facet filters: ${data.facetFilters.length}; people with assignments to report on: ${[...data.assigned.values()].filter((list) => list.length > 0).length}; consultation open: ${data.consultation ? `yes, ${data.consultation.sectionIds.length} sections` : 'no'}`,
  );
  total.requests = total.serverErrors = total.clientErrors = 0;
  total.latencies = [];
  // The setup's own answers (a demo entity that cannot be assigned, say) are not the soak's.
  refusals.clear();
  current = freshWindow();
  console.log(`${users} users for ${durationMs / 1000} s on ${app ? option('db', 'postgres') : baseUrl}\n`);
  console.log(
    '| s | requests | req/s | errors (5xx, failed) | 4xx | p50 ms | p99 ms | server RSS MB | heap MB (floor / peak) | load (1 min) |\n|---|---|---|---|---|---|---|---|---|---|',
  );
  const started = Date.now();
  const ticker = setInterval(() => printWindow(Math.round((Date.now() - started) / 1000)), intervalMs);
  const heapTicker = setInterval(sampleHeap, 1000);
  await Promise.all(
    sessions.map(async (session) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1500));
      while (Date.now() - started < durationMs) {
        await nextStep()(session, call);
        await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1000));
      }
    }),
  );
  clearInterval(ticker);
  clearInterval(heapTicker);
  if (current.requests > 0) printWindow(Math.round((Date.now() - started) / 1000), true);
} finally {
  await app?.stop();
  rmSync(probeDir, { recursive: true, force: true });
}
// A leak raises the floor under the load's ups and downs: compare the lowest RSS and heap floor
// of the last third of the run with those of the first third after the first window (warm-up).
const third = (series: number[], part: 'first' | 'last') => {
  const full = series.slice(1);
  const size = Math.max(1, Math.floor(full.length / 3));
  const slice = part === 'first' ? full.slice(0, size) : full.slice(-size);
  return slice.length ? Math.min(...slice) : undefined;
};
const [rssFirst, rssLast, heapFirst, heapLast] = [
  third(rssSeries, 'first'),
  third(rssSeries, 'last'),
  third(heapSeries, 'first'),
  third(heapSeries, 'last'),
];
const grew = (first?: number, last?: number) => first !== undefined && last !== undefined && last > first * 1.25;
const flat = !grew(rssFirst, rssLast) && !grew(heapFirst, heapLast);
console.log(
  `\nTotal: ${total.requests} requests, ${total.serverErrors} errors, ${total.clientErrors} 4xx, p50 ${percentile(total.latencies, 50)} ms, p99 ${percentile(total.latencies, 99)} ms; lowest RSS ${rssFirst ?? '—'} → ${rssLast ?? '—'} MB, lowest heap floor ${heapFirst ?? '—'} → ${heapLast ?? '—'} MB (first third → last third): ${flat ? 'flat' : 'GROWING'}`,
);
for (const [key, count] of [...refusals].sort((a, b) => b[1] - a[1]).slice(0, 8))
  console.log(`  4xx: ${key} × ${count}`);
process.exit(total.serverErrors === 0 && flat ? 0 : 1);
