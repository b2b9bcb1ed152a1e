import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../tests/app';
import { makeAction } from '../../../../tests/factories';
import { readFixture } from '../../../../tests/fixtures';
import type { Deps } from '../../deps';
import type { FileStore } from '../../files';
import { systemActor } from '../../http/context';
import { coordinator, entity, type Person, people, rec, setUpMiniatureState, test } from '../calls/calls.fixture';
import { uploadAttachment } from './attachments.service';

setUpMiniatureState();

const who = (name: string) => (people[name] as Person).client;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

async function draftUpdate(client: Client, year: number) {
  const response = await client.request('POST', '/api/progress-updates', {
    recommendationId: rec.A,
    entityId: entity.M1,
    narrative: '<p>Evidence follows.</p>',
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number };
}

function upload(client: Client, url: string, fileName: string, data: Buffer) {
  return test.app.inject({
    method: 'POST',
    url: `${url}?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/octet-stream' },
    payload: data,
  });
}

const attachmentCount = async () =>
  Number(
    (
      await test.handle.db
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('evidence on a progress update', () => {
  it('is uploaded, listed, downloaded and deleted by its writers while the update is a draft', async () => {
    const labour = who('labour main');
    const update = await draftUpdate(labour, 2020);
    const url = `/api/progress-updates/${update.id}/attachments`;
    const added = await upload(labour, url, 'Rapport annuel é.pdf', pdf);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      fileName: 'Rapport annuel é.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const list = (await labour.request('GET', url)).json();
    expect(list).toMatchObject({ canEdit: true, items: [{ id: added.json().id }] });

    const download = await labour.request('GET', `/api/attachments/${added.json().id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Rapport annuel _.pdf"; filename*=UTF-8''${encodeURIComponent('Rapport annuel é.pdf')}`,
    );
    expect(download.rawPayload.equals(pdf)).toBe(true);
    // Another entity, and a reader, do not see a draft's files.
    expect(
      (await who('education main').request('GET', `/api/attachments/${added.json().id}/download`)).statusCode,
    ).toBe(404);
    expect((await who('viewer').request('GET', url)).statusCode).toBe(404);

    const removed = await labour.request('DELETE', `/api/attachments/${added.json().id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await labour.request('GET', url)).json().items).toEqual([]);
  });

  it('refuses empty, too large, forbidden and disguised files with the reason, storing nothing', async () => {
    const labour = who('labour main');
    const update = await draftUpdate(labour, 2019);
    const url = `/api/progress-updates/${update.id}/attachments`;
    const before = await attachmentCount();
    const cases: [string, Buffer, number, string][] = [
      ['empty.pdf', Buffer.alloc(0), 400, 'issues.file.empty'],
      ['setup.exe', exe, 415, 'issues.file.typeNotAllowed'],
      ['report.pdf', exe, 415, 'issues.file.contentMismatch'],
      ['table.xlsx', pdf, 415, 'issues.file.contentMismatch'],
      ['data.csv', Buffer.from('a,b\n1,\u0000'), 415, 'issues.file.contentMismatch'],
    ];
    for (const [name, data, status, message] of cases) {
      const response = await upload(labour, url, name, data);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(status);
      expect(response.json().error.issues[0]).toMatchObject({ path: 'file', file: name, message });
    }
    const limit = test.deps.settings.EVIDENCE_MAX_MB;
    test.deps.settings.EVIDENCE_MAX_MB = 0.001;
    try {
      const large = await upload(labour, url, 'large.pdf', Buffer.concat([pdf, Buffer.alloc(2000, 0x20)]));
      expect(large.statusCode).toBe(413);
      expect(large.json().error.issues[0].message).toBe('issues.file.tooLarge');
    } finally {
      test.deps.settings.EVIDENCE_MAX_MB = limit;
    }
    expect(await attachmentCount()).toBe(before);
  });

  it('cannot change once the update is submitted', async () => {
    const labour = who('labour main');
    const update = await draftUpdate(labour, 2018);
    const url = `/api/progress-updates/${update.id}/attachments`;
    const added = (await upload(labour, url, 'a.pdf', pdf)).json();
    await labour.request('POST', `/api/progress-updates/${update.id}/submit`, { version: update.version });
    expect((await upload(labour, url, 'b.pdf', pdf)).statusCode).toBe(409);
    expect((await labour.request('DELETE', `/api/attachments/${added.id}`)).statusCode).toBe(409);
    expect((await labour.request('GET', url)).json().canEdit).toBe(false);
  });

  it('removes the stored bytes when the database write fails, and writes nothing when storing fails', async () => {
    const labour = who('labour main');
    const update = await draftUpdate(labour, 2017);
    const calls: string[] = [];
    const recording: FileStore = {
      kind: 'disk',
      put: async (key) => void calls.push(`put ${key}`),
      get: async () => Buffer.alloc(0),
      delete: async (key) => void calls.push(`delete ${key}`),
    };
    const failingDb = new Proxy(test.deps.db, {
      get: (target, property) =>
        property === 'transaction'
          ? () => ({
              execute: async () => {
                throw new Error('database down');
              },
            })
          : // Kysely keeps private fields: its methods must run on the real instance.
            bindTo(target, Reflect.get(target, property, target)),
    });
    const actor = { ...systemActor('test'), user: { ...(await signedInUser(labour)) } };
    const deps: Pick<Deps, 'db' | 'files' | 'settings'> = { ...test.deps, db: failingDb, files: recording };
    await expect(
      uploadAttachment(deps, actor, { kind: 'progress_update', id: update.id }, 'a.pdf', pdf),
    ).rejects.toThrow('database down');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toBe(calls[0]?.replace('put', 'delete'));

    const before = await attachmentCount();
    const broken: FileStore = { ...recording, put: async () => Promise.reject(new Error('disk full')) };
    await expect(
      uploadAttachment(
        { ...test.deps, files: broken },
        actor,
        { kind: 'progress_update', id: update.id },
        'a.pdf',
        pdf,
      ),
    ).rejects.toThrow('disk full');
    expect(await attachmentCount()).toBe(before);
  });
});

const bindTo = (target: object, value: unknown) =>
  typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;

async function signedInUser(client: Client) {
  const response = await client.request('GET', '/api/session');
  return response.json().user;
}

describe('documents on an action (actions policy: read as the action, changed by its editors)', () => {
  // A real public document (a treaty body's concluding observations), as an action's annex.
  const annex = readFixture('concluding-observations/CRPD_C_DEU_CO_2-3_en.pdf');

  it('are read by whoever reads the action, and changed only by whoever may edit it', async () => {
    // Education's action, linked to B (assigned to Labour too): Labour reads it, Education writes it.
    const action = await makeAction(test.handle.db, entity.M2, {
      title: 'Inclusive schools plan',
      recommendationIds: [rec.B],
    });
    const url = `/api/actions/${action.id}/attachments`;
    const added = await upload(who('education main'), url, 'plan.pdf', annex);
    expect(added.statusCode, added.body).toBe(201);
    const download = `/api/attachments/${added.json().id}/download`;

    // Readers of the action read its documents (they got 404 before), without the right to change them.
    for (const reader of ['education validator', 'labour main', 'labour member', 'viewer']) {
      const list = await who(reader).request('GET', url);
      expect(list.statusCode, `${reader}: ${list.body}`).toBe(200);
      expect(list.json(), reader).toMatchObject({ canEdit: false, items: [{ fileName: 'plan.pdf' }] });
      const file = await who(reader).request('GET', download);
      expect(file.statusCode, reader).toBe(200);
      expect(file.rawPayload.equals(annex), reader).toBe(true);
    }
    // A validator does not write, even for its own entity; nor does a reader of another entity's action.
    for (const reader of ['education validator', 'labour main', 'viewer']) {
      expect((await upload(who(reader), url, 'more.pdf', annex)).statusCode, reader).toBe(403);
      expect((await who(reader).request('DELETE', `/api/attachments/${added.json().id}`)).statusCode, reader).toBe(403);
    }
    // Outside the scope: neither the action nor its documents exist.
    expect((await who('region main').request('GET', url)).statusCode).toBe(404);
    expect((await who('region main').request('GET', download)).statusCode).toBe(404);
    expect((await upload(who('region main'), url, 'more.pdf', annex)).statusCode).toBe(404);
    expect((await who('region main').request('DELETE', `/api/attachments/${added.json().id}`)).statusCode).toBe(404);

    // Its editors (a writing seat in the responsible entity, the secretariat) change them.
    expect((await who('education alternate').request('GET', url)).json().canEdit).toBe(true);
    const second = await upload(coordinator, url, 'annex.pdf', annex);
    expect(second.statusCode, second.body).toBe(201);
    expect(
      (await who('education alternate').request('DELETE', `/api/attachments/${second.json().id}`)).statusCode,
    ).toBe(204);
    expect((await who('education main').request('GET', url)).json().items).toHaveLength(1);
  });
});
