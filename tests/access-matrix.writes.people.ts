import { randomBytes } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { adminOnly, type Rule, secretariat, signedIn } from './access-matrix.expectations';
import type { WriteCase, WriteCtx } from './access-matrix.writes.world';
import { type Client, cookieOf, signInAs, signInNew } from './app';
import { makeEntity, makeUser, seatPerson, testPassword } from './factories';

/**
 * Write cases of people and organisations: signing in and out, one's own account and second
 * factor, the admin's users, invitations and outbox, the State profile, entities, their people,
 * networks and nominations. See `access-matrix.writes.test.ts`.
 */
const unique = () => randomBytes(4).toString('hex');
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function emailOf(ctx: WriteCtx, userId: string): Promise<string> {
  return (await ctx.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow()).email;
}

/** A token mailed to that address (the password reset's or the invitation's link). */
async function mailedToken(ctx: WriteCtx, to: string, path: string): Promise<string> {
  const mail = await ctx.world.test.waitForMail(to);
  const match = new RegExp(`${path}\\?token=([\\w-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${path} link in the mail to ${to}`);
  return match[1];
}

/** Sets up and turns on the second factor for the client's account; the secret. */
async function enableTotp(client: Client): Promise<OTPAuth.Secret> {
  const setup = (await client.request('POST', '/api/me/totp/setup')).json() as { secret: string };
  const secret = OTPAuth.Secret.fromBase32(setup.secret);
  const code = new OTPAuth.TOTP({ secret }).generate();
  const enabled = await client.request('POST', '/api/me/totp/enable', { code });
  if (enabled.statusCode >= 300) throw new Error(`arrange totp: ${enabled.body}`);
  return secret;
}

const sessionsOf = async (ctx: WriteCtx, userId: string) =>
  ctx.db.selectFrom('sessions').select(['id', 'public_id']).where('user_id', '=', userId).execute();

/**
 * A fresh network of LRGs whose main focal point is Labour's (a person may hold seats in several
 * entities): so `focal_point/own` is the network's focal point, who nominates.
 */
const freshNetwork = async (ctx: WriteCtx) => {
  const network = await makeEntity(ctx.db, { kind: 'lrg_network', name: `Network ${unique()}` });
  const lrg = await makeEntity(ctx.db, { kind: 'lrg', name: `Municipality ${unique()}` });
  await seatPerson(ctx.db, network.id, (ctx.world.clients.get('focal_point/own') as Client).userId, 'main');
  return { network: network.id, lrg: lrg.id };
};

/** An open nomination request of a fresh network with one member LRG; nominated when asked. */
const freshNomination = async (ctx: WriteCtx, nominated = false) => {
  const { network, lrg } = await freshNetwork(ctx);
  await ctx.as('POST', `/api/networks/${network}/members`, { memberIds: [lrg] });
  const request = await ctx.as('POST', `/api/networks/${network}/nominations`, {
    topic: 'housing',
    dueDate: inDays(14),
  });
  if (nominated) {
    const focal = ctx.world.clients.get('focal_point/own') as Client;
    const done = await focal.request('POST', `/api/nominations/${request.id}/candidates`, { lrgId: lrg });
    if (done.statusCode >= 300) throw new Error(`arrange nominate: ${done.body}`);
  }
  return { network, lrg, nomination: request.id as string };
};

/** The network's focal points nominate (and withdraw); no one else, the secretariat included. */
const networkFocalPoint: Rule = (p) => (!p ? 401 : p.name === 'focal_point/own' ? 'ok' : 403);

export const peopleCases: Record<string, WriteCase> = {
  'POST /api/session': {
    arrange: async (ctx) => ({ email: (await makeUser(ctx.db, { role: 'viewer' })).email }),
    url: () => '/api/session',
    body: (p) => ({ email: p.email, password: testPassword }),
    changes: ['users', 'sessions'],
    check: async (_ctx, _p, response) =>
      (response as { headers?: Record<string, unknown> }).headers?.['set-cookie'] ? undefined : 'no session cookie',
  },
  'DELETE /api/session': {
    freshPerson: true,
    url: () => '/api/session',
    changes: [],
    why: 'anonymous: nothing to end; signed in: the session row goes (checked)',
    check: async (ctx, _p, _r, client) =>
      client && (await sessionsOf(ctx, client.userId)).length > 0 ? 'the session is still there' : undefined,
  },
  'POST /api/password-resets': {
    arrange: async (ctx) => ({ email: (await makeUser(ctx.db, { role: 'viewer' })).email }),
    url: () => '/api/password-resets',
    body: (p) => ({ email: p.email }),
    changes: ['user_tokens', 'mail_outbox'],
  },
  'POST /api/password-resets/complete': {
    arrange: async (ctx) => {
      const user = await makeUser(ctx.db, { role: 'viewer' });
      await ctx.world.test.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: user.email } });
      return { token: await mailedToken(ctx, user.email, 'reset-password'), email: user.email };
    },
    url: () => '/api/password-resets/complete',
    body: (p) => ({ token: p.token, password: 'a-new-password-2026' }),
    changes: ['users', 'user_tokens'],
    check: async (ctx, p) => {
      const signedInAgain = await ctx.world.test.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: p.email, password: 'a-new-password-2026' },
      });
      return signedInAgain.statusCode === 200 ? undefined : `the new password fails: ${signedInAgain.statusCode}`;
    },
  },
  'POST /api/invitations/accept': {
    arrange: async (ctx) => {
      const email = `invitee.${unique()}@test.implementa.example`;
      await ctx.as('POST', '/api/admin/invitations', { email, name: 'Invitee', role: 'viewer', locale: 'en' });
      return { token: await mailedToken(ctx, email, 'accept-invitation'), email };
    },
    url: () => '/api/invitations/accept',
    body: (p) => ({ token: p.token, name: 'Invitee Accepted', password: 'an-invitee-password-2026' }),
    changes: ['users', 'user_tokens'],
  },
  'POST /api/invitations/inspect': {
    arrange: async (ctx) => {
      const email = `invitee.${unique()}@test.implementa.example`;
      await ctx.as('POST', '/api/admin/invitations', { email, name: 'Invitee', role: 'viewer', locale: 'en' });
      return { token: await mailedToken(ctx, email, 'accept-invitation'), email };
    },
    url: () => '/api/invitations/inspect',
    body: (p) => ({ token: p.token }),
    changes: [],
    why: 'a read sent by POST (the token stays out of URLs and logs): it shows the invitation, changes nothing',
    check: async (_ctx, p, response) => (response.body.includes(p.email as string) ? undefined : 'no invitation shown'),
  },
  'PATCH /api/me': {
    freshPerson: true,
    url: () => '/api/me',
    body: () => ({ name: 'Renamed by the matrix', version: 1 }),
    changes: ['users'],
  },
  'DELETE /api/me/sessions': {
    freshPerson: true,
    // Another session of the same person, which signing out everywhere else ends.
    arrange: async (ctx, client) => {
      if (client) await signInAs(ctx.world.test.app, await emailOf(ctx, client.userId));
      return {};
    },
    url: () => '/api/me/sessions',
    changes: ['sessions'],
    check: async (ctx, _p, _r, client) =>
      (await sessionsOf(ctx, client?.userId as string)).length === 1 ? undefined : 'other sessions remain',
  },
  'DELETE /api/me/sessions/:id': {
    freshPerson: true,
    arrange: async (ctx, client) => {
      if (!client) return { session: ctx.p.unknown as string };
      const other = await signInAs(ctx.world.test.app, await emailOf(ctx, client.userId));
      const rows = await sessionsOf(ctx, client.userId);
      const mine = await ctx.db
        .selectFrom('sessions')
        .select('public_id')
        .where('csrf_token', '=', other.csrfToken)
        .executeTakeFirstOrThrow();
      return { session: mine.public_id, count: String(rows.length) };
    },
    url: (p) => `/api/me/sessions/${p.session}`,
    changes: ['sessions'],
    foreign: {
      // Another person's session, by its public id: never anyone else's to end.
      arrange: async (ctx) => {
        const other = await signInAs(ctx.world.test.app, (await makeUser(ctx.db, { role: 'viewer' })).email);
        const row = await ctx.db
          .selectFrom('sessions')
          .select('public_id')
          .where('csrf_token', '=', other.csrfToken)
          .executeTakeFirstOrThrow();
        return { session: row.public_id };
      },
      url: (p) => `/api/me/sessions/${p.session}`,
      changes: ['sessions'],
      rule: (p) => (p ? 404 : 401),
    },
  },
  'POST /api/me/totp/setup': {
    freshPerson: true,
    url: () => '/api/me/totp/setup',
    changes: ['users'],
  },
  'POST /api/me/totp/enable': {
    freshPerson: true,
    arrange: async (_ctx, client) => {
      if (!client) return { code: '000000' };
      const setup = (await client.request('POST', '/api/me/totp/setup')).json() as { secret: string };
      return { code: new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret) }).generate() };
    },
    url: () => '/api/me/totp/enable',
    body: (p) => ({ code: p.code }),
    changes: ['users', 'user_recovery_codes'],
  },
  'POST /api/me/totp/disable': {
    freshPerson: true,
    arrange: async (_ctx, client) => {
      if (client) await enableTotp(client);
      return {};
    },
    url: () => '/api/me/totp/disable',
    body: () => ({ password: testPassword }),
    changes: ['users', 'user_recovery_codes'],
  },
  'POST /api/me/totp/recovery-codes': {
    freshPerson: true,
    arrange: async (_ctx, client) => {
      if (client) await enableTotp(client);
      return {};
    },
    url: () => '/api/me/totp/recovery-codes',
    body: () => ({ password: testPassword }),
    changes: ['user_recovery_codes'],
  },
  'POST /api/session/second-factor': {
    freshPerson: true,
    // The person's account with a second factor, signing in again: the code step of that sign-in.
    arrange: async (ctx, client) => {
      if (!client) return { code: '000000' };
      const secret = await enableTotp(client);
      const email = await emailOf(ctx, client.userId);
      const pending = await ctx.world.test.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: testPassword },
      });
      // The step after the one enabling it: a code is good once.
      const code = new OTPAuth.TOTP({ secret }).generate({ timestamp: Date.now() + 30_000 });
      return { _cookie: cookieOf(pending), _csrf: pending.json().csrfToken ?? '', code };
    },
    url: () => '/api/session/second-factor',
    body: (p) => ({ code: p.code }),
    changes: ['sessions'],
    rule: signedIn,
  },
  'DELETE /api/admin/users/:id/sessions': {
    arrange: async (ctx) => {
      const user = await makeUser(ctx.db, { role: 'viewer' });
      await signInAs(ctx.world.test.app, user.email);
      return { user: user.id };
    },
    url: (p) => `/api/admin/users/${p.user}/sessions`,
    changes: ['sessions'],
    rule: adminOnly,
  },
  'DELETE /api/admin/users/:id/totp': {
    arrange: async (ctx) => {
      const user = await makeUser(ctx.db, { role: 'viewer' });
      await enableTotp(await signInAs(ctx.world.test.app, user.email));
      return { user: user.id };
    },
    url: (p) => `/api/admin/users/${p.user}/totp`,
    changes: ['users', 'user_recovery_codes'],
    rule: adminOnly,
  },
  'PATCH /api/admin/users/:id': {
    arrange: async (ctx) => ({ user: (await makeUser(ctx.db, { role: 'viewer' })).id }),
    url: (p) => `/api/admin/users/${p.user}`,
    body: () => ({ role: 'stakeholder', version: 1 }),
    changes: ['users'],
  },
  'POST /api/admin/invitations': {
    url: () => '/api/admin/invitations',
    body: () => ({
      email: `invitee.${unique()}@test.implementa.example`,
      name: 'Invitee',
      role: 'viewer',
      locale: 'en',
    }),
    changes: ['users', 'user_tokens', 'mail_outbox'],
  },
  'DELETE /api/admin/invitations/:id': {
    arrange: async (ctx) => {
      const email = `invitee.${unique()}@test.implementa.example`;
      const invitation = await ctx.as('POST', '/api/admin/invitations', {
        email,
        name: 'Invitee',
        role: 'viewer',
        locale: 'en',
      });
      return { invitation: invitation.id };
    },
    url: (p) => `/api/admin/invitations/${p.invitation}`,
    changes: ['user_tokens'],
    rule: secretariat,
  },
  'POST /api/admin/api-tokens': {
    url: () => '/api/admin/api-tokens',
    body: () => ({ name: `Matrix ${unique()}`, scope: 'read_scoped', expiresInDays: 30 }),
    changes: ['api_tokens'],
  },
  'POST /api/admin/api-tokens/:id/revoke': {
    // Only an admin makes tokens (the arranging coordinator may not).
    arrange: async (ctx) => {
      const admin = await signInNew(ctx.world.test, 'admin');
      const created = await admin.request('POST', '/api/admin/api-tokens', {
        name: `Matrix ${unique()}`,
        scope: 'read_scoped',
        expiresInDays: 30,
      });
      return { token: created.json().token.id };
    },
    url: (p) => `/api/admin/api-tokens/${p.token}/revoke`,
    changes: ['api_tokens'],
    rule: adminOnly,
  },
  'POST /api/admin/outbox/:id/retry': {
    // A mail that failed: the mail server down while it was sent.
    arrange: async (ctx) => {
      const user = await makeUser(ctx.db, { role: 'viewer' });
      await ctx.world.test.stopSmtp();
      try {
        await ctx.world.test.app.inject({
          method: 'POST',
          url: '/api/password-resets',
          payload: { email: user.email },
        });
        for (let attempt = 0; ; attempt++) {
          const mail = await ctx.db
            .selectFrom('mail_outbox')
            .select(['id', 'status'])
            .where('to_address', '=', user.email)
            .executeTakeFirst();
          if (mail?.status === 'failed') return { mail: mail.id };
          if (attempt > 300) throw new Error(`the mail did not fail: ${mail?.status}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        await ctx.world.test.restartSmtp();
      }
    },
    url: (p) => `/api/admin/outbox/${p.mail}/retry`,
    changes: ['mail_outbox'],
    rule: adminOnly,
  },
  'PUT /api/state-profile': {
    arrange: async (ctx) => {
      const profile = await ctx.as('GET', '/api/state-profile');
      return { profile: JSON.stringify(profile) };
    },
    url: () => '/api/state-profile',
    body: (p) => {
      const profile = JSON.parse(p.profile as string);
      return {
        nmirfName: { ...profile.nmirfName, en: `Interministerial Commission on Human Rights ${unique()}` },
        nmirfMandate: profile.nmirfMandate,
        systemOfGovernment: profile.systemOfGovernment,
        lrgLevelNames: profile.lrgLevelNames,
        version: profile.version,
      };
    },
    changes: ['state_profile'],
  },
  'POST /api/entities': {
    url: () => '/api/entities',
    body: () => ({ kind: 'agency', name: `Labour Inspectorate ${unique()}` }),
    changes: ['entities'],
  },
  'POST /api/entities/import/preview': {
    url: () => '/api/entities/import/preview?fileName=entities.csv',
    body: () => Buffer.from(`Name,Kind\r\nEmployment Service ${unique()},agency\r\n`),
    changes: [],
    why: 'a dry run: it shows the plan and writes nothing',
    check: async (_ctx, _p, response) => (response.body.includes('"create":1') ? undefined : 'no plan shown'),
  },
  'POST /api/entities/import/apply': {
    arrange: async () => ({ name: `Employment Service ${unique()}` }),
    url: () => '/api/entities/import/apply?fileName=entities.csv',
    body: (p) => Buffer.from(`Name,Kind\r\n${p.name},agency\r\n`),
    changes: ['entities'],
  },
  'PUT /api/entities/:id': {
    arrange: async (ctx) => ({ target: (await makeEntity(ctx.db, { kind: 'agency' })).id }),
    url: (p) => `/api/entities/${p.target}`,
    body: () => ({ kind: 'agency', name: `Renamed agency ${unique()}`, version: 1 }),
    changes: ['entities'],
  },
  'DELETE /api/entities/:id': {
    arrange: async (ctx) => ({ target: (await makeEntity(ctx.db, { kind: 'agency' })).id }),
    url: (p) => `/api/entities/${p.target}?version=1`,
    changes: ['entities'],
  },
  'POST /api/entities/:id/people': {
    arrange: async (ctx) => ({
      target: (await makeEntity(ctx.db, { kind: 'agency' })).id,
      user: (await makeUser(ctx.db, { role: 'contributor' })).id,
    }),
    url: (p) => `/api/entities/${p.target}/people`,
    body: (p) => ({ userId: p.user, seat: 'member' }),
    changes: ['entity_people'],
  },
  'POST /api/entities/:id/people/invite': {
    arrange: async (ctx) => ({ target: (await makeEntity(ctx.db, { kind: 'agency' })).id }),
    url: (p) => `/api/entities/${p.target}/people/invite`,
    body: () => ({
      email: `invitee.${unique()}@test.implementa.example`,
      name: 'Invitee',
      role: 'contributor',
      locale: 'en',
      seat: 'member',
    }),
    changes: ['users', 'entity_people', 'user_tokens'],
  },
  'PATCH /api/entities/:id/people/:userId': {
    arrange: async (ctx) => {
      const target = (await makeEntity(ctx.db, { kind: 'agency' })).id;
      const user = (await makeUser(ctx.db, { role: 'focal_point' })).id;
      await seatPerson(ctx.db, target, user, 'member');
      return { target, user };
    },
    url: (p) => `/api/entities/${p.target}/people/${p.user}`,
    body: () => ({ seat: 'alternate' }),
    changes: ['entity_people'],
  },
  'DELETE /api/entities/:id/people/:userId': {
    arrange: async (ctx) => {
      const target = (await makeEntity(ctx.db, { kind: 'agency' })).id;
      const user = (await makeUser(ctx.db, { role: 'contributor' })).id;
      await seatPerson(ctx.db, target, user, 'member');
      return { target, user };
    },
    url: (p) => `/api/entities/${p.target}/people/${p.user}`,
    changes: ['entity_people'],
  },
  'POST /api/networks/:id/members': {
    arrange: freshNetwork,
    url: (p) => `/api/networks/${p.network}/members`,
    body: (p) => ({ memberIds: [p.lrg] }),
    changes: ['network_members'],
  },
  'DELETE /api/networks/:id/members/:memberId': {
    arrange: async (ctx) => {
      const fresh = await freshNetwork(ctx);
      await ctx.as('POST', `/api/networks/${fresh.network}/members`, { memberIds: [fresh.lrg] });
      return fresh;
    },
    url: (p) => `/api/networks/${p.network}/members/${p.lrg}`,
    changes: ['network_members'],
  },
  'POST /api/networks/:id/nominations': {
    arrange: async (ctx) => {
      const fresh = await freshNetwork(ctx);
      await ctx.as('POST', `/api/networks/${fresh.network}/members`, { memberIds: [fresh.lrg] });
      return fresh;
    },
    url: (p) => `/api/networks/${p.network}/nominations`,
    body: () => ({ topic: 'housing', dueDate: inDays(14) }),
    changes: ['nomination_requests'],
  },
  'PATCH /api/nominations/:id': {
    arrange: (ctx) => freshNomination(ctx),
    url: (p) => `/api/nominations/${p.nomination}`,
    body: () => ({ topic: 'adequate housing', dueDate: inDays(21), version: 1 }),
    changes: ['nomination_requests'],
  },
  'POST /api/nominations/:id/candidates': {
    arrange: (ctx) => freshNomination(ctx),
    url: (p) => `/api/nominations/${p.nomination}/candidates`,
    body: (p) => ({ lrgId: p.lrg, reason: 'Runs a social housing programme' }),
    changes: ['nomination_candidates'],
    rule: networkFocalPoint,
  },
  'DELETE /api/nominations/:id/candidates/:lrgId': {
    arrange: (ctx) => freshNomination(ctx, true),
    url: (p) => `/api/nominations/${p.nomination}/candidates/${p.lrg}`,
    changes: ['nomination_candidates'],
    rule: networkFocalPoint,
  },
  'POST /api/nominations/:id/choose': {
    arrange: (ctx) => freshNomination(ctx, true),
    url: (p) => `/api/nominations/${p.nomination}/choose`,
    body: (p) => ({ lrgIds: [p.lrg], version: 1 }),
    changes: ['nomination_requests'],
  },
};
