import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import type { PracticeDetail } from '../../../shared/schemas/hub-practices';
import { create, memberAuthor, published, step } from './practices.fixture';

let test: TestApp;
let moderator: Client;
beforeAll(async () => {
  test = await createTestApp({ INSTANCE_MODE: 'hub' });
  moderator = await signInNew(test, 'moderator');
});
afterAll(() => test.close());

const documents = (id: string) =>
  test.handle.db
    .selectFrom('hub_documents')
    .select(['locale', 'title', 'visibility', 'country_code', 'level', 'themes'])
    .where('kind', '=', 'practice')
    .where('ref_id', '=', id)
    .orderBy('locale')
    .execute();
const page = (path: string) => test.app.inject({ method: 'GET', url: path });

describe('moderation workflow', () => {
  it('drafts, submits, is returned with a mailed note, resubmits and is published', async () => {
    const { client: author, user, member } = await memberAuthor(test, { country_code: 'PT' });
    const draft = await create(author, 'National Human Rights Committee');
    expect(draft).toMatchObject({ status: 'draft', memberId: member.id, countryCode: 'PT', publishedVersion: null });
    expect(draft.can).toEqual({ edit: true, submit: true, moderate: false, withdraw: true });

    const submitted = await step(author, draft.id, 'submit', draft.version);
    expect(submitted.status).toBe('submitted');
    expect(submitted.history).toMatchObject([{ version: 1, outcome: 'pending' }]);
    // Under moderation: the author cannot change it, nor publish it.
    const edit = await author.request('PUT', `/api/hub/practices/${draft.id}/texts/en`, {
      title: 'x',
      summary: 'y',
      body: '<p>z</p>',
      version: submitted.version,
    });
    expect(edit.statusCode).toBe(409);
    expect(
      (await author.request('POST', `/api/hub/practices/${draft.id}/publish`, { version: submitted.version }))
        .statusCode,
    ).toBe(403);

    const queue = await moderator.request('GET', '/api/hub/practices/queue');
    expect(queue.json().items.map((row: { id: string }) => row.id)).toContain(draft.id);

    const returned = await step(moderator, draft.id, 'return', submitted.version, { note: 'Please name the decree.' });
    expect(returned).toMatchObject({ status: 'returned', returnNote: 'Please name the decree.' });
    expect(returned.history[0]).toMatchObject({ outcome: 'returned', note: 'Please name the decree.' });
    const mail = await test.waitForMail(user.email);
    expect(mail.subject).toContain('National Human Rights Committee');
    expect(mail.text).toContain('Please name the decree.');
    expect(await documents(draft.id)).toEqual([]);

    const again = await step(author, draft.id, 'submit', returned.version);
    const live = await step(moderator, draft.id, 'publish', again.version);
    expect(live).toMatchObject({ status: 'published', publishedVersion: 2 });
    expect(live.history.map((row) => [row.version, row.outcome])).toEqual([
      [2, 'published'],
      [1, 'returned'],
    ]);
    expect(await documents(draft.id)).toMatchObject([
      { locale: 'en', title: 'National Human Rights Committee', visibility: 'public', country_code: 'PT' },
    ]);
    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('record_type', '=', 'hub_practice')
      .where('record_id', '=', draft.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => (row.after as { status?: string }).status ?? row.action)).toEqual([
      'create',
      'submitted',
      'returned',
      'submitted',
      'published',
    ]);
  });

  it('keeps a published practice public in its last published version while a new one waits', async () => {
    const { client: author } = await memberAuthor(test, { country_code: 'PY' });
    const v1 = await published(author, moderator, 'SIMORE recommendations monitoring system');
    const edited = await author.request('PUT', `/api/hub/practices/${v1.id}/texts/en`, {
      title: 'SIMORE Plus',
      summary: 'Recommendations linked to the SDGs.',
      body: '<p>Now with the SDGs.</p>',
      version: v1.version,
    });
    expect(edited.statusCode).toBe(200);
    const draft = edited.json() as PracticeDetail;
    expect(draft).toMatchObject({ status: 'draft', publishedVersion: 1 });
    expect((await page(`/hub/en/practices/${v1.id}`)).body).toContain('SIMORE recommendations monitoring system');

    const waiting = await step(author, v1.id, 'submit', draft.version);
    expect((await page(`/hub/en/practices/${v1.id}`)).body).not.toContain('SIMORE Plus');
    // Returned: the old version stays public and in the search.
    const back = await step(moderator, v1.id, 'return', waiting.version, { note: 'Add the SDG targets.' });
    expect(back.publishedVersion).toBe(1);
    expect((await documents(v1.id))[0]?.title).toBe('SIMORE recommendations monitoring system');
    expect((await page(`/hub/en/practices/${v1.id}`)).statusCode).toBe(200);

    const resent = await step(author, v1.id, 'submit', back.version);
    const v3 = await step(moderator, v1.id, 'publish', resent.version);
    expect(v3.publishedVersion).toBe(3);
    expect(v3.history.map((row) => [row.version, row.outcome])).toEqual([
      [3, 'published'],
      [2, 'returned'],
      [1, 'superseded'],
    ]);
    expect((await page(`/hub/en/practices/${v1.id}`)).body).toContain('SIMORE Plus');
    expect((await documents(v1.id))[0]?.title).toBe('SIMORE Plus');
  });

  it('shows the history to the authors and the moderators only', async () => {
    const { client: author } = await memberAuthor(test);
    const practice = await published(author, moderator, 'History check');
    const other = (await memberAuthor(test)).client;
    const reader = await signInNew(test, 'reader');
    expect((await author.request('GET', `/api/hub/practices/${practice.id}`)).statusCode).toBe(200);
    expect((await moderator.request('GET', `/api/hub/practices/${practice.id}`)).statusCode).toBe(200);
    expect((await other.request('GET', `/api/hub/practices/${practice.id}`)).statusCode).toBe(404);
    expect((await reader.request('GET', `/api/hub/practices/${practice.id}`)).statusCode).toBe(404);
    expect((await reader.request('POST', '/api/hub/practices', {})).statusCode).toBe(400);
    expect(
      (await other.request('POST', `/api/hub/practices/${practice.id}/withdraw`, { version: practice.version }))
        .statusCode,
    ).toBe(404);
    const mine = await other.request('GET', '/api/hub/practices/mine');
    expect(mine.json().items).toEqual([]);
  });

  it('refuses a stale version', async () => {
    const { client: author } = await memberAuthor(test);
    const draft = await create(author, 'Stale');
    const response = await author.request('POST', `/api/hub/practices/${draft.id}/submit`, {
      version: draft.version + 1,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('STALE_VERSION');
  });

  it('withdraws: out of the public pages and the search at once', async () => {
    const { client: author } = await memberAuthor(test);
    const practice = await published(author, moderator, 'Withdrawn practice');
    expect(await documents(practice.id)).toHaveLength(1);
    const gone = await step(author, practice.id, 'withdraw', practice.version);
    expect(gone).toMatchObject({ status: 'withdrawn', publishedVersion: null });
    expect(gone.history[0]?.outcome).toBe('withdrawn');
    expect(await documents(practice.id)).toEqual([]);
    expect((await page(`/hub/en/practices/${practice.id}`)).statusCode).toBe(404);
  });
});

describe('six languages', () => {
  it('adds a translation, shows the reader their language or the original with a mark', async () => {
    const { client: author } = await memberAuthor(test, { country_code: 'MA' });
    const draft = await create(author, 'Interministerial Delegation for Human Rights', { originalLocale: 'en' });
    const translated = await author.request('PUT', `/api/hub/practices/${draft.id}/texts/fr`, {
      title: 'Délégation interministérielle aux droits de l’homme',
      summary: 'Un organe permanent rattaché au chef du gouvernement.',
      body: '<p>La délégation coordonne les rapports.</p>',
      version: draft.version,
    });
    expect(translated.statusCode).toBe(200);
    const withFrench = translated.json() as PracticeDetail;
    expect(Object.keys(withFrench.texts).sort()).toEqual(['en', 'fr']);
    expect(withFrench.originalLocale).toBe('en');
    const submitted = await step(author, draft.id, 'submit', withFrench.version);
    await step(moderator, draft.id, 'publish', submitted.version);
    expect((await documents(draft.id)).map((row) => row.locale)).toEqual(['en', 'fr']);

    const french = await page(`/hub/fr/practices/${draft.id}`);
    expect(french.body).toContain('Délégation interministérielle aux droits de l’homme');
    expect(french.body).not.toContain('class="shown"');
    const arabic = await page(`/hub/ar/practices/${draft.id}`);
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain('dir="rtl"');
    expect(arabic.body).toContain('<article lang="en" dir="ltr">');
    expect(arabic.body).toMatch(/class="shown"[^>]*>معروضة باللغة/);
    expect(arabic.body).toContain('Interministerial Delegation for Human Rights');
  });

  it('refuses a practice without a text in its original language', async () => {
    const { client: author } = await memberAuthor(test);
    const response = await author.request('POST', '/api/hub/practices', {
      ...(await import('./practices.fixture')).practiceBody('No French'),
      originalLocale: 'fr',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0]).toMatchObject({
      path: 'texts.fr',
      message: 'hubPractices.issues.originalMissing',
    });
  });
});

describe('what is not published answers 404 like a missing id', () => {
  it('draft, submitted, returned, withdrawn, unknown and malformed ids get the same page', async () => {
    const { client: author } = await memberAuthor(test);
    const draft = await create(author, 'Hidden draft');
    const submittedOne = await create(author, 'Hidden submitted');
    await step(author, submittedOne.id, 'submit', submittedOne.version);
    const returnedOne = await create(author, 'Hidden returned');
    const sent = await step(author, returnedOne.id, 'submit', returnedOne.version);
    await step(moderator, returnedOne.id, 'return', sent.version, { note: 'No.' });
    const withdrawn = await published(author, moderator, 'Hidden withdrawn');
    await step(author, withdrawn.id, 'withdraw', withdrawn.version);
    const ids = [draft.id, submittedOne.id, returnedOne.id, withdrawn.id, crypto.randomUUID(), 'not-an-id'];
    const answers = await Promise.all(ids.map((id) => page(`/hub/en/practices/${id}`)));
    const normalised = answers.map((answer, index) => answer.body.replaceAll(ids[index] as string, 'ID'));
    for (const answer of answers) expect(answer.statusCode).toBe(404);
    expect(new Set(normalised).size).toBe(1);
    expect(normalised[0]).not.toContain('Hidden');
  });
});

describe('malicious HTML', () => {
  it('stores and shows only the sanitised body', async () => {
    const { client: author } = await memberAuthor(test);
    const body =
      '<p>Safe</p><script>window.pwned=1</script><img src=x onerror="window.pwned=2">' +
      '<a href="javascript:window.pwned=3">bad link</a><a href="https://ok.example">good</a>';
    const draft = await create(author, 'XSS attempt', {
      texts: { en: { title: '<script>alert(1)</script>Title', summary: '<b onmouseover=x>S</b>', body } },
    });
    expect(draft.texts.en?.body).toBe(
      '<p>Safe</p><a>bad link</a><a href="https://ok.example" rel="noopener noreferrer">good</a>',
    );
    const submitted = await step(author, draft.id, 'submit', draft.version);
    await step(moderator, draft.id, 'publish', submitted.version);
    const html = (await page(`/hub/en/practices/${draft.id}`)).body;
    // Title and summary are plain text, shown escaped; the body keeps no element with code.
    expect(html).not.toMatch(/<script|<[^>]*\son\w+=|javascript:/i);
    expect(html).toContain('&lt;b onmouseover=x&gt;S&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;Title');
  });
});
