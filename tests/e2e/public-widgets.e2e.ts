import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, axeViolations, baseUrl, launchBrowser, signIn } from './browser';

// Embeddable widgets (decision 040) in a real browser: a host page on another origin frames the
// widget (allowed) and the portal's home (refused); the widget fits a phone; axe finds nothing in
// English and Arabic, on the widget and on the snippet page.

const coordinator = { email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' };
const shots = process.env.SCREENSHOT_DIR;
/** The height the snippet gives the iframe (public.widget.ts widgetHeight). */
const snippetHeight = 330;

let browser: Browser;
let host: Server;
let hostUrl: string;
let reviewId: string;

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
  await context.close();
  // Another origin (another port): a ministry's site pasting the snippet, and trying to frame a page.
  host = createServer((request, response) => {
    const lang = new URL(request.url ?? '/', 'http://host').searchParams.get('lang') ?? 'en';
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="en"><head><title>Ministry site</title></head>
<body style="font-family:serif;margin:24px;background:#f3efe6"><h1>Ministry of Labour — our human rights work</h1>
<div style="display:grid;grid-template-columns:2fr 1fr;gap:24px"><p>News and articles of the ministry's own site.</p>
<iframe src="${baseUrl()}/public/${lang}/widgets/reviews/${reviewId}" title="Progress summary" width="100%" height="${snippetHeight}" style="border:0;max-width:40rem" loading="lazy"></iframe></div>
<iframe id="page" src="${baseUrl()}/public/en/" title="Portal home" width="600" height="200"></iframe></body></html>`);
  });
  await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => host?.close(done));
});

describe('embeddable widgets', () => {
  for (const locale of ['en', 'ar'] as const) {
    it(`is framed by another site, while a portal page is not (${locale})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${hostUrl}/?lang=${locale}`);
      const widget = page.frames().find((frame) => frame.url().includes('/widgets/'));
      expect(widget, 'the widget frame').toBeDefined();
      await widget!.waitForSelector('main h1');
      expect(await widget!.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      expect(await widget!.locator('main a').first().getAttribute('target')).toBe('_blank');
      // The portal's home refuses to be framed (frame-ancestors 'none'): its frame shows nothing of it.
      const blocked = page.frames().find((frame) => frame !== widget && frame !== page.mainFrame());
      expect(await blocked?.locator('main').count()).toBe(0);
      if (shots) {
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: `${shots}/widget-host-${locale}-1366.png` });
      }
      await context.close();
    }, 60_000);

    it(`fits a 390 px phone in the snippet's height, has no axe violations, nor the snippet page (${locale})`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: snippetHeight }, baseURL: baseUrl() });
      const page = await context.newPage();
      await page.goto(`/public/${locale}/widgets/reviews/${reviewId}`);
      // The frame fills the iframe (min-height 100vh): what counts is where its last line ends.
      const size = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        height: document.querySelector('main')!.lastElementChild!.getBoundingClientRect().bottom,
      }));
      expect(size.width).toBeLessThanOrEqual(390);
      expect(size.height).toBeLessThanOrEqual(snippetHeight);
      expect(await axeViolations(page), `widget ${locale}`).toEqual([]);
      if (shots) await page.screenshot({ path: `${shots}/widget-${locale}-390.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/public/${locale}/widgets?subject=review:${reviewId}&lang=${locale}`);
      expect(await page.locator('iframe').getAttribute('src')).toBe(`/public/${locale}/widgets/reviews/${reviewId}`);
      expect(await page.locator('textarea#code').inputValue()).toContain(
        `${baseUrl()}/public/${locale}/widgets/reviews/`,
      );
      expect(await axeViolations(page), `snippet page ${locale}`).toEqual([]);
      if (shots) await page.screenshot({ path: `${shots}/widget-snippet-${locale}-390.png`, fullPage: true });
      await context.close();
    }, 60_000);
  }

  it('changes the preview by keyboard with the form alone (no script)', async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/public/en/widgets?subject=review:${reviewId}`);
    await page.locator('#lang').focus();
    await page.keyboard.press('End'); // the last language in the list
    await page.locator('#lang').press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/lang=/);
    expect(await page.locator('iframe').getAttribute('src')).toMatch(/^\/public\/(ar|zh|ru|es|fr)\/widgets\/reviews\//);
    await context.close();
  }, 60_000);
});
