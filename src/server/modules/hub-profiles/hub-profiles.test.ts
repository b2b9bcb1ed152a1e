import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, signInNew, type TestApp } from '../../../../tests/app';
import { actForHubMember, makeHubMember, makeUser } from '../../../../tests/factories';

// Members, who acts for them, profiles and networks on a hub (decision 035), through the API on
// a real database: the rules, the versions, the audit, and what the search table holds.

let hub: TestApp;
beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub' });
});
afterAll(() => hub.close());

const profile = {
  mandate: { en: 'Coordinates reporting to the UN human rights mechanisms.', fr: 'Coordonne les rapports.' },
  legalBasis: { en: 'Decree No. 1/2020.' },
  composition: { en: 'All ministries.' },
  secretariat: { en: 'Ministry of Foreign Affairs.' },
  focalPoints: {},
  established: 2020,
  website: 'https://nmirf.example',
  source: 'A public report, 2021.',
};

const documentsOf = (refId: string) =>
  hub.handle.db
    .selectFrom('hub_documents')
    .select(['kind', 'locale', 'title', 'summary', 'visibility', 'network_ids'])
    .where('ref_id', '=', refId)
    .orderBy('locale')
    .execute();

describe('members', () => {
  it('a hub admin creates a member from the countries table, edits it at its version and withdraws it', async () => {
    const admin = await signInNew(hub, 'hub_admin');
    const created = await admin.request('POST', '/api/hub/members', {
      countryCode: 'pt',
      name: 'Comissão Nacional para os Direitos Humanos',
      nameI18n: { en: 'National Human Rights Committee' },
      acronym: 'CNDH',
      systemOfGovernment: 'unitary',
    });
    expect(created.statusCode).toBe(201);
    const member = created.json();
    expect(member).toMatchObject({ countryCode: 'PT', countryName: 'Portugal', status: 'active', version: 1 });

    const edit = { ...member, nameI18n: { en: 'National Human Rights Committee (Portugal)' }, version: 1 };
    const { id: _id, countryName: _c, status: _s, profilePublished: _p, networkIds: _n, ...body } = edit;
    expect((await admin.request('PUT', `/api/hub/members/${member.id}`, body)).statusCode).toBe(200);
    const stale = await admin.request('PUT', `/api/hub/members/${member.id}`, { ...body, name: 'Lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    const withdrawn = await admin.request('POST', `/api/hub/members/${member.id}/withdraw`, { version: 2 });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    const again = await admin.request('POST', `/api/hub/members/${member.id}/withdraw`, { version: 3 });
    expect(again.statusCode).toBe(409);
    const audit = await hub.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'hub_member')
      .where('record_id', '=', member.id)
      .execute();
    expect(audit.map((event) => event.action)).toEqual(['create', 'update', 'update']);
  });

  it('names the field of bad input: an unknown country, a malformed code, a name taken', async () => {
    const admin = await signInNew(hub, 'hub_admin');
    const unknown = await admin.request('POST', '/api/hub/members', {
      countryCode: 'XX',
      name: 'Nowhere',
      nameI18n: {},
      acronym: null,
      systemOfGovernment: null,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([
      { path: 'countryCode', message: 'issues.hubProfiles.unknownCountry' },
    ]);
    const malformed = await admin.request('POST', '/api/hub/members', {
      countryCode: 'Portugal',
      name: 'x',
      nameI18n: {},
      acronym: null,
      systemOfGovernment: 'imperial',
    });
    expect(malformed.statusCode).toBe(400);
    const paths = malformed.json().error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['countryCode', 'systemOfGovernment']));
    const first = await makeHubMember(hub.handle.db, { country_code: 'MU', name: 'NMRF' });
    const taken = await admin.request('POST', '/api/hub/members', {
      countryCode: 'MU',
      name: first.name.toLowerCase(),
      nameI18n: {},
      acronym: null,
      systemOfGovernment: null,
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.issues[0]).toEqual({ path: 'name', message: 'issues.hubProfiles.memberNameTaken' });
  });

  it('only the hub admin manages members; every hub account lists them', async () => {
    for (const role of ['moderator', 'member', 'reader'] as const) {
      const client = await signInNew(hub, role);
      expect((await client.request('GET', '/api/hub/members')).statusCode, role).toBe(200);
      const refused = await client.request('POST', '/api/hub/members', {
        countryCode: 'FR',
        name: `By ${role}`,
        nameI18n: {},
        acronym: null,
        systemOfGovernment: null,
      });
      expect(refused.statusCode, role).toBe(403);
    }
  });

  it('assigns a member account, refuses a moderator, and invites a person as a member account in one step', async () => {
    const admin = await signInNew(hub, 'hub_admin');
    const member = await makeHubMember(hub.handle.db);
    const staff = await makeUser(hub.handle.db, { role: 'member' });
    const added = await admin.request('POST', `/api/hub/members/${member.id}/people`, { userId: staff.id });
    expect(added.statusCode).toBe(200);
    expect(added.json().items.map((person: { userId: string }) => person.userId)).toEqual([staff.id]);
    const twice = await admin.request('POST', `/api/hub/members/${member.id}/people`, { userId: staff.id });
    expect(twice.statusCode).toBe(409);
    const moderator = await makeUser(hub.handle.db, { role: 'moderator' });
    const refused = await admin.request('POST', `/api/hub/members/${member.id}/people`, { userId: moderator.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0]).toEqual({ path: 'userId', message: 'issues.hubProfiles.notMemberAccount' });

    const invited = await admin.request('POST', `/api/hub/members/${member.id}/people`, {
      invite: { email: 'New.Staff@nmirf.example', name: 'New staff', locale: 'es' },
    });
    expect(invited.statusCode).toBe(200);
    const person = invited.json().items.find((item: { email: string }) => item.email === 'new.staff@nmirf.example');
    expect(person).toMatchObject({ role: 'member', status: 'invited' });
    const mail = await hub.waitForMail('new.staff@nmirf.example');
    expect(mail.text).toContain('/accept-invitation?token=');

    const removed = await admin.request('DELETE', `/api/hub/members/${member.id}/people/${staff.id}`);
    expect(removed.json().items).toHaveLength(1);
  });
});

describe('profiles', () => {
  it("a member's staff edit and publish its profile; the search holds one row per language; unpublishing removes them", async () => {
    const member = await makeHubMember(hub.handle.db, { country_code: 'PY' });
    const staff = await makeUser(hub.handle.db, { role: 'member' });
    await actForHubMember(hub.handle.db, member.id, staff.id);
    const client = await signInAs(hub.app, staff.email);
    const mine = await client.request('GET', '/api/hub/members/mine');
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([member.id]);

    const read = await client.request('GET', `/api/hub/members/${member.id}/profile`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ published: false, version: 1, canEdit: true });
    const saved = await client.request('PUT', `/api/hub/members/${member.id}/profile`, { ...profile, version: 1 });
    expect(saved.statusCode).toBe(200);
    expect(await documentsOf(member.id)).toEqual([]);
    const stale = await client.request('PUT', `/api/hub/members/${member.id}/profile`, { ...profile, version: 1 });
    expect(stale.statusCode).toBe(409);

    const published = await client.request('POST', `/api/hub/members/${member.id}/profile/publication`, {
      published: true,
      version: 2,
    });
    expect(published.statusCode).toBe(200);
    const rows = await documentsOf(member.id);
    expect(rows.map((row) => row.locale)).toEqual(['en', 'fr']);
    expect(rows[0]).toMatchObject({ kind: 'profile', visibility: 'public', title: member.name });
    expect(rows[1]?.summary).toBe('Coordonne les rapports.');

    const unpublished = await client.request('POST', `/api/hub/members/${member.id}/profile/publication`, {
      published: false,
      version: 3,
    });
    expect(unpublished.statusCode).toBe(200);
    expect(await documentsOf(member.id)).toEqual([]);
    const audit = await hub.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'hub_profile')
      .where('record_id', '=', member.id)
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses to publish without a mandate or a source, naming the field', async () => {
    const member = await makeHubMember(hub.handle.db);
    const moderator = await signInNew(hub, 'moderator');
    const noMandate = await moderator.request('POST', `/api/hub/members/${member.id}/profile/publication`, {
      published: true,
      version: 1,
    });
    expect(noMandate.statusCode).toBe(400);
    expect(noMandate.json().error.issues[0]).toEqual({
      path: 'mandate',
      message: 'issues.hubProfiles.mandateRequired',
    });
    await moderator.request('PUT', `/api/hub/members/${member.id}/profile`, { ...profile, source: null, version: 1 });
    const noSource = await moderator.request('POST', `/api/hub/members/${member.id}/profile/publication`, {
      published: true,
      version: 2,
    });
    expect(noSource.json().error.issues[0]).toEqual({ path: 'source', message: 'issues.hubProfiles.sourceRequired' });
    const badWebsite = await moderator.request('PUT', `/api/hub/members/${member.id}/profile`, {
      ...profile,
      website: 'javascript:alert(1)',
      version: 2,
    });
    expect(badWebsite.statusCode).toBe(400);
    expect(badWebsite.json().error.issues[0].path).toBe('website');
  });

  it("another member's staff and readers may not edit a profile", async () => {
    const member = await makeHubMember(hub.handle.db);
    const other = await makeHubMember(hub.handle.db);
    const staff = await makeUser(hub.handle.db, { role: 'member' });
    await actForHubMember(hub.handle.db, other.id, staff.id);
    const client = await signInAs(hub.app, staff.email);
    expect(
      (await client.request('PUT', `/api/hub/members/${member.id}/profile`, { ...profile, version: 1 })).statusCode,
    ).toBe(403);
    const reader = await signInNew(hub, 'reader');
    expect((await reader.request('GET', `/api/hub/members/${member.id}/profile`)).statusCode).toBe(403);
  });

  it('withdrawing a member takes its published profile out of the search', async () => {
    const member = await makeHubMember(hub.handle.db);
    const admin = await signInNew(hub, 'hub_admin');
    await admin.request('PUT', `/api/hub/members/${member.id}/profile`, { ...profile, version: 1 });
    await admin.request('POST', `/api/hub/members/${member.id}/profile/publication`, { published: true, version: 2 });
    expect(await documentsOf(member.id)).toHaveLength(2);
    await admin.request('POST', `/api/hub/members/${member.id}/withdraw`, { version: 1 });
    expect(await documentsOf(member.id)).toEqual([]);
  });
});

describe('networks', () => {
  it('a hub admin creates a network with members; the network and the members’ facets are in the search', async () => {
    const admin = await signInNew(hub, 'hub_admin');
    const member = await makeHubMember(hub.handle.db);
    await admin.request('PUT', `/api/hub/members/${member.id}/profile`, { ...profile, version: 1 });
    await admin.request('POST', `/api/hub/members/${member.id}/profile/publication`, { published: true, version: 2 });
    const created = await admin.request('POST', '/api/hub/networks', {
      kind: 'regional',
      name: 'A regional network',
      nameI18n: { en: 'A regional network', es: 'Una red regional' },
      descriptionI18n: { en: 'Mechanisms of one region.' },
      website: null,
      memberIds: [member.id],
    });
    expect(created.statusCode).toBe(201);
    const network = created.json();
    expect((await documentsOf(network.id)).map((row) => row.locale)).toEqual(['en', 'es']);
    expect((await documentsOf(member.id))[0]?.network_ids).toEqual([network.id]);

    const unknown = await admin.request('PUT', `/api/hub/networks/${network.id}`, {
      ...network,
      memberIds: [member.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toEqual({
      path: 'memberIds.1',
      message: 'issues.hubProfiles.unknownMember',
    });

    const emptied = await admin.request('PUT', `/api/hub/networks/${network.id}`, { ...network, memberIds: [] });
    expect(emptied.statusCode).toBe(200);
    expect((await documentsOf(member.id))[0]?.network_ids).toEqual([]);
    const moderator = await signInNew(hub, 'moderator');
    expect(
      (await moderator.request('PUT', `/api/hub/networks/${network.id}`, { ...network, version: 2 })).statusCode,
    ).toBe(403);
  });
});
