import { seal } from '../src/server/lib/sealed';
import { generateKeyPair } from '../src/server/modules/federation/signatures';
import type { WriteCase, WriteCtx } from './access-matrix.writes.world';
import { testEncryptionKey } from './app';

// Federation's write routes on a national instance (decision 038): the admin's link, the
// secretariat's shares. Every case leaves nothing for the push job to send (nothing shared, no
// hub reachable), so no background write lands in another case's fingerprint.

const practice = {
  level: 'national',
  themes: ['coordination'],
  texts: { en: { title: 'Matrix practice', summary: 'A summary', body: '<p>Body</p>' } },
  contact: null,
  links: [],
  source: null,
};

/** The link row in a given state, nothing shared; its version for the request. */
async function linkIn(ctx: WriteCtx, state: 'key_only' | 'linked') {
  await ctx.db.deleteFrom('federation_shares').execute();
  await ctx.db.deleteFrom('federation_hub_link').execute();
  const key = generateKeyPair();
  const row = await ctx.db
    .insertInto('federation_hub_link')
    .values({
      id: 1,
      state,
      key_id: key.keyId,
      public_jwk: JSON.stringify(key.publicJwk),
      private_key_sealed: seal(testEncryptionKey, key.privateKeyPem),
      hub_url: state === 'linked' ? 'http://127.0.0.1:9' : null,
      token_sealed: state === 'linked' ? seal(testEncryptionKey, 'imp_matrix-token-0123456789abc') : null,
      statistics_day: '2999-01-01',
    })
    .returning('version')
    .executeTakeFirstOrThrow();
  return { version: String(row.version) };
}

async function share(ctx: WriteCtx, kind: 'practice' | 'profile' | 'statistics') {
  await ctx.db.deleteFrom('federation_shares').where('kind', '=', kind).execute();
  const row = await ctx.db
    .insertInto('federation_shares')
    .values({
      kind,
      payload: kind === 'statistics' ? null : JSON.stringify(kind === 'practice' ? practice : profile),
      shared: false,
      next_try_at: new Date(Date.now() + 3_600_000),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  return { share: row.id, version: String(row.version) };
}

const profile = {
  mandate: { en: 'Coordinates follow-up.' },
  legalBasis: {},
  composition: {},
  secretariat: {},
  focalPoints: {},
  established: null,
  website: null,
  source: null,
};

export const federationCases: Record<string, WriteCase> = {
  'POST /api/federation/link/key': {
    arrange: async (ctx) => linkIn(ctx, 'key_only'),
    url: () => '/api/federation/link/key',
    changes: ['federation_hub_link', 'audit_events'],
  },
  'PUT /api/federation/link': {
    arrange: async (ctx) => linkIn(ctx, 'key_only'),
    url: () => '/api/federation/link',
    body: (p) => ({
      hubUrl: 'http://127.0.0.1:9',
      token: 'imp_matrix-token-0123456789abc',
      version: Number(p.version),
    }),
    changes: ['federation_hub_link', 'audit_events'],
  },
  'POST /api/federation/link/unlink': {
    arrange: async (ctx) => linkIn(ctx, 'linked'),
    url: () => '/api/federation/link/unlink',
    body: (p) => ({ version: Number(p.version) }),
    changes: ['federation_hub_link', 'audit_events'],
    why: 'the withdrawal is sent by a job, to a hub that is not there: the link stays "unlinking"',
  },
  'POST /api/federation/shares/:id/retry': {
    arrange: async (ctx) => share(ctx, 'practice'),
    url: (p) => `/api/federation/shares/${p.share}/retry`,
    changes: ['federation_shares'],
  },
  'POST /api/federation/practices': {
    url: () => '/api/federation/practices',
    body: () => ({ practice, shared: false }),
    changes: ['federation_shares', 'audit_events'],
  },
  'PUT /api/federation/practices/:id': {
    arrange: async (ctx) => share(ctx, 'practice'),
    url: (p) => `/api/federation/practices/${p.share}`,
    body: (p) => ({
      practice: { ...practice, contact: 'nmirf@gov.example' },
      shared: false,
      version: Number(p.version),
    }),
    changes: ['federation_shares', 'audit_events'],
  },
  'PUT /api/federation/profile': {
    arrange: async (ctx) => share(ctx, 'profile'),
    url: () => '/api/federation/profile',
    body: (p) => ({ profile, shared: false, version: Number(p.version) }),
    changes: ['federation_shares', 'audit_events'],
  },
  'PUT /api/federation/statistics': {
    arrange: async (ctx) => share(ctx, 'statistics'),
    url: () => '/api/federation/statistics',
    body: (p) => ({ shared: false, version: Number(p.version) }),
    changes: ['federation_shares', 'audit_events'],
  },
};
