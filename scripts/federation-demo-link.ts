// Links the demo national instance to the demo hub in one step (decision 038), over their HTTP
// APIs only, as their admins would in the browser: the national admin makes the key pair, the hub
// admin registers its public key for the member of the same country and issues a token, the
// national admin enters the hub's address and the token; then the NMIRF profile (prefilled from
// the State profile) and the statistics are shared. Both must be running:
//   npm start            (the demo State, http://127.0.0.1:3000)
//   npm run start:hub    (the demo hub, http://127.0.0.1:3001)
//   npx tsx scripts/federation-demo-link.ts [--national URL] [--hub URL]
// Demo accounts are read from each instance's sign-in page data (demo mode lists them).
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    national: { type: 'string', default: process.env.NATIONAL_URL ?? 'http://127.0.0.1:3000' },
    hub: { type: 'string', default: process.env.HUB_URL ?? 'http://127.0.0.1:3001' },
  },
});
const nationalUrl = values.national.replace(/\/+$/, '');
const hubUrl = values.hub.replace(/\/+$/, '');

interface Session {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

async function signIn(base: string, role: string): Promise<Session> {
  const anonymous = (await (await fetch(`${base}/api/session`)).json()) as {
    demoAccounts: { email: string; password: string; role: string }[];
  };
  const account = anonymous.demoAccounts.find((item) => item.role === role);
  if (!account) throw new Error(`${base} lists no demo account with the role ${role} (is it running in demo mode?)`);
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok)
    throw new Error(`sign-in as ${account.email} at ${base}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const answer = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await answer.text();
      if (!answer.ok) throw new Error(`${method} ${base}${path}: ${answer.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

type Link = { state: string; version: number; publicJwk: unknown; hubUrl: string | null };

const national = await signIn(nationalUrl, 'admin');
const hub = await signIn(hubUrl, 'hub_admin');

let { link } = await national.call<{ link: Link | null }>('GET', '/api/federation/link');
if (link?.state === 'linked') {
  console.log(`Already linked to ${link.hubUrl}.`);
  process.exit(0);
}
if (!link) link = await national.call<Link>('POST', '/api/federation/link/key');
const state = await national.call<{ countryIso2: string; nmirfName: Record<string, string> }>(
  'GET',
  '/api/state-profile',
);
const members = await hub.call<{ id: string; name: string; countryCode: string }[]>(
  'GET',
  `/api/hub/federation-links/members?q=${encodeURIComponent(state.countryIso2)}`,
);
const member = members.find((item) => item.countryCode === state.countryIso2.toUpperCase());
if (!member) throw new Error(`the hub has no member for ${state.countryIso2}: add it on the hub first`);
const created = await hub.call<{ token: string; link: { id: string } }>('POST', '/api/hub/federation-links', {
  memberId: member.id,
  instanceName: `Implementa — ${state.nmirfName.en ?? state.countryIso2}`.slice(0, 200),
  publicJwk: link.publicJwk,
});
link = await national.call<Link>('PUT', '/api/federation/link', {
  hubUrl,
  token: created.token,
  version: link.version,
});
const profile = await national.call<{ share: { version: number } | null; profile: unknown }>(
  'GET',
  '/api/federation/profile',
);
await national.call('PUT', '/api/federation/profile', {
  profile: profile.profile,
  shared: true,
  version: profile.share?.version ?? null,
});
const statistics = await national.call<{ items: { version: number }[] }>(
  'GET',
  '/api/federation/shares?kind=statistics',
);
await national.call('PUT', '/api/federation/statistics', {
  shared: true,
  version: statistics.items[0]?.version ?? null,
});
console.log(`Linked ${nationalUrl} to ${hubUrl} for ${member.name} (${member.countryCode}).`);
console.log(`The profile and statistics are on their way: ${hubUrl}/hub/en/members/${member.id}/statistics`);
