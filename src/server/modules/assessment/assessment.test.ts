import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { actForHubMember, makeHubMember } from '../../../../tests/factories';
import { questionnaireOf } from '../../../shared/hub/questionnaire';
import type { HubDocument } from '../../../shared/schemas/hub';
import type { AssessmentHome, Results, Round } from '../../../shared/schemas/hub-assessment';
import { indexHubDocuments } from '../../lib/hub-index';

const ids = questionnaireOf(1).characteristics.map((each) => each.id);
let test: TestApp;
let own: { id: string };
const peers: { id: string; client: Client }[] = [];
let mine: Client;
let regionalId: string;
let languageId: string;

/** Every characteristic at one level, some set apart. */
function answers(level: number, overrides: Record<string, number> = {}, comment: string | null = null) {
  return ids.map((questionId) => ({ questionId, level: overrides[questionId] ?? level, comment, evidenceUrl: null }));
}

async function submitted(client: Client, memberId: string, levels: ReturnType<typeof answers>): Promise<Round> {
  const started = await client.request('POST', '/api/hub/assessment/rounds', { memberId });
  expect(started.statusCode, started.body).toBe(201);
  const round = started.json() as Round;
  const saved = await client.request('PUT', `/api/hub/assessment/rounds/${round.id}/answers`, {
    version: round.version,
    answers: levels,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const done = await client.request('POST', `/api/hub/assessment/rounds/${round.id}/submit`, {
    version: (saved.json() as Round).version,
  });
  expect(done.statusCode, done.body).toBe(200);
  return done.json() as Round;
}

beforeAll(async () => {
  test = await createTestApp({ INSTANCE_MODE: 'hub' });
  const db = test.handle.db;
  const regional = await db
    .insertInto('hub_networks')
    .values({ kind: 'regional', name: 'Test region' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const language = await db
    .insertInto('hub_networks')
    .values({ kind: 'language', name: 'Test language network' })
    .returning('id')
    .executeTakeFirstOrThrow();
  regionalId = regional.id;
  languageId = language.id;
  own = await makeHubMember(db, { country_code: 'SI', system_of_government: 'unitary' });
  mine = await signInNew(test, 'member');
  await actForHubMember(db, own.id, mine.userId);
  await db
    .insertInto('hub_network_members')
    .values([
      { network_id: regionalId, member_id: own.id },
      { network_id: languageId, member_id: own.id },
    ])
    .execute();
  for (const country of ['HR', 'AT', 'HU']) {
    const member = await makeHubMember(db, { country_code: country });
    const client = await signInNew(test, 'member');
    await actForHubMember(db, member.id, client.userId);
    await db.insertInto('hub_network_members').values({ network_id: regionalId, member_id: member.id }).execute();
    peers.push({ id: member.id, client });
  }
  // Only the first peer shares the language network with this member.
  await db
    .insertInto('hub_network_members')
    .values({ network_id: languageId, member_id: peers[0]?.id as string })
    .execute();
}, 240_000);
afterAll(() => test?.close());

describe('a self-assessment round (decision 039)', () => {
  let round: Round;

  it('starts empty, saves answers step by step and refuses what is wrong, naming it', async () => {
    const home = (await mine.request('GET', '/api/hub/assessment')).json() as AssessmentHome;
    expect(home.member?.id).toBe(own.id);
    expect(home.rounds).toEqual([]);
    const started = await mine.request('POST', '/api/hub/assessment/rounds', { memberId: own.id });
    expect(started.statusCode, started.body).toBe(201);
    round = started.json() as Round;
    expect(round).toMatchObject({ round: 1, status: 'draft', editable: true, answered: 0, questions: ids.length });
    // One round in progress at a time.
    expect((await mine.request('POST', '/api/hub/assessment/rounds', { memberId: own.id })).statusCode).toBe(409);

    const bad = await mine.request('PUT', `/api/hub/assessment/rounds/${round.id}/answers`, {
      version: round.version,
      answers: [{ questionId: 'mandate', level: 2, comment: null, evidenceUrl: 'ftp://example.org/x' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('answers.0.evidenceUrl');
    const unknown = await mine.request('PUT', `/api/hub/assessment/rounds/${round.id}/answers`, {
      version: round.version,
      answers: [{ questionId: 'weather', level: 2, comment: null, evidenceUrl: null }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('answers.0.questionId');
    const tooHigh = await mine.request('PUT', `/api/hub/assessment/rounds/${round.id}/answers`, {
      version: round.version,
      answers: [{ questionId: 'mandate', level: 5, comment: null, evidenceUrl: null }],
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.body).toContain('answers.0.level');

    const first = await mine.request('PUT', `/api/hub/assessment/rounds/${round.id}/answers`, {
      version: round.version,
      answers: [
        { questionId: 'mandate', level: 3, comment: 'Decree of 2019', evidenceUrl: 'https://example.org/decree' },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    const afterFirst = first.json() as Round;
    expect(afterFirst.answered).toBe(1);
    expect(afterFirst.answers).toEqual([
      { questionId: 'mandate', level: 3, comment: 'Decree of 2019', evidenceUrl: 'https://example.org/decree' },
    ]);
    // A write at the old version is refused (someone else saved in between).
    const stale = await mine.request('PUT', `/api/hub/assessment/rounds/${round.id}/answers`, {
      version: round.version,
      answers: [{ questionId: 'setup', level: 1, comment: null, evidenceUrl: null }],
    });
    expect(stale.statusCode).toBe(409);
    round = afterFirst;
  });

  it('is submitted only when every characteristic has a level, then no longer changes', async () => {
    const early = await mine.request('POST', `/api/hub/assessment/rounds/${round.id}/submit`, {
      version: round.version,
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('answers.setup.level');
    expect(early.body).not.toContain('answers.mandate.level');
    const all = await mine.request('PUT', `/api/hub/assessment/rounds/${round.id}/answers`, {
      version: round.version,
      answers: answers(3, { parliament: 0, lrg: 1, nhri: 1, mandate: 4 }),
    });
    const filled = all.json() as Round;
    const done = await mine.request('POST', `/api/hub/assessment/rounds/${round.id}/submit`, {
      version: filled.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    round = done.json() as Round;
    expect(round).toMatchObject({ status: 'submitted', editable: false });
    expect(round.submittedAt).not.toBeNull();
    const late = await mine.request('PUT', `/api/hub/assessment/rounds/${round.id}/answers`, {
      version: round.version,
      answers: answers(0),
    });
    expect(late.statusCode).toBe(409);
  });

  it('keeps its history: a new round starts from the last submitted answers', async () => {
    const next = await mine.request('POST', '/api/hub/assessment/rounds', { memberId: own.id });
    expect(next.statusCode).toBe(201);
    const second = next.json() as Round;
    expect(second.round).toBe(2);
    expect(second.answers.find((answer) => answer.questionId === 'parliament')?.level).toBe(0);
    const home = (await mine.request('GET', '/api/hub/assessment')).json() as AssessmentHome;
    expect(home.rounds.map((each) => [each.round, each.status])).toEqual([
      [2, 'draft'],
      [1, 'submitted'],
    ]);
  });
});

describe('who reads a member’s answers', () => {
  it('refuses readers, strangers and the hub’s staff until the member shares, and never lets them write', async () => {
    const home = (await mine.request('GET', '/api/hub/assessment')).json() as AssessmentHome;
    const first = home.rounds.find((each) => each.round === 1) as AssessmentHome['rounds'][number];
    const url = `/api/hub/assessment/rounds/${first.id}`;
    expect((await test.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const reader = await signInNew(test, 'reader');
    expect((await reader.request('GET', '/api/hub/assessment')).statusCode).toBe(403);
    expect((await reader.request('GET', url)).statusCode).toBe(404);
    const stranger = peers[1]?.client as Client;
    for (const path of [url, `${url}/results`]) expect((await stranger.request('GET', path)).statusCode).toBe(404);
    expect((await stranger.request('POST', `${url}/submit`, { version: 1 })).statusCode).toBe(404);
    expect((await stranger.request('PUT', `${url}/sharing`, { version: 1, sharedWithHub: true })).statusCode).toBe(404);
    const admin = await signInNew(test, 'hub_admin');
    const moderator = await signInNew(test, 'moderator');
    expect((await admin.request('GET', url)).statusCode).toBe(404);
    expect((await moderator.request('GET', `${url}/results`)).statusCode).toBe(404);
    expect(((await admin.request('GET', '/api/hub/assessment/shared')).json() as { items: [] }).items).toEqual([]);

    const round = (await mine.request('GET', url)).json() as Round;
    const shared = await mine.request('PUT', `${url}/sharing`, { version: round.version, sharedWithHub: true });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((await admin.request('GET', url)).statusCode).toBe(200);
    expect((await moderator.request('GET', `${url}/results`)).statusCode).toBe(200);
    const list = (await moderator.request('GET', '/api/hub/assessment/shared')).json() as { items: { id: string }[] };
    expect(list.items.map((item) => item.id)).toEqual([first.id]);
    expect((await admin.request('PUT', `${url}/sharing`, { version: 2, sharedWithHub: false })).statusCode).toBe(404);
    expect((await member403(reader)).statusCode).toBe(403);
    // A peer is never let in, shared or not.
    expect((await stranger.request('GET', url)).statusCode).toBe(404);
    expect((await stranger.request('GET', '/api/hub/assessment/shared')).statusCode).toBe(403);
  });
});

function member403(client: Client) {
  return client.request('POST', '/api/hub/assessment/rounds', { memberId: own.id });
}

describe('comparison with peers', () => {
  async function results(): Promise<Results> {
    const home = (await mine.request('GET', '/api/hub/assessment')).json() as AssessmentHome;
    const first = home.rounds.find((each) => each.round === 1) as AssessmentHome['rounds'][number];
    const response = await mine.request('GET', `/api/hub/assessment/rounds/${first.id}/results`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Results;
  }

  it('says "not enough peers" below three submitted members, and shows no figure', async () => {
    const [b] = peers;
    if (!b) throw new Error('no peer');
    await submitted(b.client, b.id, answers(2, { mandate: 1 }, 'secret comment of B'));
    const found = await results();
    expect(found.groups.map((group) => group.kind)).toEqual(['regional', 'language', 'hub']);
    for (const group of found.groups) {
      expect(group).toMatchObject({ members: 1, enough: false });
      expect(Object.values(group.byCharacteristic).every((stats) => stats.median === null)).toBe(true);
    }
  });

  it('shows the median and quartiles of groups of at least three, never an individual answer', async () => {
    const [, c, d] = peers;
    if (!c || !d) throw new Error('no peers');
    await submitted(c.client, c.id, answers(3, { mandate: 2 }, 'secret comment of C'));
    await submitted(d.client, d.id, answers(4, { mandate: 4 }, 'secret comment of D'));
    const found = await results();
    const regional = found.groups.find((group) => group.kind === 'regional');
    expect(regional).toMatchObject({ networkId: regionalId, members: 3, enough: true });
    expect(regional?.byCharacteristic.mandate).toEqual({ count: 3, enough: true, q1: 1.5, median: 2, q3: 3 });
    expect(regional?.byCharacteristic.setup).toMatchObject({ median: 3, q1: 2.5, q3: 3.5 });
    // The language network holds one peer only: no figures.
    const language = found.groups.find((group) => group.kind === 'language');
    expect(language).toMatchObject({ networkId: languageId, members: 1, enough: false });
    expect(language?.byCharacteristic.mandate?.median).toBeNull();
    const hub = found.groups.find((group) => group.kind === 'hub');
    expect(hub).toMatchObject({ members: 3, enough: true });
    // Nothing of a peer's own round leaves the server: no comment, no id.
    const text = JSON.stringify(found);
    expect(text).not.toContain('secret comment');
    for (const peer of peers) expect(text).not.toContain(peer.id);
    expect(found.scores.find((score) => score.characteristicId === 'parliament')?.level).toBe(0);
  });
});

describe('practices that answer the weakest points', () => {
  function practice(overrides: Partial<HubDocument> & { refId: string; title: string }): HubDocument {
    return {
      kind: 'practice',
      locale: 'en',
      visibility: 'public',
      summary: 'A practice.',
      body: '',
      path: `/practices/${overrides.refId}`,
      memberId: peers[0]?.id ?? null,
      countryCode: 'HR',
      systemOfGovernment: 'federal',
      level: 'national',
      themes: ['engagement_parliament'],
      networkIds: [],
      ...overrides,
    };
  }

  it('lists published practices on the themes of the lowest characteristics, same system first', async () => {
    const db = test.handle.db;
    const made = {
      federal: randomUUID(),
      unitary: randomUUID(),
      lrg: randomUUID(),
      accountsOnly: randomUUID(),
      thread: randomUUID(),
      ownPractice: randomUUID(),
      strongTheme: randomUUID(),
    };
    const put = (document: HubDocument) => indexHubDocuments(db, document.kind, document.refId, [document]);
    await put(practice({ refId: made.federal, title: 'Parliamentary committee (federal)' }));
    await put(
      practice({ refId: made.unitary, title: 'Parliamentary committee (unitary)', systemOfGovernment: 'unitary' }),
    );
    await put(practice({ refId: made.lrg, title: 'Municipal focal points', themes: ['engagement_lrg'] }));
    await put(practice({ refId: made.accountsOnly, title: 'Members only', visibility: 'accounts' }));
    await put(
      practice({ refId: made.thread, title: 'A discussion', kind: 'thread', path: `/community/${made.thread}` }),
    );
    await put(practice({ refId: made.ownPractice, title: 'Our own practice', memberId: own.id }));
    await put(practice({ refId: made.strongTheme, title: 'Mandate by law', themes: ['mandate'] }));

    const home = (await mine.request('GET', '/api/hub/assessment')).json() as AssessmentHome;
    const first = home.rounds.find((each) => each.round === 1) as AssessmentHome['rounds'][number];
    const found = (await mine.request('GET', `/api/hub/assessment/rounds/${first.id}/results`)).json() as Results;
    expect(found.weakest).toEqual(['parliament', 'lrg', 'nhri']);
    expect(found.suggestions.map((each) => each.refId)).toEqual([made.unitary, made.federal, made.lrg]);
    expect(found.suggestions[0]).toMatchObject({ sameSystem: true, characteristicIds: ['parliament'] });
    expect(found.suggestions[2]?.characteristicIds).toEqual(['lrg']);
  });
});

describe('the questionnaire', () => {
  it('is given in the asked language, each characteristic naming its source', async () => {
    const response = await mine.request('GET', '/api/hub/assessment/questionnaire?locale=ar');
    expect(response.statusCode).toBe(200);
    const body = response.json() as { characteristics: { title: string; source: string }[]; levels: unknown[] };
    expect(body.characteristics).toHaveLength(ids.length);
    expect(body.levels).toHaveLength(5);
    expect(body.characteristics[0]?.title).toBe('الولاية والأساس القانوني');
    expect(body.characteristics.every((each) => /HR\/PUB\/16\/1|51\/33/.test(each.source))).toBe(true);
    expect((await mine.request('GET', '/api/hub/assessment/questionnaire?version=99')).statusCode).toBe(404);
  });
});
