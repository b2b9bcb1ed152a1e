import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { makeHubMember, makeUser } from '../../../../tests/factories';
import type { DatabaseHandle } from '../../db/database';
import { publicPractice } from '../../modules/practices/practices.public.service';
import { sanitizePracticeBody } from '../../modules/practices/practices.sanitize';
import { seedHubPractices } from './practices';
import { seedPractices } from './practices.data';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('seedHubPractices', () => {
  it('publishes the real practices of the members given, and only practices', async () => {
    const db = handle.db;
    const countries = [...new Set(seedPractices.map((practice) => practice.country))];
    const members = new Map<string, string>();
    for (const country of countries.slice(0, -1))
      members.set(country, (await makeHubMember(db, { country_code: country })).id);
    const author = await makeUser(db, { role: 'member' });
    const moderator = await makeUser(db, { role: 'moderator' });
    const before = await db
      .selectFrom('hub_members')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();

    const result = await seedHubPractices(db, members, author.id, moderator.id);
    const expected = seedPractices.filter((practice) => members.has(practice.country)).length;
    expect(result).toEqual({ created: expected, skipped: seedPractices.length - expected });
    expect(await seedHubPractices(db, members, author.id, moderator.id)).toEqual({
      created: 0,
      skipped: seedPractices.length,
    });
    const after = await db
      .selectFrom('hub_members')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const practices = await db.selectFrom('hub_practices').selectAll().execute();
    expect(practices).toHaveLength(expected);
    for (const practice of practices) {
      expect(practice).toMatchObject({ status: 'published', published_version: 1, created_by: author.id });
      const shown = await publicPractice(db, 'en', practice.id);
      expect(shown?.source).toBeTruthy();
      const documents = await db
        .selectFrom('hub_documents')
        .select('locale')
        .where('ref_id', '=', practice.id)
        .execute();
      const data = seedPractices.find((one) => members.get(one.country) === practice.member_id);
      expect(documents.map((row) => row.locale).sort()).toEqual(Object.keys(data?.texts ?? {}).sort());
    }
  });

  it('holds real content: every practice names a source, its bodies pass the sanitiser unchanged', () => {
    expect(seedPractices.length).toBeGreaterThanOrEqual(6);
    for (const practice of seedPractices) {
      expect(practice.source.length).toBeGreaterThan(40);
      expect(practice.texts[practice.originalLocale]).toBeDefined();
      for (const text of Object.values(practice.texts)) {
        expect(sanitizePracticeBody(text.body)).toBe(text.body);
        expect(text.body).not.toMatch(/lorem|ipsum|TODO|placeholder/i);
      }
      for (const link of practice.links) expect(link.url).toMatch(/^https:\/\//);
    }
  });
});
