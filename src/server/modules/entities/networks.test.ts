import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { makeEntity, makeUser, seatPerson } from '../../../../tests/factories';
import type { EntityRow } from './entities.repo';

let test: TestApp;
let coordinator: Client;
let network: EntityRow;
let members: EntityRow[];

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
  const db = test.handle.db;
  network = await makeEntity(db, { kind: 'lrg_network', name: 'Association of Municipalities' });
  members = [];
  for (const name of ['Ajdovščina', 'Bled', 'Celje', 'Domžale'])
    members.push(await makeEntity(db, { kind: 'lrg', name: `Municipality of ${name}` }));
});
afterAll(() => test.close());

describe('members of a network', () => {
  it('adds member LRGs (those already in are left as they are), lists and removes them', async () => {
    const ids = members.map((m) => m.id);
    const added = await coordinator.request('POST', `/api/networks/${network.id}/members`, { memberIds: ids });
    expect(added.json()).toEqual({ added: 4 });
    const again = await coordinator.request('POST', `/api/networks/${network.id}/members`, {
      memberIds: ids.slice(0, 2),
    });
    expect(again.json()).toEqual({ added: 0 });
    const viewer = await signInNew(test, 'viewer');
    const list = (await viewer.request('GET', `/api/entities?networkId=${network.id}&pageSize=3`)).json();
    expect(list.total).toBe(4);
    expect(list.items.map((m: { name: string }) => m.name)).toEqual([
      'Municipality of Ajdovščina',
      'Municipality of Bled',
      'Municipality of Celje',
    ]);
    const page = (await viewer.request('GET', `/api/entities/${members[0]?.id}`)).json();
    expect(page.networks.map((n: { name: string }) => n.name)).toEqual(['Association of Municipalities']);
    expect((await viewer.request('GET', `/api/entities/${network.id}`)).json().memberCount).toBe(4);

    const extra = await makeEntity(test.handle.db, { kind: 'lrg' });
    await coordinator.request('POST', `/api/networks/${network.id}/members`, { memberIds: [extra.id] });
    expect((await coordinator.request('DELETE', `/api/networks/${network.id}/members/${extra.id}`)).statusCode).toBe(
      200,
    );
    expect((await coordinator.request('DELETE', `/api/networks/${network.id}/members/${extra.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses members that are not LRGs, networks that are not networks, and people who do not manage', async () => {
    const ministry = await makeEntity(test.handle.db);
    const notLrg = await coordinator.request('POST', `/api/networks/${network.id}/members`, {
      memberIds: [ministry.id],
    });
    expect(notLrg.statusCode).toBe(400);
    expect(notLrg.json().error.issues).toEqual([{ path: 'memberIds', message: 'issues.network.memberNotLrg' }]);
    const notNetwork = await coordinator.request('POST', `/api/networks/${ministry.id}/members`, {
      memberIds: [members[0]?.id],
    });
    expect(notNetwork.json().error.issues).toEqual([{ path: 'id', message: 'issues.network.notANetwork' }]);
    const focal = await signInNew(test, 'focal_point');
    const refused = await focal.request('POST', `/api/networks/${network.id}/members`, { memberIds: [members[0]?.id] });
    expect(refused.statusCode).toBe(403);
    const changeKind = await coordinator.request('PUT', `/api/entities/${network.id}`, {
      kind: 'cso',
      name: network.name,
      version: network.version,
    });
    expect(changeKind.json().error.issues).toContainEqual({ path: 'kind', message: 'issues.entity.networkHasMembers' });
  });
});

describe('nominations: a coordinator asks, the network’s focal points nominate, the coordinator chooses', () => {
  it('runs the whole flow, with mail to the focal points', async () => {
    const db = test.handle.db;
    const focal = await makeUser(db, { role: 'focal_point', name: 'Network Focal', locale: 'fr' });
    await seatPerson(db, network.id, focal.id, 'main');
    const member = await makeUser(db, { role: 'contributor' });
    await seatPerson(db, network.id, member.id, 'member');

    const created = await coordinator.request('POST', `/api/networks/${network.id}/nominations`, {
      topic: 'housing',
      note: 'Two municipalities for the housing working group',
      dueDate: inDays(14),
    });
    expect(created.statusCode).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({ topic: 'housing', status: 'open', candidateCount: 0, canChoose: true });
    expect(request.canNominate).toBe(false);
    const mail = await test.waitForMail(focal.email);
    expect(mail.text).toContain(`http://implementa.test/nominations/${request.id}`);
    expect(mail.subject).toContain('housing');
    expect(
      await db.selectFrom('mail_outbox').select('id').where('to_address', '=', member.email).execute(),
    ).toHaveLength(0);

    const focalClient = await signInAs(test.app, focal.email);
    expect((await focalClient.request('GET', `/api/nominations/${request.id}`)).json().canNominate).toBe(true);
    const [a, b, c] = members as [EntityRow, EntityRow, EntityRow];
    for (const lrg of [a, b]) {
      const nominated = await focalClient.request('POST', `/api/nominations/${request.id}/candidates`, {
        lrgId: lrg.id,
        reason: 'Runs a social housing programme',
      });
      expect(nominated.statusCode).toBe(200);
    }
    const twice = await focalClient.request('POST', `/api/nominations/${request.id}/candidates`, { lrgId: a.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.issues).toEqual([{ path: 'lrgId', message: 'issues.nomination.alreadyNominated' }]);
    const outsider = await makeEntity(db, { kind: 'lrg' });
    const notMember = await focalClient.request('POST', `/api/nominations/${request.id}/candidates`, {
      lrgId: outsider.id,
    });
    expect(notMember.json().error.issues).toEqual([{ path: 'lrgId', message: 'issues.nomination.notAMember' }]);
    for (const client of [await signInAs(test.app, member.email), coordinator]) {
      const refused = await client.request('POST', `/api/nominations/${request.id}/candidates`, { lrgId: c.id });
      expect(refused.statusCode).toBe(403);
    }
    await focalClient.request('POST', `/api/nominations/${request.id}/candidates`, { lrgId: c.id });
    const withdrawn = await focalClient.request('DELETE', `/api/nominations/${request.id}/candidates/${c.id}`);
    expect(withdrawn.json().candidates).toHaveLength(2);

    const current = (await coordinator.request('GET', `/api/nominations/${request.id}`)).json();
    const notNominated = await coordinator.request('POST', `/api/nominations/${request.id}/choose`, {
      lrgIds: [c.id],
      version: current.version,
    });
    expect(notNominated.json().error.issues).toEqual([{ path: 'lrgIds', message: 'issues.nomination.notNominated' }]);
    const focalChooses = await focalClient.request('POST', `/api/nominations/${request.id}/choose`, {
      lrgIds: [a.id],
      version: current.version,
    });
    expect(focalChooses.statusCode).toBe(403);
    const chosen = await coordinator.request('POST', `/api/nominations/${request.id}/choose`, {
      lrgIds: [b.id],
      version: current.version,
    });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ status: 'closed', candidateCount: 2, chosenCount: 1, canChoose: false });
    expect(chosen.json().candidates.map((x: { lrg: { id: string }; chosen: boolean }) => [x.lrg.id, x.chosen])).toEqual(
      [
        [a.id, false],
        [b.id, true],
      ],
    );
    const late = await focalClient.request('POST', `/api/nominations/${request.id}/candidates`, { lrgId: c.id });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.issues).toEqual([{ message: 'issues.nomination.closed' }]);
    const stale = await coordinator.request('POST', `/api/nominations/${request.id}/choose`, {
      lrgIds: [a.id],
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);

    const list = (await focalClient.request('GET', `/api/networks/${network.id}/nominations?status=closed`)).json();
    expect(list.items.map((r: { topic: string }) => r.topic)).toEqual(['housing']);
    const audit = await db
      .selectFrom('audit_events')
      .select('record_type')
      .where('record_id', '=', request.id)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses a deadline in the past, a network without members, nominating after the deadline, and a stale edit', async () => {
    const db = test.handle.db;
    const past = await coordinator.request('POST', `/api/networks/${network.id}/nominations`, {
      topic: 'water',
      dueDate: inDays(-1),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.issues).toEqual([{ path: 'dueDate', message: 'issues.nomination.dueDateInPast' }]);
    const badDate = await coordinator.request('POST', `/api/networks/${network.id}/nominations`, {
      topic: 'water',
      dueDate: '31/12/2030',
    });
    expect(badDate.json().error.issues[0].path).toBe('dueDate');
    const empty = await makeEntity(db, { kind: 'lrg_network' });
    const noMembers = await coordinator.request('POST', `/api/networks/${empty.id}/nominations`, {
      topic: 'water',
      dueDate: inDays(3),
    });
    expect(noMembers.statusCode).toBe(409);
    expect(noMembers.json().error.issues).toEqual([{ message: 'issues.nomination.networkHasNoMembers' }]);

    const focal = await makeUser(db, { role: 'focal_point' });
    await seatPerson(db, network.id, focal.id, 'alternate');
    const request = (
      await coordinator.request('POST', `/api/networks/${network.id}/nominations`, {
        topic: 'water',
        dueDate: inDays(3),
      })
    ).json();
    const edited = await coordinator.request('PATCH', `/api/nominations/${request.id}`, {
      topic: 'water and sanitation',
      dueDate: inDays(5),
      version: request.version,
    });
    expect(edited.json()).toMatchObject({ topic: 'water and sanitation', dueDate: inDays(5), version: 2 });
    const stale = await coordinator.request('PATCH', `/api/nominations/${request.id}`, {
      topic: 'lost',
      dueDate: inDays(5),
      version: request.version,
    });
    expect(stale.statusCode).toBe(409);
    await db
      .updateTable('nomination_requests')
      .set({ due_date: inDays(-2) })
      .where('id', '=', request.id)
      .execute();
    const focalClient = await signInAs(test.app, focal.email);
    const late = await focalClient.request('POST', `/api/nominations/${request.id}/candidates`, {
      lrgId: members[0]?.id,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.issues).toEqual([{ message: 'issues.nomination.deadlinePassed' }]);
  });
});
