import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db';
import { makeHubMember } from '../../../tests/factories';
import type { HubDocument } from '../../shared/schemas/hub';
import type { DatabaseHandle } from '../db/database';
import { indexHubDocuments, removeHubDocuments } from './hub-index';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const refId = '00000000-0000-4000-8000-000000000001';
function row(locale: HubDocument['locale'], title: string, body: string): HubDocument {
  return {
    kind: 'practice',
    refId,
    locale,
    visibility: 'public',
    title,
    summary: '',
    body,
    path: `/practices/${refId}`,
    memberId: null,
    countryCode: 'PT',
    systemOfGovernment: 'unitary',
    level: 'national',
    themes: ['coordination'],
    networkIds: [],
  };
}

async function matches(config: string, query: string): Promise<string[]> {
  const result = await sql<{ locale: string }>`
    select locale from hub_documents where tsv @@ websearch_to_tsquery(${config}::regconfig, im_unaccent(${query}))
    order by locale`.execute(handle.db);
  return result.rows.map((found) => found.locale);
}

describe('the hub search table', () => {
  it('stems each row in its own language and replaces a thing’s languages at once', async () => {
    const member = await makeHubMember(handle.db, { country_code: 'PT' });
    await indexHubDocuments(handle.db, 'practice', refId, [
      { ...row('en', 'Interministerial committees', 'Ministries coordinate reporting'), memberId: member.id },
      { ...row('fr', 'Comités interministériels', 'Les ministères coordonnent les rapports'), memberId: member.id },
    ]);
    expect(await matches('english', 'committee coordinating')).toEqual(['en']);
    expect(await matches('french', 'comite ministere')).toEqual(['fr']);

    // The French text is gone from the thing: its row leaves the search; the English one is rewritten.
    await indexHubDocuments(handle.db, 'practice', refId, [row('en', 'National committee', 'Follow-up meetings')]);
    expect(await matches('french', 'comite')).toEqual([]);
    expect(await matches('english', 'coordinating')).toEqual([]);
    expect(await matches('english', 'meeting')).toEqual(['en']);

    await removeHubDocuments(handle.db, 'practice', refId);
    expect(await matches('english', 'meeting')).toEqual([]);
  });

  it('refuses a row of another thing', async () => {
    await expect(
      indexHubDocuments(handle.db, 'practice', refId, [{ ...row('en', 'x', 'y'), kind: 'thread' }]),
    ).rejects.toThrow(/was given a row of thread/);
  });
});
