import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { makeEntity, makeUser } from '../../../../tests/factories';

let test: TestApp;
let coordinator: Client;

beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
});
afterAll(() => test.close());

const peopleOf = async (entityId: string, client: Client = coordinator) =>
  (await client.request('GET', `/api/entities/${entityId}/people`)).json();

describe('people of an entity', () => {
  it('seats existing people: one main, one alternate, one validator, any members; one person serves several entities', async () => {
    const db = test.handle.db;
    const ministry = await makeEntity(db, { name: 'Ministry of Labour' });
    const city = await makeEntity(db, { kind: 'lrg', name: 'City of Maribor' });
    const ana = await makeUser(db, { role: 'focal_point', name: 'Ana Horvat' });
    const bor = await makeUser(db, { role: 'focal_point', name: 'Bor Zupan' });
    const cene = await makeUser(db, { role: 'validator', name: 'Cene Kos' });
    const dana = await makeUser(db, { role: 'contributor', name: 'Dana Vidmar' });

    const main = await coordinator.request('POST', `/api/entities/${ministry.id}/people`, {
      userId: ana.id,
      seat: 'main',
    });
    expect(main.statusCode).toBe(201);
    expect(main.json()).toMatchObject({ userId: ana.id, name: 'Ana Horvat', seat: 'main', status: 'active' });

    const secondMain = await coordinator.request('POST', `/api/entities/${ministry.id}/people`, {
      userId: bor.id,
      seat: 'main',
    });
    expect(secondMain.statusCode).toBe(409);
    expect(secondMain.json().error.issues).toEqual([{ path: 'seat', message: 'issues.entity.seatTaken' }]);

    for (const [user, seat] of [
      [bor, 'alternate'],
      [cene, 'validator'],
      [dana, 'member'],
    ] as const) {
      const response = await coordinator.request('POST', `/api/entities/${ministry.id}/people`, {
        userId: user.id,
        seat,
      });
      expect(response.statusCode).toBe(201);
    }
    const again = await coordinator.request('POST', `/api/entities/${ministry.id}/people`, {
      userId: dana.id,
      seat: 'member',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0]).toMatchObject({ path: 'userId', message: 'issues.entity.alreadyServes' });
    // The same person is also the main focal point of a municipality.
    expect(
      (await coordinator.request('POST', `/api/entities/${city.id}/people`, { userId: ana.id, seat: 'main' }))
        .statusCode,
    ).toBe(201);

    const viewer = await signInNew(test, 'viewer');
    const list = await peopleOf(ministry.id, viewer);
    expect(list.items.map((p: { name: string; seat: string }) => `${p.seat} ${p.name}`)).toEqual([
      'main Ana Horvat',
      'alternate Bor Zupan',
      'validator Cene Kos',
      'member Dana Vidmar',
    ]);
    expect((await viewer.request('GET', `/api/entities/${ministry.id}`)).json().peopleCount).toBe(4);
    // Addresses are for those who manage people.
    expect(list.items[0].email).toBeNull();
    expect((await peopleOf(ministry.id)).items[0].email).toBe(ana.email);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'entity_person')
      .where('record_id', '=', ministry.id)
      .execute();
    expect(audit).toHaveLength(4);
  });

  it('moves a person to another seat only when it is free, and removes people', async () => {
    const db = test.handle.db;
    const agency = await makeEntity(db, { kind: 'agency' });
    const eva = await makeUser(db, { name: 'Eva Novak' });
    const filip = await makeUser(db, { name: 'Filip Kralj' });
    await coordinator.request('POST', `/api/entities/${agency.id}/people`, { userId: eva.id, seat: 'main' });
    await coordinator.request('POST', `/api/entities/${agency.id}/people`, { userId: filip.id, seat: 'member' });
    const taken = await coordinator.request('PATCH', `/api/entities/${agency.id}/people/${filip.id}`, { seat: 'main' });
    expect(taken.statusCode).toBe(409);
    const moved = await coordinator.request('PATCH', `/api/entities/${agency.id}/people/${filip.id}`, {
      seat: 'alternate',
    });
    expect(moved.json()).toMatchObject({ seat: 'alternate' });
    expect((await coordinator.request('DELETE', `/api/entities/${agency.id}/people/${eva.id}`)).statusCode).toBe(200);
    expect((await coordinator.request('DELETE', `/api/entities/${agency.id}/people/${eva.id}`)).statusCode).toBe(404);
    const list = await peopleOf(agency.id);
    expect(list.items.map((p: { name: string; seat: string }) => `${p.seat} ${p.name}`)).toEqual([
      'alternate Filip Kralj',
    ]);
    // The account stays.
    expect(await db.selectFrom('users').select('id').where('id', '=', eva.id).executeTakeFirst()).toBeDefined();
  });

  it('refuses people who do not exist or are disabled, and other roles than admin and coordinator', async () => {
    const db = test.handle.db;
    const entity = await makeEntity(db);
    const disabled = await makeUser(db, { status: 'disabled' });
    const gone = await coordinator.request('POST', `/api/entities/${entity.id}/people`, {
      userId: '00000000-0000-4000-8000-000000000000',
      seat: 'member',
    });
    expect(gone.json().error.issues).toEqual([{ path: 'userId', message: 'issues.entity.userNotFound' }]);
    const off = await coordinator.request('POST', `/api/entities/${entity.id}/people`, {
      userId: disabled.id,
      seat: 'member',
    });
    expect(off.json().error.issues).toEqual([{ path: 'userId', message: 'issues.entity.userDisabled' }]);
    const badSeat = await coordinator.request('POST', `/api/entities/${entity.id}/people`, {
      userId: disabled.id,
      seat: 'chair',
    });
    expect(badSeat.statusCode).toBe(400);
    expect(badSeat.json().error.issues[0].path).toBe('seat');
    const person = await makeUser(db);
    for (const role of ['focal_point', 'validator', 'contributor', 'stakeholder', 'viewer'] as const) {
      const client = await signInNew(test, role);
      const response = await client.request('POST', `/api/entities/${entity.id}/people`, {
        userId: person.id,
        seat: 'member',
      });
      expect(response.statusCode).toBe(403);
    }
    const admin = await signInNew(test, 'admin');
    expect(
      (await admin.request('POST', `/api/entities/${entity.id}/people`, { userId: person.id, seat: 'member' }))
        .statusCode,
    ).toBe(201);
  });
});

describe('inviting a new person from the entity page', () => {
  it('creates the account, seats it and sends the invitation through the mail queue', async () => {
    const city = await makeEntity(test.handle.db, { kind: 'lrg', name: 'Municipality of Kranj' });
    const email = 'kranj.focal.point@test.implementa.example';
    const invited = await coordinator.request('POST', `/api/entities/${city.id}/people/invite`, {
      email,
      name: 'Gal Kranjc',
      role: 'focal_point',
      locale: 'en',
      seat: 'main',
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email, seat: 'main', status: 'invited', role: 'focal_point' });
    const queued = await test.handle.db
      .selectFrom('mail_outbox')
      .select('kind')
      .where('to_address', '=', email)
      .execute();
    expect(queued).toEqual([{ kind: 'invitation' }]);
    const mail = await test.waitForMail(email);
    const token = /accept-invitation\?token=([\w-]+)/.exec(mail.text)?.[1];
    const accepted = await test.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Gal Kranjc', password: 'a long enough passphrase' },
    });
    expect(accepted.statusCode).toBe(200);
    const gal = await signInAs(test.app, email, 'a long enough passphrase');
    expect((await peopleOf(city.id, gal)).items[0]).toMatchObject({ name: 'Gal Kranjc', status: 'active' });
  });

  it('a taken seat or a taken address invites no one; a coordinator cannot invite an admin', async () => {
    const db = test.handle.db;
    const city = await makeEntity(db, { kind: 'lrg' });
    const holder = await makeUser(db);
    await coordinator.request('POST', `/api/entities/${city.id}/people`, { userId: holder.id, seat: 'validator' });
    const body = { email: 'nobody.new@test.implementa.example', name: 'Nobody', role: 'validator', locale: 'fr' };
    const seatTaken = await coordinator.request('POST', `/api/entities/${city.id}/people/invite`, {
      ...body,
      seat: 'validator',
    });
    expect(seatTaken.statusCode).toBe(409);
    expect(seatTaken.json().error.issues).toEqual([{ path: 'seat', message: 'issues.entity.seatTaken' }]);
    const addressTaken = await coordinator.request('POST', `/api/entities/${city.id}/people/invite`, {
      ...body,
      email: holder.email,
      seat: 'member',
    });
    expect(addressTaken.json().error.code).toBe('EMAIL_TAKEN');
    const admin = await coordinator.request('POST', `/api/entities/${city.id}/people/invite`, {
      ...body,
      role: 'admin',
      seat: 'member',
    });
    expect(admin.statusCode).toBe(403);
    const stored = await db.selectFrom('users').select('id').where('email', '=', body.email).execute();
    expect(stored).toEqual([]);
    expect(await db.selectFrom('mail_outbox').select('id').where('to_address', '=', body.email).execute()).toEqual([]);
  });
});
