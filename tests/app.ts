import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import pino from 'pino';
import { type AppOptions, buildApp } from '../src/server/app';
import type { DatabaseHandle } from '../src/server/db/database';
import type { Deps } from '../src/server/deps';
import { deriveEncryptionKey } from '../src/server/env';
import { createDiskStore } from '../src/server/files/disk-store';
import { createJobQueue } from '../src/server/jobs/queue';
import { startJobs } from '../src/server/jobs/workers';
import { createMailer } from '../src/server/mail/mailer';
import type { Role } from '../src/shared/schemas/identity';
import { createTestDatabase } from './db';
import { makeUser, testPassword } from './factories';
import { type ReceivedMail, type SmtpServer, startSmtpServer } from './smtp';

/** The key two-step sign-in secrets are encrypted with in tests. */
export const testEncryptionKey = deriveEncryptionKey('test-encryption-key-test-encryption-key');

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  deps: Deps;
  inbox: ReceivedMail[];
  /** The first mail to that address, once the job worker has sent it. */
  waitForMail(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** The mail server goes down (connections refused) … */
  stopSmtp(): Promise<void>;
  /** … and comes back on the same port, with the same inbox. */
  restartSmtp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole HTTP app on a fresh database, with its job worker (polling every half second, one
 * retry a second after a failure), mailing through a real SMTP server on loopback.
 */
export async function createTestApp(
  settings: Partial<Deps['settings']> = {},
  options: Pick<AppOptions, 'onRoute' | 'webDir'> & {
    /** Kysely plugins on the app's database (a statement counter), not on the job queue's. */
    dbPlugins?: KyselyPlugin[];
  } = {},
): Promise<TestApp> {
  const handle = await createTestDatabase();
  let smtp: SmtpServer | null = await startSmtpServer();
  const inbox = smtp.inbox;
  const port = smtp.port;
  const mailer = createMailer({
    smtpUrl: smtp.url,
    from: 'Implementa <test@implementa.example>',
    outboxDir: '',
    logger: pino({ level: 'silent' }),
  });
  const jobs = createJobQueue(handle.db, { pollSeconds: 0.5, mailRetryLimit: 1, mailRetryDelaySeconds: 1 });
  const { dbPlugins = [], ...appOptions } = options;
  const deps: Deps = {
    db: dbPlugins.reduce((db, plugin) => db.withPlugin(plugin), handle.db),
    mailer,
    jobs,
    files: createDiskStore(mkdtempSync(join(tmpdir(), 'implementa-files-'))),
    settings: {
      publicUrl: 'http://implementa.test',
      SIGN_IN_MAX_FAILURES: 5,
      SIGN_IN_LOCK_MINUTES: 15,
      SESSION_TTL_HOURS: 12,
      demo: false,
      UPLOAD_MAX_MB: 50,
      AUTH_RATE_PER_MINUTE: 10,
      API_TOKEN_RATE_PER_MINUTE: 600,
      INSTANCE_MODE: 'national',
      ACTION_REMINDER_DAYS: 14,
      INDICATOR_REMINDER_DAYS: 14,
      FEDERATION_RETRY_SECONDS: 1,
      EVIDENCE_MAX_MB: 20,
      EVIDENCE_TYPES: ['pdf', 'docx', 'xlsx', 'csv', 'png', 'jpeg', 'odt', 'ods'],
      HUB_ATTACHMENT_MAX_MB: 20,
      HUB_PRACTICE_WRITES_PER_HOUR: 30,
      encryptionKey: testEncryptionKey,
      oidc: null,
      ...settings,
    },
  };
  const app = await buildApp({
    deps,
    sessionSecret: 'test-secret-test-secret-test-secret-123',
    defaultLocale: 'en',
    databaseKind: handle.kind,
    webDir: '/nonexistent',
    rateLimitAllowList: ['127.0.0.1'],
    ...appOptions,
  });
  await startJobs(deps);
  return {
    app,
    handle,
    deps,
    inbox,
    waitForMail: async (to, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = inbox.find((message) => message.to.includes(to));
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stopSmtp: async () => {
      await smtp?.stop();
      smtp = null;
    },
    restartSmtp: async () => {
      smtp ??= await startSmtpServer({ port, inbox });
    },
    close: async () => {
      await app.close();
      await jobs.stop();
      mailer.close();
      await smtp?.stop();
      await handle.close();
    },
  };
}

export interface Client {
  cookie: string;
  csrfToken: string;
  userId: string;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export function cookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  return (first ?? '').split(';')[0] ?? '';
}

/** Signs in through the API and returns a client that sends the cookie and CSRF token. */
export async function signInAs(app: FastifyInstance, email: string, password = testPassword): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return clientFor(app, cookieOf(response), body.csrfToken, body.user.id);
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string, userId: string): Client {
  return {
    cookie,
    csrfToken,
    userId,
    request: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrfToken },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** A fresh user of that role, signed in. */
export async function signInNew(test: TestApp, role: Role): Promise<Client> {
  const user = await makeUser(test.handle.db, { role });
  return signInAs(test.app, user.email);
}
