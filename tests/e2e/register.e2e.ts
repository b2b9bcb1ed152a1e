import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../fixtures';
import { axeViolations, baseUrl, launchBrowser, newPage, signIn } from './browser';

let browser: Browser;
let coordinator: { email: string; password: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const { demoAccounts } = await (await fetch(`${baseUrl()}/api/session`)).json();
  coordinator = demoAccounts.find((a: { role: string }) => a.role === 'coordinator');
});
afterAll(() => browser?.close());

describe('the register in Chromium', () => {
  it('a new user imports the Spanish concluding observations, finds "discapacidad", sets a status and sees it in the history', async () => {
    const page = await newPage(browser);
    await signIn(page, coordinator.email, coordinator.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
    await page.locator('input[type=file]').setInputFiles(`${fixtures}/concluding-observations/CRPD_C_GRC_CO_1_es.pdf`);
    await page.getByRole('button', { name: 'Read the file and preview' }).click();
    await page.getByRole('heading', { name: 'Check the preview' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('main').innerText()).toContain('CRPD');
    // Greece's observations in Slovenia's installation: named, and applied only once confirmed.
    await page.getByRole('heading', { name: 'Documents of another State' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Greece');
    // On a phone the preview scrolls down, never sideways (a long file name used to widen it).
    expect(await pageWidthAt(page, 390)).toBeLessThanOrEqual(390);
    await page.getByRole('checkbox', { name: 'I confirm that I want to import documents of another State' }).check();
    await page.getByRole('button', { name: 'Apply the import' }).click();
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 60_000 });

    await page.goto('/register');
    await page.getByRole('searchbox', { name: 'Search the recommendations' }).fill('discapacidad');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=discapacidad/);
    // The results of this search (not the register's first page) show the hits marked.
    await page.locator('main mark').first().waitFor();
    const first = page.locator('.result-title a').first();
    await first.click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}/);
    // The first status came from the import: said from the history row's typed cause.
    await page.locator('ol.status-history').getByText('Set when the recommendation was imported.').waitFor();

    await page.getByLabel('New status').selectOption('in_progress');
    await page.getByLabel('Note (why the status changes)').fill('Plan de acción aprobado');
    await page.getByRole('button', { name: 'Change the status' }).click();
    await page.getByText('The status has been changed.').waitFor();
    const newest = page.locator('ol.status-history > li').first();
    await expect.poll(() => newest.innerText()).toContain('Plan de acción aprobado');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('links a recommendation found by its number, adds an affected person, and keeps a cluster', async () => {
    const page = await newPage(browser);
    await signIn(page, coordinator.email, coordinator.password);
    await page.goto('/register?body=UPR&sort=number');
    await page.locator('.result-title a').first().click();
    await page.waitForURL(/\/register\/[0-9a-f-]{36}/);

    await page.getByText('Link to another recommendation').click();
    const find = page.getByRole('combobox', { name: 'Find the recommendation' });
    await find.fill('140.2');
    await page
      .getByRole('option', { name: /140\.2/ })
      .first()
      .waitFor();
    await find.press('ArrowDown');
    await find.press('Enter');
    await page.getByText('Recommendation to link:').waitFor();
    await page.getByRole('radio', { name: /Duplicate/ }).check();
    await page.getByRole('button', { name: 'Add the link' }).click();
    await page.getByText(/The link to 140\.2 .* has been saved\./).waitFor();
    await expect.poll(() => page.locator('.link-list').innerText()).toContain('Duplicate');
    // The same link again is refused, saying why.
    await find.fill('140.2');
    await page
      .getByRole('option', { name: /140\.2/ })
      .first()
      .waitFor();
    await find.press('ArrowDown');
    await find.press('Enter');
    await page.getByRole('radio', { name: /Duplicate/ }).check();
    await page.getByRole('button', { name: 'Add the link' }).click();
    await page.getByText('These two recommendations are already linked this way.').waitFor();

    await page.getByText('Edit the classification').click();
    const affected = page.getByRole('combobox', { name: 'Find affected persons to add' });
    await affected.press('ArrowDown');
    await page.getByRole('listbox', { name: 'Find affected persons to add' }).getByRole('option').first().waitFor();
    await affected.press('ArrowDown');
    await affected.press('Enter');
    expect(await page.getByRole('group', { name: 'Affected persons' }).locator('.chip').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Save the classification' }).click();
    await page.getByText('The classification has been saved.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const name = `Housing ${Date.now()}`;
    await page.goto('/clusters');
    await page.getByText('New cluster').click();
    await page.getByLabel('Name').fill(name);
    await page.getByRole('button', { name: 'Create the cluster' }).click();
    await page.getByText(`The cluster “${name}” has been created.`).waitFor();
    await page.getByRole('button', { name: `Rename the cluster ${name}` }).click();
    const rename = page.getByRole('form', { name: `Rename the cluster ${name}` });
    await rename.getByLabel('Name').fill(`${name} and water`);
    await rename.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`The cluster “${name} and water” has been saved.`).waitFor();
    await page.getByRole('button', { name: `Delete the cluster ${name} and water` }).click();
    await page.getByRole('button', { name: `Confirm: delete “${name} and water”` }).click();
    await page.getByText(`The cluster “${name} and water” has been deleted.`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  for (const locale of ['en', 'ar']) {
    it(`the register, a review and the wizard have no axe violations in ${locale}`, async () => {
      const page = await newPage(browser, locale === 'ar' ? 'ar' : 'en-GB');
      await signIn(page, coordinator.email, coordinator.password);
      if (locale === 'ar') {
        await page.locator('.language-picker select').selectOption('ar');
        await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
      }
      for (const path of ['/register?q=roma', '/reviews', '/imports/new', '/taxonomies', '/clusters']) {
        await page.goto(path);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page), path).toEqual([]);
        expect(await pageWidthAt(page, 390), `${path} at 390 px`).toBeLessThanOrEqual(390);
      }
      if (locale === 'ar') {
        // The choice is saved on the account: wait for it, or the next file signs in to Arabic.
        await page.locator('.language-picker select').selectOption('en');
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
        await page.waitForLoadState('networkidle');
      }
      await page.context().close();
    });
  }
});

/** The page's width at a viewport this wide (wider than the viewport: the whole page scrolls sideways); the viewport is put back. */
async function pageWidthAt(page: Page, width: number): Promise<number> {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: 844 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (before) await page.setViewportSize(before);
  return scrollWidth;
}
