import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, axeViolations, launchBrowser, newPage, receivedMails, signIn } from './browser';

// The demo's coordinator and the Ministry of Labour's main focal point (demo-accounts.ts).
const coordinator = { email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' };
const focalPoint = { email: 'focal.point@demo.implementa.example', password: 'demo-focal-point-2026' };
const title = `Mid-term report input ${Date.now()}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function expectAccessible(page: Page, what: string) {
  await page.waitForLoadState('networkidle');
  expect(await axeViolations(page), what).toEqual([]);
}

describe('a call for input, from the coordinator to a focal point and back', () => {
  it('is drafted, sent, answered and tracked through the pages', async () => {
    const page = await newPage(browser);
    await signIn(page, coordinator.email, coordinator.password);
    const found = await apiCall<{ items: { id: string; number: string }[] }>(
      page,
      'GET',
      '/api/recommendations?sort=number&pageSize=2',
    );
    await page.goto('/calls');
    await page.locator('h1').waitFor();
    await expectAccessible(page, 'calls list');
    await page.getByRole('link', { name: 'New call for input' }).click();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel('Message', { exact: true })
      .fill('Please report what your ministry has done since the review.');
    await page.getByLabel('Deadline', { exact: true }).fill(`${new Date().getUTCFullYear() + 1}-03-31`);
    for (const item of found.items) {
      const box = page.getByRole('combobox', { name: 'Add a recommendation' });
      await box.fill(item.number);
      await page.getByRole('listbox', { name: 'Add a recommendation' }).getByRole('option').first().waitFor();
      await box.press('ArrowDown');
      await box.press('Enter');
    }
    await expect.poll(() => page.locator('.chip-list li').count()).toBe(2);
    await expectAccessible(page, 'new call');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    await page.locator('#call-entities-title').waitFor();
    // The Ministry of Labour (MDDSZ) is assigned both recommendations, as the coordinator would do
    // from the register; then the draft asks every entity assigned.
    const callId = new URL(page.url()).pathname.split('/').pop() as string;
    const chosen = await apiCall<{ items: { id: string }[] }>(page, 'GET', `/api/calls/${callId}/recommendations`);
    const labour = await apiCall<{ items: { id: string }[] }>(page, 'GET', '/api/entities?q=Labour&kind=ministry');
    await apiCall(page, 'POST', '/api/assignments', {
      recommendationIds: chosen.items.map((item) => item.id),
      entityId: labour.items[0]?.id,
      role: 'lead',
    });
    await page.getByRole('button', { name: 'Ask every assigned entity' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Do not ask Ministry of Labour/ }).count()).toBe(1);
    await expectAccessible(page, 'draft');
    await page.getByRole('button', { name: 'Send the call' }).click();
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.locator('#tracker-title').waitFor();
    await expectAccessible(page, 'sent call with tracker');

    // The focal point gets the mail, finds the call in "My calls" and answers it.
    await expect
      .poll(() => receivedMails().some((m) => m.to.includes(focalPoint.email) && m.subject.includes(title)), {
        timeout: 20_000,
      })
      .toBe(true);
    const focal = await newPage(browser);
    await signIn(focal, focalPoint.email, focalPoint.password);
    await focal.goto('/inbox');
    await focal.getByRole('link', { name: title }).click();
    await focal.locator('textarea').first().waitFor();
    await expectAccessible(focal, 'answer form');
    const narratives = focal.getByLabel('What has been done', { exact: true });
    const statuses = focal.getByLabel('Proposed status', { exact: true });
    for (let index = 0; index < 2; index++) {
      await narratives.nth(index).fill(`Measures taken on recommendation ${index + 1}.`);
      await statuses.nth(index).selectOption('in_progress');
    }
    await focal.getByRole('button', { name: 'Save as draft' }).click();
    await focal.getByText('Draft saved').waitFor();
    await focal.getByRole('button', { name: 'Submit 2 answers' }).click();
    // Submitting is final: it asks first.
    await focal
      .getByRole('dialog', { name: 'Submit 2 answers?' })
      .getByRole('button', { name: 'Submit 2 answers' })
      .click();
    await focal.getByText('2 answers submitted').waitFor();
    await expect.poll(() => focal.locator('main').innerText()).toContain('Answered on time');

    // The coordinator's tracker now says so.
    await page.reload();
    await page.locator('#tracker-title').waitFor();
    await expect.poll(() => page.locator('#tracker-title ~ .card').innerText()).toContain('Answered on time');
    await page.context().close();
    await focal.context().close();
  });
});
