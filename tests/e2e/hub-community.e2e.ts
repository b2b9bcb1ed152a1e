import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHubCommunity } from '../../src/server/seed/hub/community';
import { createTestApp, signInAs, type TestApp } from '../app';
import { launchChromium } from '../chromium';
import { makeHubMember, makeUser, testPassword } from '../factories';

// The hub's community in Chromium (decision 037): a hub of its own (this file starts it, with the
// built web client), a post full of script written through the API, then read on the public page
// and in the signed-in app; nothing it carries may run. Screenshots of a thread and of the events
// page at 1366 and 390 px, in English and Arabic, go to SCREENSHOT_DIR when it is set.

const shots = process.env.SCREENSHOT_DIR;
const webDir = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const payload = [
  'A question with <script>window.__xss = (window.__xss || 0) + 1; alert("script")</script> in it.',
  '',
  '<img src=x onerror="window.__xss = (window.__xss || 0) + 1; alert(\'img\')">',
  '',
  '[a javascript link](javascript:window.__xss=(window.__xss||0)+1;alert(1)) and <a href="javascript:alert(2)">raw</a>',
  '',
  '<svg onload=alert(3)></svg> <iframe src="javascript:alert(4)"></iframe> [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)',
  '',
  '**Bold** stays, and so does [the guide](https://www.ohchr.org/en/publications).',
].join('\n');

let hub: TestApp;
let base: string;
let browser: Browser;
let threadId: string;
let memberEmail: string;

beforeAll(async () => {
  hub = await createTestApp({ INSTANCE_MODE: 'hub' }, { webDir });
  base = await hub.app.listen({ host: '127.0.0.1', port: 0 });
  const db = hub.handle.db;
  const paraguay = await makeHubMember(db, { country_code: 'PY' });
  const accountIdByRole = new Map<string, string>();
  for (const role of ['moderator', 'member', 'reader'] as const)
    accountIdByRole.set(
      role,
      (await makeUser(db, { role, name: role === 'member' ? 'Amina Diallo' : `Demo ${role}` })).id,
    );
  await seedHubCommunity(db, {
    memberIdByCountry: new Map([['PY', paraguay.id]]),
    networkIdByName: new Map(),
    accountIdByRole,
  });
  const member = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', accountIdByRole.get('member') ?? '')
    .executeTakeFirstOrThrow();
  memberEmail = member.email;
  const client = await signInAs(hub.app, memberEmail);
  const spaces = (await client.request('GET', '/api/hub/community/spaces')).json() as {
    id: string;
    theme: string | null;
  }[];
  const created = await client.request(
    'POST',
    `/api/hub/community/spaces/${spaces.find((s) => s.theme === 'information')?.id}/threads`,
    {
      kind: 'question',
      title: 'Is <b>this</b> safe? <script>alert("title")</script>',
      body: payload,
      locale: 'en',
    },
  );
  expect(created.statusCode, created.body).toBe(201);
  threadId = (created.json() as { id: string }).id;
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** A page that records every dialog and every call of the hooks an injected script would make. */
async function watched(options: {
  locale: string;
  width: number;
  script: boolean;
}): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({
    baseURL: base,
    locale: options.locale,
    javaScriptEnabled: options.script,
    viewport: { width: options.width, height: options.width > 500 ? 900 : 844 },
  });
  await context.addInitScript(() => {
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const)
      (window as unknown as Record<string, unknown>)[name] = () => {
        (window as unknown as { __xss: number }).__xss = ((window as unknown as { __xss?: number }).__xss ?? 0) + 1;
      };
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

async function clickEveryLink(page: Page, within: string): Promise<void> {
  for (const link of await page.locator(`${within} a`).all()) {
    const href = (await link.getAttribute('href')) ?? '';
    expect(href, 'only http(s) and mailto links in posts').toMatch(/^(https?:|mailto:)/);
  }
}

describe('malicious HTML in a post runs nothing', () => {
  it('on the public thread page (no script on the page at all)', async () => {
    const { page, dialogs } = await watched({ locale: 'en-GB', width: 1366, script: true });
    const response = await page.goto(`/hub/en/community/threads/${threadId}`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await page.locator('main script, main img, main svg, main iframe').count()).toBe(0);
    await expect(page.locator('article.post').first().innerText()).resolves.toContain('<script>');
    expect(await page.locator('article.post strong').first().innerText()).toBe('Bold');
    await clickEveryLink(page, 'article.post');
  });

  it('in the signed-in app, where React inserts the post’s HTML', async () => {
    const { page, dialogs } = await watched({ locale: 'en-GB', width: 1366, script: true });
    await page.goto('/sign-in');
    await page.locator('input[type=email]').fill(memberEmail);
    await page.locator('input[type=password]').fill(testPassword);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`/community/threads/${threadId}`);
    await page.locator('.community-post .post-body').first().waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await page.locator('.post-body script, .post-body img, .post-body svg, .post-body iframe').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toContain('<script>');
    await clickEveryLink(page, '.post-body');
  });
});

describe('screenshots', () => {
  it.runIf(Boolean(shots))('of a thread and the events page at 1366 and 390 px in English and Arabic', async () => {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    const seeded = await hub.handle.db
      .selectFrom('hub_threads')
      .select('id')
      .where('accepted_post_id', 'is not', null)
      .executeTakeFirstOrThrow();
    for (const locale of ['en', 'ar'] as const)
      for (const width of [1366, 390]) {
        const { page } = await watched({ locale, width, script: false });
        await page.goto(`/hub/${locale}/community/threads/${seeded.id}`);
        await page.screenshot({ path: `${shots}/thread-${locale}-${width}.png`, fullPage: true });
        await page.goto(`/hub/${locale}/events`);
        await page.screenshot({ path: `${shots}/events-${locale}-${width}.png`, fullPage: true });
        await page.context().close();
      }
    // The signed-in app's thread page, with its reply box, in English and Arabic.
    for (const [locale, width] of [
      ['en', 1366],
      ['ar', 390],
    ] as const) {
      await hub.handle.db.updateTable('users').set({ locale }).where('email', '=', memberEmail).execute();
      const { page } = await watched({ locale, width, script: true });
      await page.goto('/sign-in');
      await page.locator('input[type=email]').fill(memberEmail);
      await page.locator('input[type=password]').fill(testPassword);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      await page.goto(`/community/threads/${seeded.id}`);
      await page.locator('.community-post').first().waitFor();
      await page.screenshot({ path: `${shots}/app-thread-${locale}-${width}.png`, fullPage: true });
      await page.context().close();
    }
  });
});
