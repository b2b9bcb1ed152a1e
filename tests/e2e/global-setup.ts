import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '../db';
import { freePort } from '../free-port';
import { startSmtpServer } from '../smtp';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    inboxDir: string;
  }
}

/**
 * Starts the app as `npm start` would (demo mode, seeded), on a fresh PGlite folder or a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set, mailing through a real SMTP server whose
 * messages land as files in inboxDir for the specs to read.
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'implementa-e2e-'));
  const inboxDir = join(root, 'inbox');
  mkdirSync(inboxDir);
  const smtp = await startSmtpServer();
  const originalPush = smtp.inbox.push.bind(smtp.inbox);
  smtp.inbox.push = (...mails) => {
    for (const mail of mails)
      writeFileSync(join(inboxDir, `${Date.now()}-${Math.random().toString(36).slice(2)}.json`), JSON.stringify(mail));
    return originalPush(...mails);
  };
  const database = process.env.TEST_DATABASE_URL ? await createTestDatabase() : undefined;
  const databaseUrl = database ? await databaseUrlOf(database) : undefined;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: join(root, 'data'),
      DEMO: 'true',
      // The journeys start from the demo as imported, with nothing assigned or waiting; the demo's
      // year of work is checked by src/server/seed/demo-year.test.ts.
      DEMO_YEAR: 'false',
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
      // The specs sign in dozens of times a minute from one address.
      AUTH_RATE_PER_MINUTE: '1000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // The first start seeds the demo; on a loaded machine that takes longer (E2E_READY_SECONDS).
  const deadline = Date.now() + Number(process.env.E2E_READY_SECONDS ?? 90) * 1000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/ready`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('server did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('inboxDir', inboxDir);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await smtp.stop();
    await database?.close();
  };
}

async function databaseUrlOf(handle: Awaited<ReturnType<typeof createTestDatabase>>): Promise<string> {
  const { sql } = await import('kysely');
  const result = await sql<{ name: string }>`select current_database() as name`.execute(handle.db);
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${result.rows[0]?.name}`;
  // The server opens its own pool; ours stays open only to drop the database at the end.
  return url.toString();
}
