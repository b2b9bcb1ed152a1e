import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import type { MailRow } from './outbox.repo';
import { queueMail } from './outbox.service';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

function mailTo(email: string): Promise<MailRow | undefined> {
  return test.handle.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).executeTakeFirst();
}

/** Polls the outbox row until it has that status. */
async function mailReaches(email: string, status: MailRow['status'], timeoutMs = 20_000): Promise<MailRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await mailTo(email);
    if (row?.status === status) return row;
    if (Date.now() > deadline) throw new Error(`mail to ${email} is ${row?.status ?? 'missing'}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function jobOf(jobId: string | null) {
  const result = await sql<{ state: string; retry_count: number; data: { mailId: string; userId: string | null } }>`
    select state, retry_count, data from pgboss.job where id = ${jobId}`.execute(test.handle.db);
  return result.rows[0];
}

async function invite(email: string) {
  const admin = await signInNew(test, 'admin');
  const response = await admin.request('POST', '/api/admin/invitations', {
    email,
    name: 'Queued Person',
    role: 'viewer',
    locale: 'en',
  });
  expect(response.statusCode).toBe(201);
  return { admin, invitation: response.json() as { userId: string } };
}

describe('mail through the job queue', () => {
  it('an invitation’s mail is queued with it, sent by the worker, then kept as sent without its text', async () => {
    const email = 'through.queue@test.implementa.example';
    const { admin, invitation } = await invite(email);
    const queued = await mailTo(email);
    expect(queued).toMatchObject({ kind: 'invitation', recipient_user_id: invitation.userId });
    expect(await jobOf(queued?.job_id ?? null)).toMatchObject({
      data: { mailId: queued?.id, userId: invitation.userId },
    });

    const received = await test.waitForMail(email);
    expect(received.text).toContain('http://implementa.test/accept-invitation?token=');
    const sent = await mailReaches(email, 'sent');
    expect(sent).toMatchObject({ attempts: 1, body: null, last_error: null });
    expect(sent.sent_at).toBeInstanceOf(Date);

    const listed = await admin.request('GET', '/api/admin/outbox?status=sent&pageSize=1');
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toMatchObject({ page: 1, pageSize: 1 });
    expect(listed.json().items).toHaveLength(1);
    const all = await admin.request('GET', '/api/admin/outbox?pageSize=200');
    const item = all.json().items.find((mail: { id: string }) => mail.id === sent.id);
    expect(item).toMatchObject({ kind: 'invitation', to: email, status: 'sent', attempts: 1 });
    expect(JSON.stringify(all.json())).not.toContain('accept-invitation');
  });

  it('a mail server that is down: the job retries, ends failed and shown; an admin retries it once the server is back', async () => {
    const email = 'server.down@test.implementa.example';
    await test.stopSmtp();
    let admin: Awaited<ReturnType<typeof invite>>['admin'];
    try {
      // The invitation is stored all the same: the mail waits in the outbox.
      ({ admin } = await invite(email));
      const failed = await mailReaches(email, 'failed');
      // The test app allows one retry: two attempts in all.
      expect(failed.attempts).toBe(2);
      expect(failed.last_error).toMatch(/ECONNREFUSED/);
      expect(failed.body).toContain('accept-invitation?token=');
      // The worker records the outbox row as failed, then pg-boss marks the job failed once the
      // handler has thrown: a moment later, so the job's state is awaited, not read at once.
      await vi.waitFor(
        async () => expect(await jobOf(failed.job_id)).toMatchObject({ state: 'failed', retry_count: 1 }),
        {
          timeout: 5_000,
        },
      );

      const listed = await admin.request('GET', '/api/admin/outbox?status=failed');
      expect(listed.json().items).toContainEqual(
        expect.objectContaining({ id: failed.id, status: 'failed', attempts: 2, lastError: failed.last_error }),
      );
      expect(test.inbox.some((mail) => mail.to.includes(email))).toBe(false);
    } finally {
      await test.restartSmtp();
    }

    const coordinator = await signInNew(test, 'coordinator');
    const row = await mailTo(email);
    expect((await coordinator.request('GET', '/api/admin/outbox')).statusCode).toBe(403);
    expect((await coordinator.request('POST', `/api/admin/outbox/${row?.id}/retry`)).statusCode).toBe(403);

    const retried = await admin.request('POST', `/api/admin/outbox/${row?.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 2 });
    const again = await admin.request('POST', `/api/admin/outbox/${row?.id}/retry`);
    expect(again.json().error.code).toBe('CONFLICT');

    expect((await test.waitForMail(email)).text).toContain('accept-invitation?token=');
    expect(await mailReaches(email, 'sent')).toMatchObject({ attempts: 3, body: null, last_error: null });
    const audit = await admin.request('GET', `/api/admin/audit?recordType=mail&recordId=${row?.id}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'update', after: { status: 'pending' } });
  });

  it('a rolled-back transaction queues nothing and sends nothing', async () => {
    const email = 'rolled.back@test.implementa.example';
    const jobsBefore = await sql<{ n: number }>`select count(*)::int as n from pgboss.job`.execute(test.handle.db);
    await expect(
      test.handle.db.transaction().execute(async (trx) => {
        await queueMail(trx, test.deps, { kind: 'invitation', to: email, userId: null, subject: 'S', text: 'T' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await mailTo(email)).toBeUndefined();
    const jobsAfter = await sql<{ n: number }>`select count(*)::int as n from pgboss.job`.execute(test.handle.db);
    expect(jobsAfter.rows[0]?.n).toBe(jobsBefore.rows[0]?.n);
    // Three polls of the worker later, still nothing.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(test.inbox.some((mail) => mail.to.includes(email))).toBe(false);
  });

  it('answers 404 for retrying a mail that does not exist', async () => {
    const admin = await signInNew(test, 'admin');
    const response = await admin.request('POST', '/api/admin/outbox/00000000-0000-4000-8000-000000000000/retry');
    expect(response.statusCode).toBe(404);
  });
});
