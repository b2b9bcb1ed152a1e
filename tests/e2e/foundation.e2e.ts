import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../src/shared/schemas/identity';
import { apiCall, axeViolations, baseUrl, launchBrowser, newPage, receivedMails, signIn } from './browser';

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../src/shared/i18n/messages/${locale}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;

let browser: Browser;
let accounts: DemoAccount[];
const account = (role: string) => {
  const found = accounts.find((a) => a.role === role);
  if (!found) throw new Error(role);
  return found;
};

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = (await (await fetch(`${baseUrl()}/api/session`)).json()).demoAccounts;
});
afterAll(() => browser?.close());

/** Sets a person's saved language through the API, as the picker does. */
async function setLanguage(page: Page, locale: string) {
  const session = await apiCall<{ user: { version: number } }>(page, 'GET', '/api/session');
  await apiCall(page, 'PATCH', '/api/me', { locale, version: session.user.version });
}

describe('the foundation in Chromium', () => {
  it('shows the demo accounts and signs in as each of the seven roles', async () => {
    // One account per role, and a second focal point: a municipality's, beside a ministry's.
    expect([...new Set(accounts.map((a) => a.role))].sort()).toEqual([
      'admin',
      'contributor',
      'coordinator',
      'focal_point',
      'stakeholder',
      'validator',
      'viewer',
    ]);
    expect(accounts.filter((a) => a.role === 'focal_point')).toHaveLength(2);
    for (const demo of accounts) {
      const page = await newPage(browser);
      await signIn(page, demo.email, demo.password);
      await expect.poll(() => page.locator('main').innerText()).toContain(demo.name.split(' ')[0]);
      const navText = await page.locator('nav').first().innerText();
      if (demo.role === 'admin') expect(navText).toContain('Audit');
      else expect(navText).not.toContain('Audit');
      await page.context().close();
    }
  });

  it('switches to Arabic: the page is right to left, and the choice is remembered', async () => {
    const page = await newPage(browser);
    const stakeholder = account('stakeholder');
    await signIn(page, stakeholder.email, stakeholder.password);
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('nav').first().innerText()).toContain(catalogue('ar')['nav.home']);
    await setLanguage(page, 'en');
    await page.context().close();
  });

  it('a denied action shows the translated error', async () => {
    const page = await newPage(browser);
    const viewer = account('viewer');
    await signIn(page, viewer.email, viewer.password);
    await setLanguage(page, 'fr');
    await page.goto('/admin/audit');
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain(catalogue('fr')['errors.FORBIDDEN']);
    await setLanguage(page, 'en');
    await page.context().close();
  });

  it('an admin invites a person by e-mail; the link received over SMTP creates the account', async () => {
    const page = await newPage(browser);
    const admin = account('admin');
    await signIn(page, admin.email, admin.password);
    await page.goto('/admin/invitations');
    const email = `new.officer.${Date.now()}@municipality.example`;
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Full name').fill('Novi Uradnik');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await expect.poll(() => receivedMails().some((mail) => mail.to.includes(email)), { timeout: 10_000 }).toBe(true);
    const mail = receivedMails().find((m) => m.to.includes(email));
    const link = /http\S+accept-invitation\?token=[\w-]+/.exec(mail?.text ?? '')?.[0];
    expect(link).toBeDefined();
    const invitee = await newPage(browser);
    await invitee.goto(link as string);
    // The link is checked first: the form knows whose account it creates.
    await expect.poll(() => invitee.getByLabel('Full name').inputValue()).toBe('Novi Uradnik');
    expect(await invitee.locator('main').innerText()).toContain(email);
    await invitee.getByLabel('New password', { exact: true }).fill('a long enough passphrase');
    await invitee.getByLabel('Confirm the new password').fill('a long enough passphrase');
    await invitee.getByRole('button', { name: 'Create my account' }).click();
    await invitee.waitForURL((url) => !url.pathname.startsWith('/accept-invitation'));
    await expect.poll(() => invitee.locator('main').innerText()).toContain('Novi');
    await page.context().close();
    await invitee.context().close();
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  for (const locale of ['en', 'ar']) {
    it(`has no violations on sign-in, home and admin pages in ${locale}`, async () => {
      const page = await newPage(browser, locale === 'ar' ? 'ar' : 'en-GB');
      await page.goto('/sign-in');
      if (locale === 'ar') {
        await page.locator('.language-picker select').selectOption('ar');
        await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
      }
      await page.locator('input[type=email]').waitFor();
      expect(await axeViolations(page), 'sign-in').toEqual([]);
      const admin = account('admin');
      await page.locator('input[type=email]').fill(admin.email);
      await page.locator('input[type=password]').fill(admin.password);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      if (locale === 'ar') await setLanguage(page, 'ar');
      for (const path of [
        '/',
        '/admin/users',
        '/admin/invitations',
        '/admin/audit',
        '/admin/outbox',
        '/entities',
        '/entities/import',
        '/calls',
        '/calls/new',
        '/inbox',
        '/peers',
        '/actions',
        '/actions/new',
        '/indicators',
        '/indicators/new',
        '/progress/to-validate',
        '/follow-up',
        '/dashboards',
        '/calendar',
        '/reports',
        '/reports/new',
      ]) {
        await page.goto(path);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(await axeViolations(page), path).toEqual([]);
      }
      // A network's page: its people, members and nominations (the demo's SOS has the city municipalities).
      await page.goto('/entities?kind=lrg_network');
      await page.locator('table a[href^="/entities/"]').first().click();
      await page.locator('#network-members').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page), 'network page').toEqual([]);
      // Records of the follow-up: an action and an indicator of the demo, with its charts.
      for (const list of ['/actions', '/indicators']) {
        await page.goto(list);
        await page.locator(`table a[href^="${list}/"]`).first().click();
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page), `${list}/:id`).toEqual([]);
      }
      if (locale === 'ar') await setLanguage(page, 'en');
      await page.context().close();
    });
  }
});
