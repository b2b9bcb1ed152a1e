import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../fixtures';
import { apiCall, axeViolations, baseUrl, launchBrowser, signIn } from './browser';

// Issue 16's journeys, each at a desktop width and at a phone's (390 px): a selection on the
// register becomes a call for input; a municipality answers it with evidence and confirms the
// submission; its validator and then the coordinator decide in bulk, per-item results shown,
// the queue naming each recommendation by number with its text. Demo accounts: demo-accounts.ts.
const coordinator = { email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' };
const lrgFocal = { email: 'ljubljana.focal.point@demo.implementa.example', password: 'demo-ljubljana-2026' };
const lrgValidator = {
  email: 'ljubljana.validator@demo.implementa.example',
  password: 'demo-ljubljana-validator-2026',
};
// A real UN document as the evidence file (tests/fixtures/README.md names its source).
const evidenceFile = fixturePath('upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf');
const evidenceName = 'A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf';

// A loaded machine renders slowly: polls wait as long as a locator does.
const patient = { timeout: 30_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function open(width: number, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    baseURL: baseUrl(),
    viewport: { width, height: width < 600 ? 844 : 900 },
  });
  const page = await context.newPage();
  await signIn(page, who.email, who.password);
  return page;
}

async function expectAccessible(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), what).toEqual([]);
}

/** The selection bar is on screen (sticky at the top), saying how many are chosen. */
async function expectBar(page: Page, name: string, count: number) {
  const bar = page.getByRole('region', { name });
  await expect.poll(() => bar.getByText(`${count} selected`).count(), patient).toBe(1);
  const box = await bar.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
  return bar;
}

/** Ticks the first result of the register's current page (once it is not `previous`) and returns its id. */
async function tickFirstResult(page: Page, previous?: string): Promise<string> {
  const first = page.locator('.result').first();
  const idOf = async () =>
    ((await first.locator('.result-title a').getAttribute('href')) ?? '').split('/').pop() as string;
  await expect.poll(async () => (await first.count()) > 0 && (await idOf()) !== previous, patient).toBe(true);
  const id = await idOf();
  await first.locator('input.result-select').check();
  return id;
}

describe.each([1366, 390])('daily work at %i px', (width) => {
  const title = `Local measures ${width} ${Date.now()}`;
  // Each width works on its own recommendations: pages 3–4 of the register by number, or 5–6.
  const startPage = width < 600 ? 5 : 3;
  let callId = '';
  let chosen: string[] = [];

  it('turns a selection across pages of the register into a call for input', async () => {
    const page = await open(width, coordinator);
    await page.goto(`/register?sort=number&page=${startPage}`);
    const first = await tickFirstResult(page);
    const bar = await expectBar(page, 'Selected recommendations', 1);
    // The next page keeps the choice; the bar follows the reader down the list.
    await page.getByRole('navigation', { name: 'Pages' }).last().getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(new RegExp(`page=${startPage + 1}`));
    const second = await tickFirstResult(page, first);
    expect(second).not.toBe(first);
    await page.mouse.wheel(0, 1500);
    await expectBar(page, 'Selected recommendations', 2);
    await expectAccessible(page, 'register with a selection');
    chosen = [first, second];
    // Ljubljana is assigned both, as the coordinator would do from the same bar's edit panel.
    const ljubljana = await apiCall<{ items: { id: string }[] }>(page, 'GET', '/api/entities?q=Ljubljana&kind=lrg');
    await apiCall(page, 'POST', '/api/assignments', {
      recommendationIds: chosen,
      entityId: ljubljana.items[0]?.id,
      role: 'lead',
    });

    await bar.getByRole('button', { name: 'Call for input from this selection' }).click();
    await page.waitForURL(/\/calls\/new$/);
    await expect.poll(() => page.locator('.chip-list li').count(), patient).toBe(2);
    await page.getByText('2 recommendations come from your selection').waitFor();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Message', { exact: true }).fill('Please tell us what the city has done, with evidence.');
    await page.getByLabel('Deadline', { exact: true }).fill(`${new Date().getUTCFullYear() + 1}-03-31`);
    await expectAccessible(page, 'new call from a selection');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    callId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.locator('#call-entities-title').waitFor();
    await page.getByRole('button', { name: 'Send the call' }).click();
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.locator('#tracker-title').waitFor();
    await page.context().close();
  }, 240_000);

  it('lets the municipality attach evidence before submitting, and asks before submitting', async () => {
    expect(callId).not.toBe('');
    const page = await open(width, lrgFocal);
    await page.goto('/inbox');
    await page.getByRole('link', { name: title }).click();
    await page.locator('textarea').first().waitFor();
    const items = page.locator('.answer-item');
    await expect.poll(() => items.count(), patient).toBe(2);
    // The first file saves the answer as a draft and is listed at once.
    await items.first().getByLabel('Attach evidence files').setInputFiles(evidenceFile);
    await items.first().getByRole('link', { name: evidenceName }).waitFor();
    await expectAccessible(page, 'answer with evidence');
    for (let index = 0; index < 2; index++) {
      await page
        .getByLabel('What has been done', { exact: true })
        .nth(index)
        .fill(`City measure ${index + 1}.`);
      await page.getByLabel('Proposed status', { exact: true }).nth(index).selectOption('in_progress');
    }
    // Submitting asks first, in a dialog; cancelling changes nothing.
    await page.getByRole('button', { name: 'Submit 2 answers' }).click();
    const dialog = page.getByRole('dialog', { name: 'Submit 2 answers?' });
    await dialog.waitFor();
    await expectAccessible(page, 'submit confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count(), patient).toBe(0);
    await page.getByRole('button', { name: 'Submit 2 answers' }).click();
    await dialog.getByRole('button', { name: 'Submit 2 answers' }).click();
    await page.getByText('2 answers submitted').waitFor();
    // After: the evidence stays with the answer, read only, and on the progress update itself.
    const answered = page.locator('.answer-item').first();
    await answered.getByRole('link', { name: evidenceName }).waitFor();
    expect(await answered.getByLabel('Attach evidence files').count()).toBe(0);
    await answered.getByRole('link', { name: 'Open the progress update' }).click();
    await page.waitForURL(/\/progress\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: evidenceName }).waitFor();
    await page.context().close();
  }, 240_000);

  // "115.2" must not find "115.25": earlier journeys leave other updates in the same queue.
  const exactNumber = (number: string) => new RegExp(`${number.replace(/\./g, '\\.')}(?![\\d.])`);
  it('lets the validator endorse and the coordinator validate in bulk, with a result per update', async () => {
    const validator = await open(width, lrgValidator);
    const numbers = await Promise.all(
      chosen.map(
        async (id) => (await apiCall<{ number: string }>(validator, 'GET', `/api/recommendations/${id}`)).number,
      ),
    );
    await validator.goto('/progress/to-validate');
    const group = (number: string) =>
      validator.locator('.queue-group > li').filter({ has: validator.locator('h3', { hasText: exactNumber(number) }) });
    for (const number of numbers) {
      await group(number).waitFor();
      // The recommendation by number with its text (some words of it), once however many updates it has.
      expect(await group(number).locator('p.clamp').innerText()).toMatch(/\w+(\s+\w+){3,}/);
      expect(await group(number).count()).toBe(1);
      await group(number).getByRole('checkbox', { name: 'Ljubljana' }).check();
    }
    await expectBar(validator, 'Selected updates', 2);
    await expectAccessible(validator, 'queue with a selection');
    await validator.getByRole('button', { name: 'Endorse 2 updates' }).click();
    await validator.getByRole('dialog').getByRole('button', { name: 'Endorse 2 updates' }).click();
    await validator.getByRole('region', { name: '2 done, 0 not done' }).waitFor();
    await validator.context().close();

    // The coordinator ticks both; meanwhile one is returned elsewhere, so it cannot be validated.
    const page = await open(width, coordinator);
    await page.goto('/progress/to-validate');
    const mine = page.locator('.queue-group > li').filter({ hasText: exactNumber(numbers[0] as string) });
    await mine.waitFor();
    const updates = await apiCall<{ items: { id: string; version: number; callId: string | null }[] }>(
      page,
      'GET',
      `/api/progress-updates?recommendationId=${chosen[1]}&status=endorsed`,
    );
    const other = updates.items.find((item) => item.callId === callId);
    for (const number of numbers)
      await page
        .locator('.queue-group > li')
        .filter({ hasText: exactNumber(number) })
        .getByRole('checkbox', { name: 'Ljubljana' })
        .check();
    await expectBar(page, 'Selected updates', 2);
    await apiCall(page, 'POST', `/api/progress-updates/${other?.id}/return`, {
      version: other?.version,
      comment: 'Please add the council decision.',
    });
    await page.getByRole('button', { name: 'Validate 2 updates' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Validate 2 updates' }).click();
    const results = page.getByRole('region', { name: /1 done, 1 not done/ });
    await results.waitFor();
    expect(await results.locator('.item-result-failed').innerText()).toContain(numbers[1]);
    expect(await results.locator('.item-result-done').innerText()).toContain('Validated');
    await expectAccessible(page, 'queue with results');
    // What failed stays selected, to look at or try again.
    await expectBar(page, 'Selected updates', 1);
    await page.context().close();
  }, 240_000);
});
