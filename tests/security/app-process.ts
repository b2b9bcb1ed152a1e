import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { demoAccounts } from '../../src/server/seed/demo-accounts';
import { freePort } from '../free-port';

/**
 * The app in demo mode, seeded, for the slow security checks: run from the sources with tsx (not
 * the prebuilt bundle `npm start` runs), as a child process on a fresh PGlite folder, or on a
 * fresh database of the PostgreSQL server named by `serverUrl` (dropped again on stop). The
 * checks talk to it over HTTP only, as an attacker would.
 */
export interface RunningApp {
  baseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function startApp(options: {
  database: 'pglite' | 'postgres';
  serverUrl?: string;
  env?: Record<string, string>;
  quiet?: boolean;
  /** Modules loaded into the app's process before it starts (`node --import`), e.g. the soak's memory probe. */
  preload?: string[];
}): Promise<RunningApp> {
  const root = mkdtempSync(join(tmpdir(), 'implementa-security-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (options.database === 'postgres') {
    const serverUrl = options.serverUrl ?? defaultServerUrl;
    const name = `implementa_security_${randomBytes(5).toString('hex')}`;
    await admin(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => admin(serverUrl, `drop database if exists ${name} with (force)`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ...(options.preload ?? []).flatMap((path) => ['--import', path]), 'src/server/main.ts'],
    {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: baseUrl,
        DATA_DIR: join(root, 'data'),
        DEMO: 'true',
        LOG_LEVEL: 'error',
        // The checks sign in many times a minute from one address.
        AUTH_RATE_PER_MINUTE: '100000',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        ...options.env,
      },
      stdio: ['ignore', options.quiet ? 'ignore' : 'inherit', 'inherit'],
    },
  );
  let stopping = false;
  // Said at once: a check against a dead app would otherwise read as a clean result.
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`\nThe app (pid ${child.pid}) exited on its own: code ${code}, signal ${signal}`);
  });
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await dropDatabase();
    rmSync(root, { recursive: true, force: true });
  };
  // Seeding the demo register on PGlite takes minutes on a busy machine.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with ${child.exitCode}`);
    }
    try {
      if ((await fetch(`${baseUrl}/ready`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error('server did not become ready in 10 min');
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { baseUrl, process: child, stop };
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  // A server restarting under us (another check restarts PostgreSQL) fails the query, not the process.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface Session {
  role: string;
  email: string;
  cookie: string;
  csrfToken: string;
}

/** Signs in through the API as the demo account of `email`; the session cookie and CSRF token. */
export async function signIn(baseUrl: string, email: string): Promise<Session> {
  const account = demoAccounts.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const body = (await response.json()) as { csrfToken: string };
  return { role: account.role, email, cookie, csrfToken: body.csrfToken };
}

/** One demo account per role (the first listed), as the checks sign in. */
export function accountPerRole(): { role: string; email: string }[] {
  const seen = new Set<string>();
  return demoAccounts.filter((account) => !seen.has(account.role) && seen.add(account.role));
}

/** `--name value` options of a script. */
export function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  return value ?? fallback;
}
