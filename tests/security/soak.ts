/**
 * `npm run soak`: simulated people using the app at once for a while, on PostgreSQL by default:
 * each signs in as one of the demo accounts (all roles), then reads and writes in a realistic mix
 * (register lists and searches, a recommendation, dashboards, inbox, actions, indicators,
 * notifications; saving and deleting a view, renaming oneself) with 0.5–1.5 s between requests.
 * Every 30 s it prints requests, server errors (5xx and failed connections), 4xx, p50/p99 and the
 * server's RSS; at the end whether RSS stayed flat (last window within 25% of the second).
 * Plain fetch (undici, built into Node): no load-testing dependency.
 *
 *   --users N (200)   --duration SECONDS (600)   --interval SECONDS (30)
 *   --db postgres|pglite (postgres, a fresh database on --server)   --base-url URL (an app already running)
 */
import { readFileSync } from 'node:fs';
import { demoAccounts } from '../../src/server/seed/demo-accounts';
import { defaultServerUrl, option, type RunningApp, type Session, signIn, startApp } from './app-process';

const users = Number(option('users', '200'));
const durationMs = Number(option('duration', '600')) * 1000;
const intervalMs = Number(option('interval', '30')) * 1000;
const words = [
  'women',
  'children',
  'torture',
  'Roma',
  'discrimination',
  'education',
  'violence',
  'disability',
  'migrants',
  'poverty',
];

const app: RunningApp | undefined = process.argv.includes('--base-url')
  ? undefined
  : await startApp({
      database: option('db', 'postgres') as 'pglite' | 'postgres',
      serverUrl: option('server', process.env.TEST_DATABASE_URL ?? defaultServerUrl),
      quiet: true,
    });
const baseUrl = app?.baseUrl ?? option('base-url', '');
const serverPid = app?.process.pid;

interface Window {
  requests: number;
  serverErrors: number;
  clientErrors: number;
  latencies: number[];
  errorSamples: string[];
}
const freshWindow = (): Window => ({ requests: 0, serverErrors: 0, clientErrors: 0, latencies: [], errorSamples: [] });
let current = freshWindow();
const total = freshWindow();
const rows: string[] = [];
const rssSeries: number[] = [];

type Step = (session: Session) => Promise<void>;
let recommendationIds: string[] = [];

async function call(session: Session, method: string, path: string, body?: unknown): Promise<Response | undefined> {
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
}

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

const get =
  (path: string | (() => string)): Step =>
  (session) =>
    call(session, 'GET', typeof path === 'string' ? path : path()).then(() => {});
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)] as T;

/** The mix, by weight: mostly reading the register and one's own work, some writing. */
const mix: [number, Step][] = [
  [18, get('/api/recommendations?page=1&pageSize=25')],
  [14, get(() => `/api/recommendations?q=${pick(words)}&page=1&pageSize=25`)],
  [10, get(() => `/api/recommendations/${pick(recommendationIds)}`)],
  [8, get('/api/session')],
  [5, get('/api/dashboards/status')],
  [3, get('/api/dashboards/overdue')],
  [5, get('/api/entities?page=1&pageSize=25')],
  [5, get('/api/actions?page=1&pageSize=25')],
  [4, get('/api/indicators?page=1&pageSize=25')],
  [5, get('/api/inbox?page=1&pageSize=25')],
  [4, get('/api/assignments/mine?page=1&pageSize=25')],
  [4, get('/api/me/notifications')],
  [3, get('/api/calendar/events?page=1&pageSize=25')],
  [2, get('/api/reports?page=1&pageSize=25')],
  [
    6,
    async (session) => {
      const created = await call(session, 'POST', '/api/saved-views', {
        name: `soak ${Math.random().toString(36).slice(2, 10)}`,
        query: { q: pick(words) },
      });
      if (created?.status === 201) {
        const { id } = (await created.json()) as { id: string };
        await call(session, 'DELETE', `/api/saved-views/${id}`);
      }
    },
  ],
  [
    2,
    (session) =>
      call(session, 'PATCH', '/api/me', { name: demoAccounts.find((a) => a.email === session.email)?.name }).then(
        () => {},
      ),
  ],
];
const totalWeight = mix.reduce((sum, [weight]) => sum + weight, 0);
function nextStep(): Step {
  let roll = Math.random() * totalWeight;
  for (const [weight, step] of mix) {
    roll -= weight;
    if (roll <= 0) return step;
  }
  return mix[0]?.[1] as Step;
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

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
};

function printWindow(elapsedS: number): void {
  const rss = rssMb();
  if (rss !== undefined) rssSeries.push(rss);
  const row = `| ${elapsedS} | ${current.requests} | ${(current.requests / (intervalMs / 1000)).toFixed(0)} | ${current.serverErrors} | ${current.clientErrors} | ${percentile(current.latencies, 50)} | ${percentile(current.latencies, 99)} | ${rss ?? '—'} |`;
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
  const list = await fetch(`${baseUrl}/api/recommendations?page=1&pageSize=100`, {
    headers: { cookie: sessions[0]?.cookie ?? '' },
  });
  recommendationIds = ((await list.json()) as { items: { id: string }[] }).items.map((item) => item.id);
  if (recommendationIds.length === 0) throw new Error('no recommendations to read');
  console.log(`${users} users for ${durationMs / 1000} s on ${app ? option('db', 'postgres') : baseUrl}\n`);
  console.log(
    '| s | requests | req/s | errors (5xx, failed) | 4xx | p50 ms | p99 ms | server RSS MB |\n|---|---|---|---|---|---|---|---|',
  );
  const started = Date.now();
  const ticker = setInterval(() => printWindow(Math.round((Date.now() - started) / 1000)), intervalMs);
  await Promise.all(
    sessions.map(async (session) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1500));
      while (Date.now() - started < durationMs) {
        await nextStep()(session);
        await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1000));
      }
    }),
  );
  clearInterval(ticker);
  if (current.requests > 0) printWindow(Math.round((Date.now() - started) / 1000));
} finally {
  await app?.stop();
}
const baseline = rssSeries[1] ?? rssSeries[0];
const last = rssSeries.at(-1);
const flat = baseline === undefined || last === undefined || last <= baseline * 1.25;
console.log(
  `\nTotal: ${total.requests} requests, ${total.serverErrors} errors, ${total.clientErrors} 4xx, p50 ${percentile(total.latencies, 50)} ms, p99 ${percentile(total.latencies, 99)} ms; RSS ${baseline ?? '—'} → ${last ?? '—'} MB: ${flat ? 'flat' : 'GROWING'}`,
);
for (const [key, count] of [...refusals].sort((a, b) => b[1] - a[1]).slice(0, 8))
  console.log(`  4xx: ${key} × ${count}`);
process.exit(total.serverErrors === 0 && flat ? 0 : 1);
