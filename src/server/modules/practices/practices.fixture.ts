import type { Client, TestApp } from '../../../../tests/app';
import { signInAs } from '../../../../tests/app';
import { actForHubMember, makeHubMember, makeUser } from '../../../../tests/factories';
import type { PracticeDetail } from '../../../shared/schemas/hub-practices';
import type { Role } from '../../../shared/schemas/identity';

/** A member mechanism and a signed-in account acting for it. */
export async function memberAuthor(
  test: TestApp,
  member: { country_code?: string; system_of_government?: 'unitary' | 'federal' | 'devolved' } = {},
  role: Role = 'member',
) {
  const row = await makeHubMember(test.handle.db, member);
  const user = await makeUser(test.handle.db, { role });
  await actForHubMember(test.handle.db, row.id, user.id);
  const client = await signInAs(test.app, user.email);
  return { member: row, user, client };
}

export const practiceBody = (title: string, extra: Partial<Record<string, unknown>> = {}) => ({
  level: 'national',
  themes: ['coordination', 'information'],
  originalLocale: 'en',
  texts: {
    en: {
      title,
      summary: `${title}: a standing inter-ministerial mechanism tracks recommendations.`,
      body: `<h2>What</h2><p>${title} keeps every recommendation in one database shared by ministries.</p>`,
    },
  },
  contact: 'secretariat@nmrf.example',
  links: [{ url: 'https://www.ohchr.org/en/publications', label: 'OHCHR publications' }],
  source: 'OHCHR, National Mechanisms for Reporting and Follow-up: A Practical Guide (HR/PUB/16/1), 2016',
  ...extra,
});

export async function create(client: Client, title: string, extra: Partial<Record<string, unknown>> = {}) {
  const response = await client.request('POST', '/api/hub/practices', practiceBody(title, extra));
  if (response.statusCode !== 201) throw new Error(`create: ${response.statusCode} ${response.body}`);
  return response.json() as PracticeDetail;
}

export async function step(client: Client, id: string, action: string, version: number, extra: object = {}) {
  const response = await client.request('POST', `/api/hub/practices/${id}/${action}`, { version, ...extra });
  if (response.statusCode !== 200) throw new Error(`${action}: ${response.statusCode} ${response.body}`);
  return response.json() as PracticeDetail;
}

/** Drafted, submitted and published: the practice as it stands after. */
export async function published(
  author: Client,
  moderator: Client,
  title: string,
  extra: Partial<Record<string, unknown>> = {},
) {
  const draft = await create(author, title, extra);
  const submitted = await step(author, draft.id, 'submit', draft.version);
  return step(moderator, draft.id, 'publish', submitted.version);
}
