/**
 * npm run check:security:db-restart — the server rides out a PostgreSQL restart (issue 14, part 1).
 *
 * Starts the app (src/server/main.ts) on a fresh database of the local PostgreSQL cluster, restarts
 * the cluster with pg_ctlcluster while requests run, and checks that the process lives, that
 * /ready went red (503) and came back by itself, that requests answered 503 DATABASE_UNAVAILABLE
 * (never 500) meanwhile, and that they succeed afterwards. It restarts the machine's PostgreSQL,
 * which disturbs anything else using it: not part of `npm test`.
 *
 * Settings: CHECK_DATABASE_URL (a superuser URL of that cluster; default
 * postgres://postgres@127.0.0.1:5432/postgres), PG_CLUSTER (default: the one version under
 * /etc/postgresql, cluster main).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../tests/free-port';

const adminUrl = process.env.CHECK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const cluster = (process.env.PG_CLUSTER ?? `${readdirSync('/etc/postgresql').sort().at(-1)} main`).split(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function status(url: string, init?: RequestInit): Promise<{ code: number; error?: string }> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
    return { code: response.status, error: body.error?.code };
  } catch {
    return { code: 0 }; // no answer at all: the process is gone or stuck
  }
}

async function main(): Promise<number> {
  const name = `implementa_restart_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  let log = '';
  try {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO: 'false',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'implementa-restart-')),
        LOG_LEVEL: 'warn',
        AUTH_RATE_PER_MINUTE: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk) => {
      log += chunk;
    });
    server.stderr?.on('data', (chunk) => {
      log += chunk;
    });
    const deadline = Date.now() + 180_000;
    while ((await status(`${base}/ready`)).code !== 200) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${log}`);
      await sleep(500);
    }
    console.log(`server ready on ${base}, database ${name}`);

    // Requests all along: /ready, and a sign-in that reads the users table (401 when the database answers).
    const seen = { ready: new Map<number, number>(), signIn: new Map<string, number>() };
    let firstRed = 0;
    let lastRed = 0;
    let running = true;
    const restartAt = Date.now() + 1_000;
    const signInBody = JSON.stringify({ email: 'nobody@implementa.example', password: 'not-the-password' });
    const signIn = () =>
      status(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: signInBody,
      });
    // Two loops, so that slow sign-ins (password hashing) do not thin out the /ready probes.
    const probing = Promise.all([
      (async () => {
        while (running) {
          const ready = await status(`${base}/ready`);
          seen.ready.set(ready.code, (seen.ready.get(ready.code) ?? 0) + 1);
          if (ready.code === 503) {
            firstRed ||= Date.now();
            lastRed = Date.now();
          }
          await sleep(50);
        }
      })(),
      (async () => {
        while (running) {
          const answer = await signIn();
          const key = `${answer.code}${answer.error ? ` ${answer.error}` : ''}`;
          seen.signIn.set(key, (seen.signIn.get(key) ?? 0) + 1);
          await sleep(50);
        }
      })(),
    ]);

    await sleep(restartAt - Date.now());
    const started = Date.now();
    // Not execFileSync: the probes must go on while the cluster restarts.
    await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', ...cluster, 'restart']);
    const restarted = Date.now();
    console.log(`PostgreSQL ${cluster.join(' ')} restarted in ${restarted - started} ms`);

    // Back by itself: /ready green, a sign-in answered by the database.
    let recoveredAt = 0;
    for (const until = Date.now() + 60_000; Date.now() < until; await sleep(200)) {
      const ready = await status(`${base}/ready`);
      if (ready.code === 200) {
        recoveredAt = Date.now();
        break;
      }
    }
    await sleep(2_000);
    running = false;
    await probing;
    const after = await signIn();

    const alive = server.exitCode === null;
    const fmt = (map: Map<unknown, number>) => [...map].map(([k, n]) => `${k}: ${n}`).join(', ');
    console.log(`process alive: ${alive}`);
    console.log(`/ready answers: ${fmt(seen.ready)}`);
    console.log(`sign-in answers: ${fmt(seen.signIn)}`);
    if (firstRed)
      console.log(
        `/ready red for ${lastRed - firstRed + 100} ms (from ${firstRed - started} ms after the restart began)`,
      );
    console.log(
      `/ready green again ${recoveredAt ? `${recoveredAt - restarted} ms after the restart ended` : 'never'}`,
    );
    console.log(`sign-in after recovery: ${after.code}`);
    const failures = [
      !alive && 'the server process ended',
      !firstRed && '/ready never went red during the restart',
      !recoveredAt && '/ready did not come back within 60 s',
      after.code !== 401 && `a sign-in after recovery answered ${after.code}, not 401`,
      [...seen.signIn.keys()].some((key) => !/^(401 INVALID_CREDENTIALS|503 DATABASE_UNAVAILABLE)$/.test(key)) &&
        'a sign-in answered something else than 401 INVALID_CREDENTIALS or 503 DATABASE_UNAVAILABLE',
    ].filter(Boolean);
    for (const failure of failures) console.error(`FAIL: ${failure}`);
    if (failures.length > 0) console.error(`server output:\n${log}`);
    else console.log('OK: the server rode out the PostgreSQL restart');
    return failures.length > 0 ? 1 : 0;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server?.once('exit', resolve));
    }
    await dropWhenFree(name);
  }
}

async function dropWhenFree(name: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      await admin((client) => client.query(`drop database if exists ${name}`));
      return;
    } catch {
      await sleep(500);
    }
  }
  await admin((client) => client.query(`drop database if exists ${name} with (force)`));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
