import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../tests/app';
import { translatorFor } from '../../i18n';
import {
  admin,
  coordinator,
  createCall,
  type Person,
  people,
  rec,
  send,
  setUpMiniatureState,
  test,
  waitForSubject,
} from './calls.fixture';

setUpMiniatureState();

describe('the mail server down', () => {
  it('keeps the call and the inbox; the mail is retried, then shown as failed and sent again', async () => {
    const title = 'Urgent: regional data';
    await test.stopSmtp();
    try {
      const call = await createCall({ title, recommendationIds: [rec.D], allAssigned: true });
      await send(call);
      const who = people['region main'] as Person;
      let row: { id: string; status: string; attempts: number } | undefined;
      for (let i = 0; i < 200; i++) {
        row = await test.handle.db
          .selectFrom('mail_outbox')
          .select(['id', 'status', 'attempts'])
          .where('kind', '=', 'call_for_input')
          .where('to_address', '=', who.email)
          .where('subject', 'like', `%${title}%`)
          .executeTakeFirst();
        if (row?.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(row).toMatchObject({ status: 'failed', attempts: 2 });
      const stored = (await coordinator.request('GET', `/api/calls/${call.id}`)).json();
      expect(stored.status).toBe('sent');
      const inbox = (await who.client.request('GET', '/api/inbox')).json();
      expect(inbox.items.map((item: { call: { title: string } }) => item.call.title)).toContain(title);

      await test.restartSmtp();
      const retried = await admin.request('POST', `/api/admin/outbox/${row?.id}/retry`);
      expect(retried.statusCode, retried.body).toBe(200);
      const mail = await waitForSubject(who.email, title);
      expect(mail.subject).toBe(translatorFor('zh')('mail.call.subject', { title }));
    } finally {
      await test.restartSmtp();
    }
  });
});

describe('notification preferences', () => {
  it('are on until turned off, per person', async () => {
    const viewer = people.viewer?.client as Client;
    expect((await viewer.request('GET', '/api/me/notifications')).json()).toEqual({ callsByEmail: true });
    expect((await viewer.request('PUT', '/api/me/notifications', { callsByEmail: false })).json()).toEqual({
      callsByEmail: false,
    });
    expect((await viewer.request('GET', '/api/me/notifications')).json()).toEqual({ callsByEmail: false });
  });
});
