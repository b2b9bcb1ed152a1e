import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg } from 'node:os';
// autocannon ships no types; the part used here is typed below.
import autocannonUntyped from 'autocannon';
import { int, ms, type Table } from './table';

interface Result {
  requests: { average: number; total: number };
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

/** The process listening on the app's port, when it runs on this machine (Linux: ss). */
function serverPid(port: string): string | null {
  try {
    const listening = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    return /pid=(\d+)/.exec(listening)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Its resident memory (/proc). */
function serverRss(pid: string | null): number | null {
  if (!pid) return null;
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : null;
}

/**
 * The CPU time it has used, user and system, all threads (/proc stat, in clock ticks of 10 ms):
 * per request, a figure that a loaded machine changes far less than requests/s.
 */
function serverCpuMs(pid: string | null): number | null {
  if (!pid) return null;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
    const pid = serverPid(port);
    const before = serverRss(pid);
    const cpuBefore = serverCpuMs(pid);
    const load = loadavg()[0] ?? 0;
    const result = await autocannon({
      url: new URL(target.path, baseUrl).href,
      connections: options.connections,
      duration: options.seconds,
      headers,
    });
    const after = serverRss(pid);
    const cpuAfter = serverCpuMs(pid);
    const cpuPerRequest =
      cpuBefore === null || cpuAfter === null || result.requests.total === 0
        ? '–'
        : ((cpuAfter - cpuBefore) / result.requests.total).toFixed(2);
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
      cpuPerRequest,
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
          'server CPU ms per request',
          'RSS MB before',
          'RSS MB after',
          'load avg (1 min)',
        ],
        align: ['l', 'r', 'r', 'r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
        rows,
        notes: [
          `App at ${baseUrl} on ${ready.database ?? 'an unknown database'}, signed in as the demo coordinator; autocannon in this process, on the same machine as the app (it takes CPU from it). The load average is the machine's, shared with other work. Server CPU: user + system time of the app's process (all its threads, not PostgreSQL's) over the requests sent; a warm register, entities or dashboard read sends 2 SQL statements (session, register generation: decision 028).`,
        ],
      },
    ],
  };
}
