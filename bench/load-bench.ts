import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg } from 'node:os';
// autocannon ships no types; the part used here is typed below.
import autocannonUntyped from 'autocannon';
import { int, ms, type Table } from './table';

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
const autocannon = autocannonUntyped as unknown as (options: Record<string, unknown>) => Promise<Result>;

/** Signed-in API reads of issue 16's targets, as the pages ask them. */
export const loadTargets = [
  { name: 'register, first page', path: '/api/recommendations?lang=en' },
  { name: 'entities', path: '/api/entities' },
  { name: 'dashboard: status by mechanism', path: '/api/dashboards/status?dimension=mechanism&limit=12' },
  { name: 'health (no database)', path: '/health' },
] as const;

/** The body's size as sent (fetch would decompress it) and its encoding. */
function wireSize(url: URL, headers: Record<string, string>): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'none') }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The resident memory of the process listening on the app's port (Linux: ss, /proc). */
function serverRss(port: string): number | null {
  try {
    const listening = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(listening)?.[1];
    if (!pid) return null;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * autocannon against a running app, signed in as the demo coordinator (cookie of a real sign-in),
 * with brotli accepted as a browser would: requests/s, p50/p99 latency, bytes per answer, and the
 * server's RSS before and after each target when it runs on this machine.
 */
export async function runLoadBench(
  baseUrl: string,
  options: { connections: number; seconds: number },
  log: (line: string) => void,
): Promise<{ tables: Table[] }> {
  const signIn = await fetch(new URL('/api/session', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' }),
  });
  if (!signIn.ok) throw new Error(`sign-in at ${baseUrl}: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const port = new URL(baseUrl).port || '80';
  const ready = (await (await fetch(new URL('/ready', baseUrl))).json().catch(() => ({}))) as { database?: string };
  const rows: (string | number)[][] = [];
  for (const target of loadTargets) {
    log(`  ${target.name}`);
    const headers = { cookie, 'accept-encoding': 'br, gzip' };
    const one = await wireSize(new URL(target.path, baseUrl), headers);
    const before = serverRss(port);
    const load = loadavg()[0] ?? 0;
    const result = await autocannon({
      url: new URL(target.path, baseUrl).href,
      connections: options.connections,
      duration: options.seconds,
      headers,
    });
    const after = serverRss(port);
    const mb = (value: number | null) => (value === null ? '–' : int(value / 2 ** 20));
    rows.push([
      target.name,
      int(result.requests.average),
      ms(result.latency.p50),
      ms(result.latency.p99),
      result.requests.average >= 1000 && result.latency.p99 <= 100 ? 'yes' : 'no',
      one.encoding,
      (one.bytes / 1024).toFixed(1),
      result.errors + result.timeouts + result.non2xx,
      mb(before),
      mb(after),
      load.toFixed(1),
    ]);
  }
  return {
    tables: [
      {
        title: `Signed-in API under load (${options.connections} connections, ${options.seconds} s each)`,
        headers: [
          'target',
          'req/s',
          'p50 ms',
          'p99 ms',
          '≥ 1,000/s, p99 ≤ 100 ms',
          'encoding',
          'KB per answer (as sent)',
          'errors',
          'RSS MB before',
          'RSS MB after',
          'load avg (1 min)',
        ],
        align: ['l', 'r', 'r', 'r', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
        rows,
        notes: [
          `App at ${baseUrl} on ${ready.database ?? 'an unknown database'}, signed in as the demo coordinator; autocannon in this process, on the same machine as the app (it takes CPU from it). The load average is the machine's, shared with other work.`,
        ],
      },
    ],
  };
}
