import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, signIn } from './browser';

// Issue 16, parts 4 and 9: the dead ends and the forms of a week's daily use, on a desktop and
// on a phone (390 px).

let browser: Browser;
let accounts: { role: string; email: string; password: string }[];
const account = (role: string) => {
  const found = accounts.find((item) => item.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
};

beforeAll(async () => {
  browser = await launchBrowser();
  accounts = (await (await fetch(`${baseUrl()}/api/session`)).json()).demoAccounts;
});
afterAll(() => browser?.close());

async function pageAt(width: number): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    baseURL: baseUrl(),
    viewport: { width, height: width < 600 ? 844 : 900 },
  });
  return context.newPage();
}

describe.each([1366, 390])('daily use at %i px', (width) => {
  it('after sign-in the focus is on the page heading', async () => {
    const page = await pageAt(width);
    await signIn(page, account('coordinator').email, account('coordinator').password);
    await page.locator('h1').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.context().close();
  });

  it('an empty filter in the address shows the register, and "Skip to results" reaches the first result', async () => {
    const page = await pageAt(width);
    await signIn(page, account('viewer').email, account('viewer').password);
    await page.goto('/register?review=');
    await page.locator('.result-title a').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.list-count').innerText()).toMatch(/recommendation/);
    // The skip link is the first thing after the heading: one Tab, Enter, and the results have the focus.
    await page.locator('h1').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to results');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-results');
    // A malformed filter says what is wrong and offers a way out, never "Loading…" for ever.
    await page.goto('/register?review=nonsense');
    await page.getByRole('button', { name: 'Clear the search and every filter' }).click();
    await page.locator('.result-title a').first().waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it('a viewer reading a recommendation is not offered a progress update; checkboxes sit beside their labels', async () => {
    const page = await pageAt(width);
    await signIn(page, account('viewer').email, account('viewer').password);
    await page.goto('/register?sort=number');
    await page.locator('.result-title a').first().click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { name: 'Progress' }).waitFor();
    expect(await page.getByRole('link', { name: 'Write a progress update' }).count()).toBe(0);

    await page.goto('/register');
    const box = page.locator('.facet-values input[type=checkbox]').first();
    await box.waitFor();
    const [input, label] = await Promise.all([
      box.boundingBox(),
      page.locator('.facet-values .facet-label').first().boundingBox(),
    ]);
    // The box is its own size and right beside its words, not stretched across the row.
    expect(input?.width).toBeLessThan(24);
    expect(Math.abs((label?.x ?? 0) - ((input?.x ?? 0) + (input?.width ?? 0)))).toBeLessThan(16);
    await page.context().close();
  });
});
