import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, axeViolations, baseUrl, launchBrowser, signIn } from './browser';

// The public portal signed out (decision 032): the coordinator publishes the demo's latest review,
// then a reader with no session reads it in English and Arabic, on a desktop and a phone, with
// script off, checked by axe-core, and by keyboard alone.

const coordinator = { email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' };
const shots = process.env.SCREENSHOT_DIR;

let browser: Browser;
let reviewId: string;
let recommendationId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  await signIn(page, coordinator.email, coordinator.password);
  const reviews = await apiCall<{ items: { id: string; symbol: string | null; recommendationCount: number }[] }>(
    page,
    'GET',
    '/api/reviews',
  );
  const review = reviews.items.find((item) => item.symbol?.startsWith('A/HRC/') && item.recommendationCount > 0);
  if (!review) throw new Error('no UPR review in the demo');
  reviewId = review.id;
  await apiCall(page, 'PUT', `/api/publication/review/${reviewId}`, { published: true });
  const page1 = await apiCall<{ items: { id: string }[] }>(page, 'GET', `/api/recommendations?review=${reviewId}`);
  recommendationId = page1.items[0]!.id;
  // The signed-in app links to the public page of a published record.
  await page.goto(`/register/${recommendationId}`);
  const link = page.getByRole('link', { name: 'Open the public page' });
  await link.waitFor({ timeout: 15_000 });
  expect(await link.getAttribute('href')).toBe(`/public/en/recommendations/${recommendationId}`);
  await context.close();
}, 120_000);
afterAll(() => browser?.close());

async function reader(locale: string, width: number): Promise<Page> {
  // Script off: the pages must read without it.
  const context = await browser.newContext({
    locale,
    baseURL: baseUrl(),
    javaScriptEnabled: false,
    viewport: { width, height: width > 500 ? 900 : 844 },
  });
  return context.newPage();
}

describe('the public portal, signed out', () => {
  for (const locale of ['en', 'ar'] as const) {
    it(`has no axe violations on each page type and reads right to left in Arabic (${locale})`, async () => {
      const page = await reader(locale, 1366);
      const paths = [
        '/',
        '/recommendations',
        '/recommendations?q=education',
        `/recommendations/${recommendationId}`,
        `/reviews/${reviewId}`,
        '/mechanisms/upr',
        '/sdgs/4',
        '/recommendations/00000000-0000-4000-8000-000000000000',
      ];
      for (const path of paths) {
        const response = await page.goto(`/public/${locale}${path}`);
        expect(response?.status(), path).toBe(path.includes('00000000') ? 404 : 200);
        expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        expect(await page.locator('script').count()).toBe(0);
        // axe runs as script: on a copy of the page with script on.
        const checker = await browser.newContext({ locale, baseURL: baseUrl() });
        const checked = await checker.newPage();
        await checked.goto(`/public/${locale}${path}`);
        expect(await axeViolations(checked), `${locale} ${path}`).toEqual([]);
        await checker.close();
      }
      if (shots) {
        mkdirSync(shots, { recursive: true });
        for (const width of [1366, 390]) {
          const shot = await reader(locale, width);
          for (const [name, path] of [
            ['home', '/'],
            ['register', '/recommendations'],
            ['recommendation', `/recommendations/${recommendationId}`],
          ] as const) {
            await shot.goto(`/public/${locale}${path}`);
            await shot.screenshot({ path: `${shots}/public-${name}-${locale}-${width}.png`, fullPage: false });
          }
        }
      }
    }, 240_000);
  }

  it('is usable by keyboard alone: skip link, navigation, search, a result, another language', async () => {
    const context = await browser.newContext({ locale: 'en-GB', baseURL: baseUrl() });
    const page = await context.newPage();
    await page.goto('/public/en/');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    expect(await focused()).toBe('Skip to main content');
    // Tab on to the navigation's "Recommendations" link and follow it.
    for (let i = 0; i < 6 && (await focused()) !== 'Recommendations'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Recommendations');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/public\/en\/recommendations$/);
    // The skip link lands in the main content, where the search box is the first field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.id === 'q')); i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('education');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=education/);
    // Tab to the first result's link and open it.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
      if (/\/public\/en\/recommendations\/[0-9a-f-]{36}$/.test(href)) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/public\/en\/recommendations\/[0-9a-f-]{36}$/);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    // Read it: the recommendation's text is there.
    expect((await page.locator('main blockquote').first().textContent())?.trim().length).toBeGreaterThan(20);
    const opened = page.url();
    // A visible focus ring on a focused link.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    // Back up to the language list by Shift+Tab and read the same recommendation in Arabic.
    for (let i = 0; i < 20; i++) {
      if (await page.evaluate(() => document.activeElement?.getAttribute('hreflang') === 'ar')) break;
      await page.keyboard.press('Shift+Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('hreflang'))).toBe('ar');
    await page.keyboard.press('Enter');
    await page.waitForURL(opened.replace('/public/en/', '/public/ar/'));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await context.close();
  }, 120_000);

  it('links the sign-in page to the portal', async () => {
    const context = await browser.newContext({ locale: 'en-GB', baseURL: baseUrl() });
    const page = await context.newPage();
    await page.goto('/sign-in');
    const link = page.getByRole('link', { name: 'Public portal: what the State was asked and what it did' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/public/en/');
    await context.close();
  });
});
