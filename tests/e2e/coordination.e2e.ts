import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, axeViolations, launchBrowser, newPage, receivedMails, signIn } from './browser';

// The demo's coordinator, the Ministry of Labour's focal point and Ljubljana's (demo-accounts.ts).
const coordinator = { email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' };
const ministry = { email: 'focal.point@demo.implementa.example', password: 'demo-focal-point-2026' };
const ljubljana = { email: 'ljubljana.focal.point@demo.implementa.example', password: 'demo-ljubljana-2026' };
const ministryName = 'Ministry of Labour, Family, Social Affairs and Equal Opportunities';

const callTitle = `Local measures on Roma settlements ${Date.now()}`;

let browser: Browser;

const mailTo = (email: string, subjectPart: string) =>
  receivedMails().filter((mail) => mail.to.includes(email) && mail.subject.includes(subjectPart));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('assignment and delegation across levels of government, in Chromium', () => {
  it('the coordinator assigns three recommendations to a ministry, which delegates one to a municipality that sees only it', async () => {
    const page = await newPage(browser);
    await signIn(page, coordinator.email, coordinator.password);
    await page.goto('/register?q=Roma&sort=number');
    const boxes = page.getByRole('checkbox', { name: /^Select (?!all)/ });
    await boxes.first().waitFor();
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    const chosen = await page
      .locator('.result-title a')
      .evaluateAll((links) => links.slice(0, 3).map((link) => link.getAttribute('href') ?? ''));
    // The selection bar opens the batch panel for what is ticked.
    await page
      .getByRole('region', { name: 'Selected recommendations' })
      .getByRole('button', { name: 'Edit 3 recommendations' })
      .click();
    await page.locator('.batch-edit').getByText('Assign an entity').click();
    await page.getByRole('combobox', { name: 'Entity' }).fill('Labour');
    await page.getByRole('option', { name: new RegExp(ministryName) }).click();
    await page
      .locator('.batch-edit')
      .getByLabel('Due date')
      .fill(`${new Date().getFullYear() + 1}-06-30`);
    await page.getByRole('button', { name: 'Assign 3 recommendations' }).click();
    await page.getByText(new RegExp(`^${ministryName}: `)).waitFor();

    // The ministry's focal point finds the three on their home page and delegates the first.
    const ministryPage = await newPage(browser);
    await signIn(ministryPage, ministry.email, ministry.password);
    for (const href of chosen) await ministryPage.locator(`.my-work a[href="${href}"]`).waitFor();
    await ministryPage.locator(`.my-work a[href="${chosen[0]}"]`).click();
    await ministryPage.waitForURL(/\/register\/[0-9a-f-]{36}/);
    const recommendationUrl = ministryPage.url();
    await ministryPage.getByText(`Delegate part of it from ${ministryName}`).click();
    await ministryPage.getByRole('combobox', { name: 'Delegate to' }).fill('Ljubljana');
    await ministryPage.getByRole('option', { name: /City Municipality of Ljubljana/ }).click();
    await ministryPage.getByLabel('Note for them').fill('Roma settlements in the city: housing and water');
    await ministryPage.getByRole('button', { name: 'Delegate', exact: true }).click();
    // The chain is visible on the recommendation: the municipality under the ministry.
    const nested = ministryPage.locator('.assignment-chain .assignment-chain');
    await expect.poll(() => nested.innerText()).toContain('City Municipality of Ljubljana');
    expect(await axeViolations(ministryPage)).toEqual([]);
    await ministryPage.context().close();

    // Ljubljana's focal point sees it among what the demo year gave the city, and of the register
    // only what is assigned or delegated to the city (as many as their home lists).
    const cityPage = await newPage(browser);
    await signIn(cityPage, ljubljana.email, ljubljana.password);
    const delegated = new URL(recommendationUrl).pathname;
    const mine = await apiCall<{
      total: number;
      items: { recommendation: { id: string }; delegatedBy: string | null }[];
    }>(cityPage, 'GET', '/api/assignments/mine?page=1&pageSize=200');
    expect(mine.items.find((item) => delegated.endsWith(item.recommendation.id))?.delegatedBy).toBe(ministryName);
    const register = await apiCall<{ total: number }>(cityPage, 'GET', '/api/recommendations?page=1&pageSize=1');
    expect(register.total).toBe(mine.total);
    await cityPage.goto(delegated);
    await cityPage.getByText('Roma settlements in the city: housing and water').waitFor();

    // The coordinator asks the ministry and the municipality for input on the three, and chases.
    const ids = chosen.map((href) => href.split('/').pop() as string);
    const entities = await apiCall<{ id: string; entity: { id: string } }[]>(
      page,
      'GET',
      `/api/recommendations/${ids[0]}/assignments`,
    );
    const call = await apiCall<{ id: string; version: number }>(page, 'POST', '/api/calls', {
      title: callTitle,
      message: 'What has been done since the review, and what is planned?',
      deadline: `${new Date().getFullYear() + 1}-03-31`,
      recommendationIds: ids,
      entityIds: entities.map((assignment) => assignment.entity.id),
    });
    await apiCall(page, 'POST', `/api/calls/${call.id}/send`, { version: call.version });
    await expect.poll(() => mailTo(ljubljana.email, callTitle).length, { timeout: 20_000 }).toBe(1);
    await page.goto(`/calls/${call.id}`);
    await page.getByRole('button', { name: 'Remind those who have not answered, now' }).click();
    await expect.poll(() => mailTo(ljubljana.email, callTitle).length, { timeout: 20_000 }).toBe(2);

    // The municipality answers for the one recommendation it holds.
    await cityPage.goto('/inbox');
    await cityPage.getByRole('link', { name: callTitle }).click();
    await cityPage.getByLabel('What has been done', { exact: true }).fill('Water connected to two settlements.');
    await cityPage.getByLabel('Proposed status', { exact: true }).selectOption('in_progress');
    await cityPage.getByRole('button', { name: /^Submit/ }).click();
    await cityPage
      .getByRole('dialog')
      .getByRole('button', { name: /^Submit/ })
      .click();
    await expect.poll(() => cityPage.locator('main').innerText()).toContain('Answered on time');
    await cityPage.context().close();

    // The tracker: the municipality answered, the ministry has not.
    await page.reload();
    const tracker = page.locator('#tracker-title ~ .card');
    await expect.poll(() => tracker.innerText()).toContain('Answered on time');
    expect(await tracker.innerText()).toContain('Not started');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
