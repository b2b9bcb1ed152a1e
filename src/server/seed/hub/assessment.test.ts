import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { actForHubMember, makeHubMember, makeUser } from '../../../../tests/factories';
import type { DatabaseHandle } from '../../db/database';
import { seedHubAssessments } from './assessment';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe('the demo hub’s self-assessments', () => {
  it('gives every member a submitted demo round, the demo account’s member a history, once', async () => {
    const db = handle.db;
    const members = new Map<string, string>();
    for (const country of ['PT', 'SI', 'CL', 'MA'])
      members.set(country, (await makeHubMember(db, { country_code: country })).id);
    const account = await makeUser(db, { role: 'member' });
    await actForHubMember(db, members.get('PT') as string, account.id);
    const ctx = {
      memberIdByCountry: members,
      networkIdByName: new Map(),
      accountIdByRole: new Map([['member', account.id]]),
    };
    await seedHubAssessments(db, ctx);
    await seedHubAssessments(db, ctx);
    const rounds = await db.selectFrom('hub_assessments').select(['member_id', 'round', 'status', 'demo']).execute();
    expect(rounds).toHaveLength(5);
    expect(rounds.every((round) => round.demo && round.status === 'submitted')).toBe(true);
    expect(
      rounds
        .filter((round) => round.member_id === members.get('PT'))
        .map((round) => round.round)
        .sort(),
    ).toEqual([1, 2]);
    const answers = await db.selectFrom('hub_assessment_answers').select('level').execute();
    expect(answers).toHaveLength(50);
    expect(answers.every((answer) => answer.level !== null && answer.level >= 0 && answer.level <= 4)).toBe(true);
  });
});
