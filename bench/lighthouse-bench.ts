import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../tests/chromium';
import { publicTargets } from './lighthouse-public';
import { int, ms, type Table } from './table';
import { accounts, wirePages } from './wire-bench';

/** Targets of issue 16: printed beside each median. */
const performanceTarget = 95;
const accessibilityTarget = 100;

interface Run {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  /** Accessibility audits that failed (axe rule ids). */
  failed: string[];
  /** First-load bytes as transferred (compressed, headers included), by kind: they do not depend on the machine's load. */
  bytes: { html: number; css: number; js: number };
  detail: Detail;
}

/**
 * What the score is made of, in counts that the machine's load does not change (bytes, requests,
 * chain length) beside Lighthouse's CPU times (observed here × 4, so they grow with the load).
 */
interface Detail {
  scriptKb: number;
  requests: number;
  /** Requests that started before the first contentful paint, as observed. */
  beforePaint: number;
  /** The longest chain of requests each waiting on the one before (critical-request-chains). */
  chain: number;
  longTasks: number;
  longTaskMs: number;
  /** The longest task's milliseconds and what it ran (script file or "other"). */
  longest: string;
  scriptMs: number;
  layoutMs: number;
}

interface AuditDetails {
  items?: Record<string, unknown>[];
  longestChain?: { length: number };
}

function detailOf(lhr: { audits: Record<string, { details?: unknown } | undefined> }): Detail {
  const items = (id: string) => (lhr.audits[id]?.details as AuditDetails | undefined)?.items ?? [];
  const num = (item: Record<string, unknown> | undefined, key: string) => Number(item?.[key] ?? 0);
  const requests = items('network-requests');
  const metrics = items('metrics')[0];
  const paint = num(metrics, 'observedFirstContentfulPaint') || Number.POSITIVE_INFINITY;
  const start = num(metrics, 'observedNavigationStart');
  const tasks = items('long-tasks');
  const groups = new Map(items('mainthread-work-breakdown').map((item) => [String(item.group), num(item, 'duration')]));
  const longest = [...tasks].sort((a, b) => num(b, 'duration') - num(a, 'duration'))[0];
  return {
    scriptKb:
      requests
        .filter((item) => item.resourceType === 'Script')
        .reduce((sum, item) => sum + num(item, 'transferSize'), 0) / 1024,
    requests: requests.length,
    beforePaint: requests.filter((item) => num(item, 'networkRequestTime') - start < paint).length,
    chain: (lhr.audits['critical-request-chains']?.details as AuditDetails | undefined)?.longestChain?.length ?? 0,
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((sum, item) => sum + num(item, 'duration'), 0),
    longest: longest
      ? `${Math.round(num(longest, 'duration'))} ${String(longest.url).split('/').pop() || 'other'}`
      : '–',
    scriptMs: (groups.get('scriptEvaluation') ?? 0) + (groups.get('scriptParseCompile') ?? 0),
    layoutMs: (groups.get('styleLayout') ?? 0) + (groups.get('paintCompositeRender') ?? 0),
  };
}

/** Debian's Chromium with a DevTools port for Lighthouse (it drives the browser itself, not Playwright). */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  const child: ChildProcess = spawn(
    chromiumPath,
    [...chromiumFlags, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolvePort, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port: ${seen}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
  });
  return {
    port,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in over HTTP and returns the session cookie (English pages) and the register's first recommendation. */
async function signIn(baseUrl: string, account: string): Promise<{ cookie: string; rec: string }> {
  const response = await fetch(new URL('/api/session', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(accounts[account]),
  });
  if (!response.ok) throw new Error(`sign-in as ${account}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const session = (await response.json()) as { csrfToken: string; user: { version: number; locale: string } };
  if (session.user.locale !== 'en') {
    await fetch(new URL('/api/me', baseUrl), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ locale: 'en', version: session.user.version }),
    });
  }
  const list = await fetch(new URL('/api/recommendations?pageSize=1', baseUrl), { headers: { cookie } });
  const rec = ((await list.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
  return { cookie, rec };
}

async function audit(url: string, port: number, cookie: string | undefined): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    disableFullPageScreenshot: true,
    // Lighthouse clears the origin's storage before loading: the session travels as a header instead.
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failed = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
    .map((ref) => ref.id);
  const requests =
    (lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] })
      ?.items ?? [];
  const sum = (type: string) =>
    requests.filter((item) => item.resourceType === type).reduce((total, item) => total + (item.transferSize ?? 0), 0);
  return {
    bytes: { html: sum('Document'), css: sum('Stylesheet'), js: sum('Script') },
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    failed,
    detail: detailOf(lhr as unknown as Parameters<typeof detailOf>[0]),
  };
}

/** Lighthouse now and then loses the trace on a busy machine (NO_NAVSTART): such a run is redone, twice at most. */
async function withRetries(run: () => Promise<Run>, log: (line: string) => void): Promise<Run> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt === 3) throw error;
      log(`    redone: ${(error as Error).message}`);
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Lighthouse 12 (its default mobile profile: Moto G Power screen, simulated slow 4G and 4× CPU)
 * on the pages of issue 16, each run `runs` times; the table prints the medians.
 */
export async function runLighthouseBench(
  baseUrl: string,
  options: { runs: number; pages: 'all' | 'app' | 'public' },
  log: (line: string) => void,
): Promise<{ tables: Table[] }> {
  const sessions = new Map<string, Awaited<ReturnType<typeof signIn>>>();
  const targets: { name: string; path: string; account: string | null }[] = [];
  if (options.pages !== 'public') {
    for (const account of Object.keys(accounts)) sessions.set(account, await signIn(baseUrl, account));
    targets.push(...wirePages);
  }
  // The public portal's page types, signed out (issue 18): found from its home.
  const notes: string[] = [];
  if (options.pages !== 'app') {
    const found = await publicTargets(baseUrl);
    targets.push(...found.targets.map((target) => ({ ...target, account: null })));
    if (found.missing.length) notes.push(`Not measured, the portal has none published: ${found.missing.join(', ')}.`);
  }
  const chromium = await startChromium();
  const rows: (string | number)[][] = [];
  const details: (string | number)[][] = [];
  try {
    for (const target of targets) {
      const signed = target.account ? sessions.get(target.account) : undefined;
      const url = new URL(target.path.replace('{rec}', signed?.rec ?? ''), baseUrl).href;
      const runs: Run[] = [];
      for (let run = 0; run < options.runs; run += 1) {
        runs.push(await withRetries(() => audit(url, chromium.port, signed?.cookie), log));
        const last = runs.at(-1) as Run;
        log(`  ${target.name} #${run + 1}: performance ${last.performance}, accessibility ${last.accessibility}`);
      }
      const performance = median(runs.map((run) => run.performance));
      const accessibility = median(runs.map((run) => run.accessibility));
      rows.push([
        target.name,
        performance,
        runs.map((run) => run.performance).join(' '),
        performance >= performanceTarget ? 'yes' : 'NO',
        accessibility,
        accessibility >= accessibilityTarget ? 'yes' : 'NO',
        ms(median(runs.map((run) => run.lcpMs))),
        ms(median(runs.map((run) => run.tbtMs))),
        int(runs[0]?.bytes.html ?? 0),
        int(runs[0]?.bytes.css ?? 0),
        int(runs[0]?.bytes.js ?? 0),
        [...new Set(runs.flatMap((run) => run.failed))].join(', ') || '–',
      ]);
      // The run that scored the median: its parts, so that the table adds up.
      const typical = runs.find((run) => run.performance === performance) as Run;
      const { detail } = typical;
      details.push([
        target.name,
        detail.scriptKb.toFixed(1),
        detail.requests,
        detail.beforePaint,
        detail.chain,
        ms(typical.tbtMs),
        detail.longTasks,
        ms(detail.longTaskMs),
        detail.longest,
        ms(detail.scriptMs),
        ms(detail.layoutMs),
      ]);
    }
  } finally {
    await chromium.stop();
  }
  return {
    tables: [
      {
        title: 'Lighthouse, mobile',
        headers: [
          'page',
          'performance (median)',
          'runs',
          `≥ ${performanceTarget}`,
          'accessibility',
          `= ${accessibilityTarget}`,
          'LCP ms',
          'TBT ms',
          'HTML B',
          'CSS B',
          'JS B',
          'failed accessibility audits',
        ],
        align: ['l', 'r', 'l', 'l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'l'],
        rows,
        notes: [
          `App at ${baseUrl}. Lighthouse 12.2.3 run from Node against Debian's Chromium (headless), its default mobile profile: 412×823 screen, simulated throttling (150 ms RTT, 1.6 Mbit/s, CPU 4×); categories performance and accessibility only. Each page ${options.runs} times, medians printed (LCP and TBT are Lighthouse's simulated values). Signed-in pages get the session cookie as a request header (Lighthouse clears storage before each run).`,
          'Scores depend on the machine: Lighthouse simulates the network and the CPU slowdown from what this CPU did, so a busy machine scores lower.',
          'HTML, CSS and JS B: the first load\'s bytes as transferred (compressed, with headers), of the first run; they do not depend on the load. The public pages carry their CSS inline in the HTML and have no script; "public: widget (ar)" is the widget document alone, as an iframe loads it.',
          ...notes,
        ],
      },
      {
        title: 'Lighthouse, mobile: what the median run is made of',
        headers: [
          'page',
          'JS KB (transferred)',
          'requests',
          'requests before first paint',
          'longest request chain',
          'TBT ms',
          'long tasks',
          'long tasks ms',
          'longest task: ms, script',
          'script parse + run ms',
          'style, layout, paint ms',
        ],
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
        rows: details,
        notes: [
          'Bytes, requests and the chain length do not depend on the machine. Times are what this CPU did, × 4 (the simulated CPU of Lighthouse), so they grow with the load average; long tasks are the simulated ones (≥ 50 ms), which total blocking time counts beyond their first 50 ms each. Requests before first paint: those that started before the observed first contentful paint; the longest chain: critical-request-chains (document → script → … each waiting on the one before).',
        ],
      },
    ],
  };
}
