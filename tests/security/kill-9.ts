/**
 * kill -9 suite (issue 14): `npm run check:security:kill`. Not part of `npm test` (minutes long).
 *
 * Starts the real server (node --import tsx src/server/main.ts) on a temporary PGlite DATA_DIR,
 * starts a piece of work — a register import, a progress submission, a PDF report export, the
 * migrations of a fresh database — kills the server with SIGKILL at a random moment, restarts it
 * on the same folder and checks that nothing is half-written: the app starts and is ready, every
 * migration is recorded, the import is all or nothing (recommendation count), no import is left
 * in a state other than previewed/applied, every recommendation has its first status, a submitted
 * progress update has its submitted event, no stored file is orphaned, no LibreOffice is left
 * running and no PDF draft is left in the temp folder. Prints a table of runs and outcomes and
 * exits 1 when any run failed a check.
 *
 * KILL_RUNS=<n> runs per scenario (default 3); KILL_SEED=<n> for reproducible delays; KILL_ONLY=<words,…>
 * for the scenarios whose name holds one (import, progress, pdf, migrations).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src/server/db/database';
import { freePort } from '../free-port';

const repo = join(import.meta.dirname, '..', '..');
const runsPer = Number(process.env.KILL_RUNS ?? 3);
const firstSeed = Number(process.env.KILL_SEED ?? Date.now() % 100_000);
let seed = firstSeed;
const random = () => {
  // mulberry32: reproducible with KILL_SEED.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const between = (low: number, high: number) => Math.round(low + random() * (high - low));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const work = mkdtempSync(join(tmpdir(), 'implementa-kill-'));

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  log: () => string;
}

/** Every server started, so that none outlives a failed run or the suite. */
const started: Server[] = [];

async function startServer(dataDir: string, runTmp: string, demo: boolean): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repo,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO: demo ? 'true' : 'false',
      SESSION_SECRET: 'kill-suite-secret-kill-suite-secret-0123',
      AUTH_RATE_PER_MINUTE: '10000',
      LOG_LEVEL: 'warn',
      TMPDIR: runTmp,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server = { child, url: `http://127.0.0.1:${port}`, exited, log: () => output };
  started.push(server);
  return server;
}

async function waitReady(server: Server, timeoutMs = 240_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { exitCode, signalCode } = server.child;
    if (exitCode !== null || signalCode !== null)
      throw new Error(`server exited ${exitCode ?? signalCode}: ${server.log()}`);
    try {
      const response = await fetch(`${server.url}/ready`);
      if (response.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`not ready after ${timeoutMs} ms: ${server.log()}`);
    await sleep(200);
  }
}

async function kill9(server: Server) {
  server.child.kill('SIGKILL');
  await server.exited;
}

async function stop(server: Server) {
  server.child.kill('SIGTERM');
  const code = await Promise.race([server.exited, sleep(30_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') await kill9(server);
}

interface Session {
  call(method: string, path: string, body?: unknown, type?: string): Promise<Response>;
}

async function signIn(server: Server, email: string, password: string): Promise<Session> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    call: (method, path, body, type = 'application/json') =>
      fetch(`${server.url}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': type }),
        },
        body:
          body === undefined
            ? undefined
            : type === 'application/json'
              ? JSON.stringify(body)
              : new Uint8Array(body as Buffer),
      }),
  };
}

const admin = ['admin@demo.implementa.example', 'demo-admin-2026'] as const;
const coordinator = ['coordinator@demo.implementa.example', 'demo-coordinator-2026'] as const;
const focalPoint = ['focal.point@demo.implementa.example', 'demo-focal-point-2026'] as const;

/** What the scenario's work was, for the checks after the restart. */
interface Before {
  recommendations?: number;
  planned?: number;
  importId?: string;
}
interface Scenario {
  name: string;
  demo: boolean;
  /** Starts the work on a running server and returns once the kill is due (its delay told). */
  run(server: Server, delay: number): Promise<{ before: Before; answered: string }>;
  delay: () => number;
}

async function countRecommendations(session: Session): Promise<number> {
  const response = await session.call('GET', '/api/recommendations?pageSize=1');
  return ((await response.json()) as { total: number }).total;
}

/** Races the request against the kill moment: what the client saw when the server died. */
async function raceKill(request: Promise<Response>, delay: number): Promise<string> {
  const outcome = await Promise.race([
    request.then((response) => `answered ${response.status}`).catch(() => 'connection lost'),
    sleep(delay).then(() => 'in flight'),
  ]);
  return outcome;
}

const scenarios: Scenario[] = [
  {
    name: 'import',
    demo: true,
    delay: () => between(10, 4000),
    async run(server, delay) {
      const session = await signIn(server, ...admin);
      const recommendations = await countRecommendations(session);
      const file = readFileSync(join(repo, 'tests/fixtures/upr-info/upr-info-sessions-14-17.sample.csv'));
      const upload = await session.call(
        'POST',
        '/api/imports?fileName=upr-info-sessions-14-17.sample.csv',
        file,
        'application/octet-stream',
      );
      if (upload.status !== 201) throw new Error(`upload ${upload.status} ${await upload.text()}`);
      const preview = (await upload.json()) as { importId: string; counts: { create: number } };
      const apply = session.call('POST', `/api/imports/${preview.importId}/apply`, { confirmForeignState: true });
      const answered = await raceKill(apply, delay);
      return {
        before: { recommendations, planned: preview.counts.create, importId: preview.importId },
        answered,
      };
    },
  },
  {
    name: 'progress submission',
    demo: true,
    delay: () => between(0, 300),
    async run(server, delay) {
      // The focal point's ministry (MDDSZ in the demo) is given a recommendation to report on.
      const session = await signIn(server, ...focalPoint);
      const listed = await session.call('GET', '/api/progress-updates?pageSize=50');
      const updates = (await listed.json()) as { items?: { entity: { id: string; acronym: string | null } }[] };
      const entity = updates.items?.find((item) => item.entity.acronym === 'MDDSZ')?.entity;
      if (!entity) throw new Error(`the focal point's entity not found: ${listed.status}`);
      const secretariat = await signIn(server, ...coordinator);
      const page = (await (await secretariat.call('GET', '/api/recommendations?pageSize=1')).json()) as {
        items: { id: string }[];
      };
      const recommendationId = page.items[0]?.id ?? '';
      const assigned = await secretariat.call('POST', '/api/assignments', {
        recommendationIds: [recommendationId],
        entityId: entity.id,
        role: 'lead',
      });
      if (assigned.status !== 200) throw new Error(`assign ${assigned.status} ${await assigned.text()}`);
      const target = { recommendationId, entity };
      const today = new Date().toISOString().slice(0, 10);
      const created = await session.call('POST', '/api/progress-updates', {
        recommendationId: target.recommendationId,
        entityId: target.entity.id,
        narrative: '<p>Kill suite: a draft submitted while the server dies.</p>',
        periodStart: `${today.slice(0, 4)}-01-01`,
        periodEnd: today,
      });
      if (created.status !== 201) throw new Error(`draft ${created.status} ${await created.text()}`);
      const draft = (await created.json()) as { id: string; version: number };
      const answered = await raceKill(
        session.call('POST', `/api/progress-updates/${draft.id}/submit`, { version: draft.version }),
        delay,
      );
      return { before: {}, answered };
    },
  },
  {
    name: 'report PDF export',
    demo: true,
    delay: () => between(200, 6000),
    async run(server, delay) {
      const session = await signIn(server, ...coordinator);
      const list = (await (await session.call('GET', '/api/reports')).json()) as { items: { id: string }[] };
      let id = list.items[0]?.id;
      if (!id) {
        const created = await session.call('POST', '/api/reports', {
          bodyCode: 'UPR',
          type: 'upr_mid_term',
          title: 'Kill suite mid-term report',
        });
        if (created.status !== 201) throw new Error(`report ${created.status} ${await created.text()}`);
        id = ((await created.json()) as { id: string }).id;
      }
      const answered = await raceKill(session.call('GET', `/api/reports/${id}/export.pdf`), delay);
      return { before: {}, answered };
    },
  },
  {
    name: 'migrations (fresh database)',
    demo: false,
    delay: () => between(300, 9000),
    async run(_server, delay) {
      await sleep(delay);
      return { before: {}, answered: 'start-up' };
    },
  },
];

/** Processes whose command line names this run's temp folder (LibreOffice's profile is in it). */
function processesUnder(folder: string): number {
  const out = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(folder) && !line.includes('ps -eo')).length;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}

async function check(dataDir: string, runTmp: string, before: Before): Promise<string[]> {
  const problems: string[] = [];
  const handle = await openDatabase({ dataDir });
  try {
    const db = handle.db;
    const one = async (query: ReturnType<typeof sql<{ n: number }>>) =>
      Number((await query.execute(db)).rows[0]?.n ?? 0);
    const migrationFiles = readdirSync(join(repo, 'migrations')).filter((name) => name.endsWith('.sql'));
    const recorded = new Set(
      (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((row) => row.name),
    );
    const missing = migrationFiles.filter((name) => !recorded.has(name));
    if (missing.length > 0) problems.push(`migrations not applied: ${missing.join(', ')}`);
    const noStatus = await one(sql`select count(*)::int as n from recommendations r
      where not exists (select 1 from recommendation_status_history h where h.recommendation_id = r.id)`);
    if (noStatus > 0) problems.push(`${noStatus} recommendations without a status`);
    const stuck = await one(sql`select count(*)::int as n from imports where status not in ('previewed', 'applied')`);
    if (stuck > 0) problems.push(`${stuck} imports stuck`);
    const unsubmitted = await one(sql`select count(*)::int as n from progress_updates u where u.status = 'submitted'
      and not exists (select 1 from progress_update_events e where e.progress_update_id = u.id and e.step = 'submitted')`);
    if (unsubmitted > 0) problems.push(`${unsubmitted} submitted updates without their event`);
    if (before.recommendations !== undefined && before.planned !== undefined) {
      const now = await one(sql`select count(*)::int as n from recommendations`);
      const applied = await one(
        sql`select count(*)::int as n from imports where id = ${before.importId} and status = 'applied'`,
      );
      const expected = applied ? before.recommendations + before.planned : before.recommendations;
      if (now !== expected)
        problems.push(
          `import half-written: ${now} recommendations, expected ${expected} (${applied ? 'applied' : 'not applied'})`,
        );
    }
    const keys = new Set(
      (
        await sql<{ k: string }>`select storage_key as k from attachments`.execute(db).catch(() => ({ rows: [] }))
      ).rows.map((row) => row.k),
    );
    const stored = filesUnder(join(dataDir, 'files')).map((path) => relative(join(dataDir, 'files'), path));
    const orphans = stored.filter((path) => ![...keys].some((key) => path.endsWith(key) || path.includes(key)));
    if (orphans.length > 0) problems.push(`${orphans.length} orphan files`);
  } finally {
    await handle.close();
  }
  const drafts =
    filesUnder(join(runTmp, 'implementa-pdf')).length + filesUnder(runTmp).filter((p) => p.endsWith('.docx')).length;
  if (drafts > 0) problems.push(`${drafts} PDF draft files left`);
  const soffice = processesUnder(runTmp);
  if (soffice > 0) problems.push(`${soffice} LibreOffice processes left`);
  return problems;
}

interface Row {
  scenario: string;
  run: number;
  killAfterMs: number;
  atKill: string;
  restartMs: number | string;
  outcome: string;
}

async function main() {
  console.log(`kill -9 suite: ${runsPer} runs per scenario, KILL_SEED=${firstSeed}, in ${work}`);
  // The demo State once (migrations, seed, a clean stop), copied for each run that needs it.
  const baseData = join(work, 'base');
  const baseTmp = join(work, 'base-tmp');
  mkdirSync(baseTmp);
  const first = await startServer(baseData, baseTmp, true);
  const seededMs = await waitReady(first, 600_000);
  await stop(first);
  console.log(`demo database ready in ${seededMs} ms`);
  const rows: Row[] = [];
  const only = process.env.KILL_ONLY?.toLowerCase().split(',');
  for (const scenario of scenarios.filter(
    (each) => !only || only.some((word) => each.name.toLowerCase().includes(word)),
  ))
    for (let run = 1; run <= runsPer; run++) {
      const dir = join(work, `${scenario.name.replace(/\W+/g, '-')}-${run}`);
      const dataDir = join(dir, 'data');
      const runTmp = join(dir, 'tmp');
      mkdirSync(runTmp, { recursive: true });
      if (scenario.demo) cpSync(baseData, dataDir, { recursive: true });
      const delay = scenario.delay();
      const row: Row = { scenario: scenario.name, run, killAfterMs: delay, atKill: '', restartMs: '', outcome: '' };
      try {
        const server = await startServer(dataDir, runTmp, false);
        if (scenario.demo) await waitReady(server);
        const { before, answered } = await scenario.run(server, delay);
        row.atKill = answered;
        await kill9(server);
        const again = await startServer(dataDir, runTmp, false);
        try {
          row.restartMs = await waitReady(again).catch((error: Error) => {
            throw new Error(`restart: ${error.message}`);
          });
          // A PDF conversion cleaned up at start-up: give the kill a moment to land.
          await sleep(500);
        } finally {
          await stop(again);
        }
        const problems = await check(dataDir, runTmp, before);
        row.outcome = problems.length === 0 ? 'ok' : `FAIL: ${problems.join('; ')}`;
      } catch (error) {
        row.outcome = `FAIL: ${(error as Error).message.slice(0, 300)}`;
      } finally {
        for (const server of started.splice(0))
          if (server.child.exitCode === null && server.child.signalCode === null) await kill9(server);
      }
      rows.push(row);
      console.log(`${row.scenario} #${row.run}: killed after ${delay} ms (${row.atKill}) → ${row.outcome}`);
      if (row.outcome === 'ok') rmSync(dir, { recursive: true, force: true });
    }
  console.log('');
  console.table(rows);
  const failed = rows.filter((row) => row.outcome !== 'ok').length;
  console.log(
    `${rows.length} runs, ${rows.length - failed} ok, ${failed} failed${failed ? ` (folders kept in ${work})` : ''}`,
  );
  if (!failed) rmSync(work, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

await main();
