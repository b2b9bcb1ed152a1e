import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, axeViolations, baseUrl, launchBrowser, signIn } from './browser';

const coordinator = { email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the navigation on a phone (390 px)', () => {
  for (const locale of ['en-GB', 'ar'] as const) {
    it(`is closed behind a Menu button, opens, closes on Escape with focus back, and on a link (${locale})`, async () => {
      const context = await browser.newContext({ locale, baseURL: baseUrl(), viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await signIn(page, coordinator.email, coordinator.password);
      if (locale === 'ar') {
        // The page loaded next carries the session it starts with (decision 041): wait until the
        // language is stored, not only shown, before leaving this page.
        const saved = page.waitForResponse(
          (response) => response.url().endsWith('/api/me') && response.request().method() === 'PATCH',
        );
        await page.locator('.language-picker select').selectOption('ar');
        expect((await saved).status()).toBe(200);
      }
      await page.goto('/register');
      // The navigation the Menu button controls (a page may hold other navigation: its pager).
      // (Its id is checked against the button's aria-controls below.)
      const toggle = page.locator('button.nav-toggle');
      const nav = page.locator('nav#app-nav');
      // The page's heading is what shows; the links wait behind the button.
      await expect.poll(() => page.locator('main h1').isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await nav.isVisible()).toBe(false);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.getAttribute('aria-controls')).toBe('app-nav');

      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('nav-toggle'))).toBe(true);
      expect(await nav.isVisible()).toBe(false);

      await toggle.click();
      await nav.locator('a[href="/dashboards"]').click();
      await page.waitForURL((url) => url.pathname === '/dashboards');
      // The menu closes once the new page has rendered (its chunk may still be loading at the URL's change).
      await expect.poll(() => toggle.getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      // In Arabic the menu mirrors: the button sits at the banner's left, the page reads right to left.
      if (locale === 'ar') {
        expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
        // Other test files sign in as the coordinator too: leave the account in English.
        const session = await apiCall<{ user: { version: number } }>(page, 'GET', '/api/session');
        await apiCall(page, 'PATCH', '/api/me', { locale: 'en', version: session.user.version });
      }
      await context.close();
    });
  }

  it('shows the navigation without a button on a wide screen', async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signIn(page, coordinator.email, coordinator.password);
    expect(await page.locator('nav#app-nav').isVisible()).toBe(true);
    expect(await page.locator('button.nav-toggle').isVisible()).toBe(false);
    await context.close();
  });
});
