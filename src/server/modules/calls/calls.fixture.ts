import { afterAll, beforeAll, expect } from 'vitest';
import { type Client, createTestApp, signInAs, type TestApp } from '../../../../tests/app';
import { makeUser, seatPerson } from '../../../../tests/factories';
import { readFixture } from '../../../../tests/fixtures';
import type { ReceivedMail } from '../../../../tests/smtp';
import type { Locale } from '../../../shared/i18n/locales';
import type { Role } from '../../../shared/schemas/identity';
import { systemActor } from '../../http/context';
import { insertEntities } from '../entities/entities.repo';
import { importTrustedFile } from '../imports/imports.service';

// A State in miniature: two ministries, a region, civil society; five real recommendations.
// A → Labour; B → Labour and Education; C → Education; D → Region North; E → nobody.
export let test: TestApp;
export const entity: Record<'M1' | 'M2' | 'R1' | 'CSO', string> = {} as never;
export const rec: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = {} as never;
export interface Person {
  client: Client;
  email: string;
  locale: Locale;
}
export const people: Record<string, Person> = {};
export let coordinator: Client;
export let admin: Client;

export const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
export const today = () => new Date().toISOString().slice(0, 10);

export async function person(
  name: string,
  role: Role,
  locale: Locale,
  seat?: { entity: keyof typeof entity; role: 'main' | 'alternate' | 'validator' | 'member' },
): Promise<Person> {
  const user = await makeUser(test.handle.db, { role, locale, name });
  if (seat) await seatPerson(test.handle.db, entity[seat.entity], user.id, seat.role);
  const created = { client: await signInAs(test.app, user.email), email: user.email, locale };
  people[name] = created;
  return created;
}

/** Every mail received to that address whose subject contains the text, once the worker sent it. */
export async function waitForSubject(to: string, text: string, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = test.inbox.find((m) => m.to.includes(to) && m.subject.includes(text));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} about ${text} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function outboxTo(kind: string, subjectPart: string) {
  const rows = await test.handle.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'status', 'subject'])
    .where('kind', '=', kind)
    .where('subject', 'like', `%${subjectPart}%`)
    .execute();
  return rows.map((row) => row.to_address).sort();
}

export async function createCall(body: Record<string, unknown>) {
  const response = await coordinator.request('POST', '/api/calls', {
    message: 'Please tell us what your ministry has done since the last review.',
    deadline: nextYear,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; entityCount: number; recommendationCount: number };
}

export async function send(call: { id: string; version: number }) {
  const response = await coordinator.request('POST', `/api/calls/${call.id}/send`, { version: call.version });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** Sets up the miniature State in a fresh database for the test file that calls it. */
export function setUpMiniatureState(): void {
  beforeAll(async () => {
    test = await createTestApp();
    const db = test.handle.db;
    const [m1, m2, cso] = await insertEntities(db, [
      { kind: 'ministry', name: 'Ministry of Labour' },
      { kind: 'ministry', name: 'Ministry of Education' },
      { kind: 'cso', name: 'Legal Centre for NGOs' },
    ]);
    const [r1] = await insertEntities(db, [{ kind: 'lrg', name: 'Region North', lrg_level: 1 }]);
    Object.assign(entity, { M1: m1?.id, M2: m2?.id, CSO: cso?.id, R1: r1?.id });
    const data = readFixture('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx');
    await importTrustedFile(db, systemActor('test'), 'slovenia-upr-cycle2-thematic-list.docx', data);
    const ids = await db.selectFrom('recommendations').select('id').orderBy('number_sort').limit(5).execute();
    Object.assign(rec, { A: ids[0]?.id, B: ids[1]?.id, C: ids[2]?.id, D: ids[3]?.id, E: ids[4]?.id });

    const coordinatorUser = await makeUser(db, { role: 'coordinator', name: 'Nina Coordinator' });
    coordinator = await signInAs(test.app, coordinatorUser.email);
    admin = await signInAs(test.app, (await makeUser(db, { role: 'admin' })).email);
    await person('labour main', 'focal_point', 'fr', { entity: 'M1', role: 'main' });
    await person('labour alternate', 'focal_point', 'es', { entity: 'M1', role: 'alternate' });
    await person('labour member', 'contributor', 'en', { entity: 'M1', role: 'member' });
    await person('education main', 'focal_point', 'ar', { entity: 'M2', role: 'main' });
    await person('education alternate', 'focal_point', 'ru', { entity: 'M2', role: 'alternate' });
    await person('education validator', 'validator', 'en', { entity: 'M2', role: 'validator' });
    await person('region main', 'focal_point', 'zh', { entity: 'R1', role: 'main' });
    await person('viewer', 'viewer', 'en');

    for (const [ids, entityId] of [
      [[rec.A, rec.B], entity.M1],
      [[rec.B, rec.C], entity.M2],
      [[rec.D], entity.R1],
    ] as const) {
      const response = await coordinator.request('POST', '/api/assignments', {
        recommendationIds: ids,
        entityId,
        role: 'lead',
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  }, 120_000);
  afterAll(() => test.close());
}
