import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, createTestApp, signInAs, type TestApp } from '../../../tests/app';
import { makeEntity, makeStateProfile, makeUser, seatPerson } from '../../../tests/factories';
import { type SmtpServer, startSmtpServer } from '../../../tests/smtp';
import { buildApp } from '../app';
import { type DatabaseHandle, openDatabase } from '../db/database';
import type { Deps } from '../deps';
import { createMailer } from '../mail/mailer';
import { createJobQueue, type JobQueue } from './queue';
import { startJobs } from './workers';

/*
 * Issue 14, "two app processes on one PostgreSQL serving the same users": two app instances, each
 * with its own pool (on PostgreSQL: its own connections to the same database, as a second process
 * has), its own pg-boss worker and its own mail server, so that a mail sent twice would land in
 * both inboxes. A session made on one is used, and ended, on the other; reminders falling due
 * while both workers poll are each sent exactly once. On PGlite (one process by design: its data
 * folder is locked) the second instance shares the handle but still runs a second worker.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let a: TestApp;
let b: FastifyInstance;
let bHandle: DatabaseHandle;
let bJobs: JobQueue;
let bSmtp: SmtpServer;
let bMailer: ReturnType<typeof createMailer>;

beforeAll(async () => {
  a = await createTestApp();
  if (serverUrl) {
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(a.handle.db)).rows[0]?.name;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    bHandle = await openDatabase({ url: url.toString() });
  } else bHandle = a.handle;
  bSmtp = await startSmtpServer();
  bMailer = createMailer({
    smtpUrl: bSmtp.url,
    from: 'Implementa <test@implementa.example>',
    outboxDir: '',
    logger: pino({ level: 'silent' }),
  });
  bJobs = createJobQueue(bHandle.db, { pollSeconds: 0.5, mailRetryLimit: 1, mailRetryDelaySeconds: 1 });
  const bDeps: Deps = { ...a.deps, db: bHandle.db, jobs: bJobs, mailer: bMailer };
  b = await buildApp({
    deps: bDeps,
    sessionSecret: 'test-secret-test-secret-test-secret-123', // tests/app.ts's: the same settings, as two processes of one installation have
    defaultLocale: 'en',
    databaseKind: bHandle.kind,
    webDir: '/nonexistent',
    rateLimitAllowList: ['127.0.0.1'],
  });
  await startJobs(bDeps);
}, 120_000);

afterAll(async () => {
  await b?.close();
  await bJobs?.stop();
  bMailer?.close();
  await bSmtp?.stop();
  if (bHandle && bHandle !== a?.handle) await bHandle.close();
  await a?.close();
});

describe('two app instances on one database, both with their job worker', () => {
  it('a session made on one is valid on the other, and ended there, ends on both', async () => {
    const user = await makeUser(a.handle.db, { role: 'coordinator' });
    const onA = await signInAs(a.app, user.email);
    const onB: Client = clientFor(b, onA.cookie, onA.csrfToken, onA.userId);
    const session = await onB.request('GET', '/api/session');
    expect(session.statusCode, session.body).toBe(200);
    expect(session.json().user.email).toBe(user.email);
    // A write on B with the CSRF token issued by A, read back on A.
    const renamed = await onB.request('PATCH', '/api/me', { name: 'Renamed on B', version: user.version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await onA.request('GET', '/api/session')).json().user.name).toBe('Renamed on B');
    // Signing out on B ends the session on A too.
    expect((await onB.request('DELETE', '/api/session')).statusCode).toBeLessThan(300);
    const after = await onA.request('GET', '/api/session');
    expect(after.json().user ?? null).toBeNull();
    expect((await onA.request('PATCH', '/api/me', { name: 'Again', version: user.version + 1 })).statusCode).toBe(401);
  });

  it('reminders falling due while both workers poll are each mailed exactly once', async () => {
    await makeStateProfile(a.handle.db);
    const coordinator = await signInAs(a.app, (await makeUser(a.handle.db, { role: 'coordinator' })).email);
    const onB = clientFor(b, coordinator.cookie, coordinator.csrfToken, coordinator.userId);
    const entities = await Promise.all([0, 1, 2, 3].map(() => makeEntity(a.handle.db)));
    const focal: string[] = [];
    for (const entity of entities) {
      const person = await makeUser(a.handle.db, { role: 'focal_point' });
      await seatPerson(a.handle.db, entity.id, person.id, 'main');
      focal.push(person.email);
    }
    // Twelve actions due in a month, created half on each instance: each schedules its reminders.
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const actions: string[] = [];
    for (let index = 0; index < 12; index++) {
      const client = index % 2 === 0 ? coordinator : onB;
      const created = await client.request('POST', '/api/actions', {
        title: `Labour inspection plan ${index + 1}`,
        responsibleEntityId: entities[index % entities.length]?.id,
        endDate: due,
      });
      expect(created.statusCode, created.body).toBe(201);
      actions.push(created.json().id);
    }
    const reminders = await a.handle.db
      .selectFrom('action_reminders')
      .select(['id', 'job_id', 'kind'])
      .where('action_id', 'in', actions)
      .where('status', '=', 'scheduled')
      .execute();
    expect(reminders.length).toBe(24); // due soon and overdue, per action
    // All fall due now, at once: both workers race for them.
    await sql`update pgboss.job set start_after = now() where id in (${sql.join(reminders.map((r) => r.job_id))})`.execute(
      a.handle.db,
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const sent = await a.handle.db
        .selectFrom('action_reminders')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action_id', 'in', actions)
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow();
      const delivered = a.inbox.length + bSmtp.inbox.length;
      if (Number(sent.n) === 24 && delivered >= 24) break;
      if (Date.now() > deadline) throw new Error(`${sent.n} reminders sent, ${delivered} mails delivered in 60 s`);
      await sleep(200);
    }
    // Let a duplicate, if either worker had one in hand, arrive.
    await sleep(2_000);
    const mails = [...a.inbox, ...bSmtp.inbox].filter((mail) => focal.some((email) => mail.to.includes(email)));
    const bySubject = new Map<string, number>();
    for (const mail of mails)
      bySubject.set(`${mail.to} ${mail.subject}`, (bySubject.get(`${mail.to} ${mail.subject}`) ?? 0) + 1);
    // 24 reminders, one focal point each, each mail once: no subject twice to the same person.
    expect(mails.length).toBe(24);
    expect([...bySubject.values()].every((count) => count === 1)).toBe(true);
    const outbox = await a.handle.db
      .selectFrom('mail_outbox')
      .select(['status'])
      .where('kind', '=', 'action_reminder')
      .execute();
    expect(outbox.length).toBe(24);
    expect(outbox.every((row) => row.status === 'sent')).toBe(true);
    // Each reminder's mail count says one, in the row both workers lock.
    const counts = await a.handle.db
      .selectFrom('action_reminders')
      .select('mail_count')
      .where('action_id', 'in', actions)
      .execute();
    expect(counts.map((row) => row.mail_count)).toEqual(Array(24).fill(1));
    console.info(`two instances: mails delivered by A ${a.inbox.length}, by B ${bSmtp.inbox.length}`);
  }, 120_000);
});
