import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp } from '../../../../tests/app';
import { hubDemoAccounts } from './accounts';
import { seedDemoHub, seedWholeDemoHub } from './index';
import { demoHubMembers } from './profiles.data';

// The demo hub (decision 035): seeded once into an empty hub, its accounts shown on the sign-in
// page like the demo State's, each profile naming its source.

let hub: TestApp;
beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub', demo: true });
});
afterAll(() => hub.close());

describe('the demo hub seed', () => {
  it('seeds members, published profiles, a network, accounts and who acts for whom, and returns them', async () => {
    const context = await seedWholeDemoHub(hub.handle.db);
    expect([...context.memberIdByCountry.keys()].sort()).toEqual(['MA', 'MU', 'PT', 'PY', 'SI']);
    expect(context.networkIdByName.size).toBe(1);
    expect([...context.accountIdByRole.keys()].sort()).toEqual(['hub_admin', 'member', 'moderator', 'reader']);
    const profiles = await hub.handle.db.selectFrom('hub_profiles').selectAll().execute();
    expect(profiles).toHaveLength(5);
    expect(profiles.every((profile) => profile.published && (profile.source ?? '').length > 20)).toBe(true);
    const documents = await hub.handle.db
      .selectFrom('hub_documents')
      .select(['kind', 'locale'])
      .where('kind', '=', 'profile')
      .execute();
    // One row per language each profile is written in.
    const languages = demoHubMembers.reduce(
      (sum, member) => sum + new Set(Object.keys({ ...member.mandate, ...member.composition })).size,
      0,
    );
    expect(documents).toHaveLength(languages);
    const acting = await hub.handle.db.selectFrom('hub_member_people').selectAll().execute();
    expect(acting).toHaveLength(3);
    // The other parts seed from it: the members' practices, published and in the search; the
    // community's questions and past events; demo self-assessments.
    const kinds = await hub.handle.db
      .selectFrom('hub_documents')
      .select(['kind', (eb) => eb.fn.count<number>('id').as('rows')])
      .groupBy('kind')
      .execute();
    const rows = new Map(kinds.map((row) => [row.kind, Number(row.rows)]));
    expect(rows.get('practice')).toBeGreaterThanOrEqual(4);
    expect(rows.get('thread')).toBeGreaterThanOrEqual(3);
    expect(rows.get('event')).toBeGreaterThanOrEqual(3);
    const published = await hub.handle.db
      .selectFrom('hub_practices')
      .select('id')
      .where('published_version', 'is not', null)
      .execute();
    expect(published.length).toBeGreaterThanOrEqual(4);
    const assessments = await hub.handle.db.selectFrom('hub_assessments').select(['demo']).execute();
    expect(assessments.length).toBeGreaterThan(0);
    expect(assessments.every((round) => round.demo)).toBe(true);
  });

  it('refuses to seed a hub that is not empty', async () => {
    await expect(seedDemoHub(hub.handle.db)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await hub.handle.db.selectFrom('hub_members').select('id').execute()).toHaveLength(5);
  });

  it("shows the hub's demo accounts on the sign-in page, and each signs in", async () => {
    const session = (await hub.app.inject({ method: 'GET', url: '/api/session' })).json();
    expect(session.demoAccounts.map((account: { email: string }) => account.email)).toEqual(
      hubDemoAccounts.map((account) => account.email),
    );
    for (const account of hubDemoAccounts) {
      const client = await signInAs(hub.app, account.email, account.password);
      const me = (await client.request('GET', '/api/session')).json();
      expect(me.user.role).toBe(account.role);
    }
    const portugal = await signInAs(hub.app, 'portugal@hub.demo.implementa.example', 'demo-hub-portugal-2026');
    const mine = (await portugal.request('GET', '/api/hub/members/mine')).json();
    expect(mine.items.map((member: { countryCode: string }) => member.countryCode)).toEqual(['PT']);
  });

  it('is started beside the national demo by one documented command', () => {
    const scripts = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')).scripts;
    expect(scripts['start:hub']).toBe('node scripts/start.mjs --hub');
    const start = readFileSync(new URL('../../../../scripts/start.mjs', import.meta.url), 'utf8');
    expect(start).toContain("PORT: process.env.HUB_PORT ?? '3001'");
    expect(start).toContain("DATA_DIR: process.env.HUB_DATA_DIR ?? './data-hub'");
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm run start:hub');
    expect(readme).toContain('http://localhost:3001');
  });
});
