import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHubPractices } from '../../src/server/seed/hub/practices';
import { type Client, createTestApp, signInNew, type TestApp } from '../app';
import { makeHubMember, makeUser } from '../factories';
import { axeViolations, launchBrowser } from './browser';

// The practices library of a knowledge hub (decision 036) in Chromium: a hub of its own (this file
// starts one in process, beside the suite's national server), the demo's real practices, and a
// practice whose every text field carries script payloads. Proves nothing of them runs, on the
// public page (no script at all) and in the signed-in app (which renders the stored body), and
// takes the screenshots of the list and of a practice in English and Arabic.

const shots = process.env.SCREENSHOT_DIR ?? '/work/helper-notes/shots/19-practices';
const webDir = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const payloads = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"><circle r="1"/></svg>',
  '<iframe srcdoc="<script>parent.__xss = \'iframe\'</script>"></iframe>',
  '<a href="javascript:window.__xss = \'link\'">a javascript link</a>',
  '<a href="JaVaScRiPt&#58;window.__xss = \'encoded\'">an encoded link</a>',
  '<details open ontoggle="window.__xss = \'details\'"><summary>s</summary></details>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = \'math\'">',
  '<p onmouseover="window.__xss = \'hover\'">hover me</p>',
  '"><script>alert(1)</script>',
];
const hostile = payloads.join('\n');

let test: TestApp;
let browser: Browser;
let base: string;
let author: Client;
let moderator: Client;
let xssId: string;
let moroccoId: string;

async function publish(client: Client, body: object) {
  const created = await client.request('POST', '/api/hub/practices', body);
  if (created.statusCode !== 201) throw new Error(created.body);
  const draft = created.json() as { id: string; version: number };
  const sent = (
    await client.request('POST', `/api/hub/practices/${draft.id}/submit`, { version: draft.version })
  ).json();
  return { id: draft.id, version: (sent as { version: number }).version };
}

beforeAll(async () => {
  test = await createTestApp({ INSTANCE_MODE: 'hub' }, { webDir });
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const address = test.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const db = test.handle.db;
  const members = new Map<string, string>();
  for (const [country, name] of [
    ['PY', 'Sistema de Monitoreo de Recomendaciones (SIMORE Plus)'],
    ['PT', 'Comissão Nacional para os Direitos Humanos'],
    ['MA', 'Délégation interministérielle aux droits de l’homme'],
    ['WS', 'National Mechanism for Implementation, Reporting and Follow-up of Samoa'],
    ['MU', 'National Mechanism for Reporting and Follow-up of Mauritius'],
    ['EC', 'SIDERECHOS'],
  ] as const)
    members.set(country, (await makeHubMember(db, { country_code: country, name })).id);
  const seeder = await makeUser(db, { role: 'member' });
  await seedHubPractices(db, members, seeder.id);
  const morocco = await db
    .selectFrom('hub_practices')
    .select('id')
    .where('member_id', '=', members.get('MA') as string)
    .executeTakeFirstOrThrow();
  moroccoId = morocco.id;

  // A member of Slovenia writes a practice with a payload in every field it has.
  const slovenia = await makeHubMember(db, { country_code: 'SI', name: 'Slovenian inter-ministerial commission' });
  author = await signInNew(test, 'member');
  await db.insertInto('hub_member_people').values({ member_id: slovenia.id, user_id: author.userId }).execute();
  moderator = await signInNew(test, 'moderator');
  const practice = await publish(author, {
    originalLocale: 'en',
    level: 'local',
    themes: ['coordination'],
    texts: {
      en: { title: `XSS probe ${payloads[9]}`, summary: `Summary ${payloads[1]}`, body: `<p>Body</p>${hostile}` },
    },
    contact: payloads[0],
    links: [{ url: 'https://example.org/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E', label: payloads[2] as string }],
    source: payloads[3],
  });
  xssId = practice.id;
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await test?.close();
});

/** A page in which every way a script could show itself is counted. */
async function guarded(options: { cookie?: string; width?: number; locale?: string; script?: boolean } = {}) {
  const context = await browser.newContext({
    baseURL: base,
    locale: options.locale ?? 'en-GB',
    javaScriptEnabled: options.script ?? true,
    viewport: { width: options.width ?? 1366, height: (options.width ?? 1366) > 500 ? 900 : 844 },
  });
  if (options.cookie) {
    const [name, value] = options.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
  }
  await context.addInitScript(() => {
    const record = (kind: string) => () => {
      (window as unknown as { __xss?: string }).__xss = kind;
    };
    window.alert = record('alert');
    window.confirm = record('confirm') as unknown as typeof window.confirm;
    window.prompt = record('prompt') as unknown as typeof window.prompt;
    window.print = record('print');
  });
  const page = await context.newPage();
  const fired: string[] = [];
  page.on('dialog', (dialog) => {
    fired.push(`dialog:${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/xss/i.test(message.text())) fired.push(`console:${message.text()}`);
  });
  return { page, fired };
}

async function sideEffects(page: Page) {
  return page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null);
}

describe('malicious HTML in a stored practice runs nothing', () => {
  it('on the public page, with its links clicked and hovered', async () => {
    await moderator.request('POST', `/api/hub/practices/${xssId}/publish`, {
      version: ((await moderator.request('GET', `/api/hub/practices/${xssId}`)).json() as { version: number }).version,
    });
    const { page, fired } = await guarded();
    const response = await page.goto(`/hub/en/practices/${xssId}`);
    expect(response?.status()).toBe(200);
    const dangerous = await page.evaluate(
      () =>
        document.querySelectorAll(
          'script, iframe, svg, math, img, [onerror], [onload], [onmouseover], [ontoggle], a[href^="javascript" i]',
        ).length,
    );
    expect(dangerous).toBe(0);
    for (const link of await page.locator('.practice-body a').all())
      await link.click({ timeout: 2_000 }).catch(() => undefined);
    await page.goto(`/hub/en/practices/${xssId}`);
    await page.locator('.practice-body p').first().hover();
    expect(await sideEffects(page)).toBeNull();
    expect(fired).toEqual([]);
    // The title and the summary are text, shown as typed.
    expect(await page.locator('h1').textContent()).toContain('"><script>alert(1)</script>');
    // Listed too, escaped, in the search and the facets.
    await page.goto('/hub/en/practices?q=probe');
    expect(await page.locator('.cards > li').count()).toBe(1);
    expect(await sideEffects(page)).toBeNull();
    expect(fired).toEqual([]);
  });

  it('in the signed-in app: the moderator’s reading view and the author’s editor', async () => {
    // A new version waits with the payloads: the moderator reads it (the stored body rendered as HTML).
    const current = (await author.request('GET', `/api/hub/practices/${xssId}`)).json() as { version: number };
    const edited = await author.request('PUT', `/api/hub/practices/${xssId}/texts/en`, {
      title: 'XSS probe, second version',
      summary: 'Summary',
      body: `<p>Second</p>${hostile}`,
      version: current.version,
    });
    const draft = edited.json() as { version: number };
    // The author's editor loads the stored body into a contenteditable.
    const editing = await guarded({ cookie: author.cookie });
    await editing.page.goto(`/hub-practices/${xssId}`);
    await editing.page.getByText('Save the draft').waitFor({ timeout: 30_000 });
    await editing.page.locator('[contenteditable="true"]').first().hover();
    expect(await sideEffects(editing.page)).toBeNull();
    expect(editing.fired).toEqual([]);
    await author.request('POST', `/api/hub/practices/${xssId}/submit`, { version: draft.version });
    const reading = await guarded({ cookie: moderator.cookie });
    await reading.page.goto(`/hub-practices/${xssId}`);
    await reading.page.getByText('Publish this version').waitFor({ timeout: 30_000 });
    const dangerous = await reading.page.evaluate(
      () =>
        document.querySelectorAll(
          'main iframe, main svg, main img, main [onerror], main [onload], main [onmouseover], main a[href^="javascript" i]',
        ).length,
    );
    expect(dangerous).toBe(0);
    for (const link of await reading.page.locator('article a').all())
      await link.click({ timeout: 2_000 }).catch(() => undefined);
    expect(await sideEffects(reading.page)).toBeNull();
    expect(reading.fired).toEqual([]);
  });
});

describe('the public pages, signed out, without script', () => {
  it('list and practice at 1366 and 390 px, in English and Arabic, with no axe violations', async () => {
    mkdirSync(shots, { recursive: true });
    // The probe goes: the list shows the demo's six real practices.
    const probe = (await moderator.request('GET', `/api/hub/practices/${xssId}`)).json() as { version: number };
    expect(
      (await moderator.request('POST', `/api/hub/practices/${xssId}/withdraw`, { version: probe.version })).statusCode,
    ).toBe(200);
    for (const width of [1366, 390]) {
      const english = await guarded({ width, script: false });
      await english.page.goto('/hub/en/practices');
      expect(await english.page.locator('.cards > li').count()).toBe(6);
      await english.page.screenshot({ path: `${shots}/practices-en-${width}.png`, fullPage: true });
      const arabic = await guarded({ width, script: false, locale: 'ar' });
      await arabic.page.goto(`/hub/ar/practices/${moroccoId}`);
      expect(await arabic.page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await arabic.page.locator('article').getAttribute('lang')).toBe('ar');
      await arabic.page.screenshot({ path: `${shots}/practice-ar-${width}.png`, fullPage: true });
      const samoa = await guarded({ width, script: false, locale: 'ar' });
      await samoa.page.goto('/hub/ar/practices?country=WS');
      await samoa.page.locator('.cards a').first().click();
      expect(await samoa.page.locator('.shown').count()).toBe(1);
      await samoa.page.screenshot({ path: `${shots}/practice-ar-shown-in-${width}.png`, fullPage: true });
    }
    const checked = await guarded({ script: true });
    for (const path of [
      '/hub/en/practices',
      `/hub/ar/practices/${moroccoId}`,
      '/hub/fr/practices?theme=coordination',
    ]) {
      await checked.page.goto(path);
      expect(await axeViolations(checked.page), path).toEqual([]);
    }
  });
});
