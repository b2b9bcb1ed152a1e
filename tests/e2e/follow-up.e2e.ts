import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/shared/schemas/assignments';
import type { Page as Paged } from '../../src/shared/schemas/common';
import type { StatusBreakdown } from '../../src/shared/schemas/dashboards';
import type { IndicatorDetail, IndicatorSummary } from '../../src/shared/schemas/indicators';
import type { ProgressDetail } from '../../src/shared/schemas/progress';
import { apiCall, axeViolations, launchBrowser, newPage, signIn } from './browser';

// Demo accounts (src/server/seed/demo-accounts.ts) and the demo's municipal process indicator
// (src/server/seed/demo-indicators.ts), linked to real recommendations on Roma.
const coordinator = { email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' };
const focalPoint = { email: 'ljubljana.focal.point@demo.implementa.example', password: 'demo-ljubljana-2026' };
const validator = { email: 'ljubljana.validator@demo.implementa.example', password: 'demo-ljubljana-validator-2026' };
const ljubljana = 'City Municipality of Ljubljana';
// A real UN document as evidence (copied into the seed data with its source named).
const evidence = resolve('src/server/seed/data/slovenia/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The number in a chart's table view, at the row and column named. */
async function tableCell(page: Page, row: string, column: string): Promise<string | null> {
  return page.evaluate(
    ({ row, column }) => {
      for (const table of document.querySelectorAll('figure.data-chart table')) {
        const headers = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent?.trim());
        const index = headers.indexOf(column);
        const line = [...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === row);
        if (index > 0 && line) return line.children[index]?.textContent?.trim() ?? null;
      }
      return null;
    },
    { row, column },
  );
}

describe('follow-up from a municipality to the national mechanism, in Chromium', () => {
  it('Ljubljana enters two years of data and an update with a PDF; its validator returns then endorses; the coordinator validates; status and chart show', async () => {
    // The coordinator gives Ljubljana the lead on a recommendation the municipal indicator measures.
    const admin = await newPage(browser);
    await signIn(admin, coordinator.email, coordinator.password);
    const found = await apiCall<Paged<IndicatorSummary>>(admin, 'GET', '/api/indicators?q=SI-LRG-01');
    const indicatorId = found.items[0]?.id ?? '';
    const indicator = await apiCall<IndicatorDetail>(admin, 'GET', `/api/indicators/${indicatorId}`);
    const recommendationId = indicator.recommendationIds[0] ?? '';
    expect(recommendationId).not.toBe('');
    const entities = await apiCall<Paged<{ id: string; name: string }>>(admin, 'GET', '/api/entities?q=Ljubljana');
    const ljubljanaId = entities.items.find((entity) => entity.name === ljubljana)?.id ?? '';
    await apiCall(admin, 'POST', '/api/assignments', {
      recommendationIds: [recommendationId],
      entityId: ljubljanaId,
      role: 'lead',
      dueDate: `${new Date().getFullYear() + 1}-03-31`,
    });
    // The demo server is shared by the e2e files: the assignment goes again at the end, so the
    // coordination test still finds Ljubljana holding only what it delegates.
    try {
      await followUp(admin, recommendationId, indicatorId, ljubljanaId);
    } finally {
      const held = await apiCall<Assignment[]>(admin, 'GET', `/api/recommendations/${recommendationId}/assignments`);
      const ours = held.find((assignment) => assignment.entity.id === ljubljanaId);
      if (ours) await apiCall(admin, 'DELETE', `/api/assignments/${ours.id}?version=${ours.version}`);
    }
  }, 300_000);

  it('a narrative with HTML and script is shown sanitised and nothing in it runs', async () => {
    const page = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, focalPoint.email, focalPoint.password);
    // The demo's action of Ljubljana (src/server/seed/demo-actions.ts).
    const actions = await apiCall<Paged<{ id: string }>>(page, 'GET', '/api/actions?q=Accessible%20public%20transport');
    const actionId = actions.items[0]?.id ?? '';
    const options = await apiCall<{ entities: { id: string }[] }>(
      page,
      'GET',
      `/api/progress-updates/options?actionId=${actionId}`,
    );
    const created = await apiCall<ProgressDetail>(page, 'POST', '/api/progress-updates', {
      actionId,
      entityId: options.entities[0]?.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      narrative: [
        '<p>Safe text <strong>kept</strong>.</p>',
        '<script>window.__xss = "script"; alert(1)</script>',
        '<img src="x" onerror="window.__xss = \'img\'; alert(2)">',
        '<svg><g onload="window.__xss = \'svg\'"></g></svg>',
        '<a href="javascript:window.__xss=\'link\'" id="bad-link">a link</a>',
        '<iframe srcdoc="<script>parent.__xss=\'iframe\'</script>"></iframe>',
        '<p style="background:url(javascript:alert(3))" onclick="window.__xss=\'click\'">Click me</p>',
      ].join(''),
    });
    await page.goto(`/progress/${created.id}`);
    await page.getByText('Safe text').waitFor();
    await page.getByText('Click me').click();
    const link = page.getByText('a link');
    if (await link.count()) await link.click({ noWaitAfter: true }).catch(() => undefined);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const narrative = page.locator('section[aria-labelledby="progress-narrative"]');
    expect(await narrative.locator('script, iframe, svg, img, [onclick], [onerror], [style]').count()).toBe(0);
    expect(await narrative.locator('strong').textContent()).toBe('kept');
  }, 120_000);
});

/** Data, an update with evidence, its return and validation, and what then shows. */
async function followUp(admin: Page, recommendationId: string, indicatorId: string, ljubljanaId: string) {
  const before = await apiCall<StatusBreakdown>(
    admin,
    'GET',
    `/api/dashboards/status?dimension=lrg&entity=${ljubljanaId}`,
  );
  const countOf = (status: StatusBreakdown, code: string) =>
    status.rows.find((row) => row.label === ljubljana)?.counts[code] ?? 0;

  // The focal point enters two years of the indicator for the city.
  const page = await newPage(browser);
  await signIn(page, focalPoint.email, focalPoint.password);
  await page.goto(`/indicators/${indicatorId}`);
  for (const [year, value] of [
    ['2024', '44.8'],
    ['2025', '46.1'],
  ] as const) {
    await page.getByRole('button', { name: 'Add an observation' }).click();
    await page.getByLabel('Period start', { exact: true }).fill(`${year}-01-01`);
    await page.getByLabel('Period end', { exact: true }).fill(`${year}-12-31`);
    await page.getByLabel(/^Value \(/).fill(value);
    await expect(page.getByLabel('Place', { exact: true }).inputValue()).resolves.toBe(ljubljanaId);
    await page
      .getByLabel('Source', { exact: true })
      .fill(`City of Ljubljana, Department of Health and Social Care, ${year}`);
    await page.locator('form').getByRole('button', { name: 'Add an observation' }).click();
    await page.getByText('The observation was saved.').waitFor();
  }
  await page.getByRole('cell', { name: '2025' }).first().waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // A progress update with a PDF, submitted to Ljubljana's validating authority.
  await page.goto(`/register/${recommendationId}`);
  await page.getByRole('link', { name: 'Write a progress update' }).click();
  await page
    .getByRole('textbox', { name: 'Narrative' })
    .fill(
      'The city opened a Roma community centre in Rakova Jelša with a health mediator, and 112 families now have a family doctor.',
    );
  await page.getByLabel('Proposed status').selectOption({ label: 'Partially implemented' });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForURL(/\/progress\/[0-9a-f-]{36}$/);
  const updateId = page.url().split('/').pop() ?? '';
  await page.getByLabel('File to add').setInputFiles(evidence);
  await page.getByRole('button', { name: 'Upload file' }).click();
  await page.getByText(/was added\.$/).waitFor();
  await page.getByRole('button', { name: 'Submit to the validating authority' }).click();
  await page.getByText('Submitted', { exact: true }).first().waitFor();

  // The validator returns it once with a comment.
  const checker = await newPage(browser);
  await signIn(checker, validator.email, validator.password);
  await checker.goto('/progress/to-validate');
  await checker.locator(`a[href="/progress/${updateId}"]`).click();
  const comment = 'Please give the number of families reached in 2024 and in 2025 separately.';
  await checker.getByLabel('Comment').fill(comment);
  await checker.getByRole('button', { name: 'Return with comment' }).click();
  await checker.getByText('Returned', { exact: true }).first().waitFor();
  expect(await axeViolations(checker)).toEqual([]);

  // The focal point sees the comment, completes the narrative and submits again.
  await page.reload();
  await page.getByText(comment).waitFor();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page
    .getByRole('textbox', { name: 'Narrative' })
    .fill(
      'The city opened a Roma community centre in Rakova Jelša with a health mediator: 47 families had a family doctor by the end of 2024 and 112 by the end of 2025.',
    );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.').waitFor();
  await page.getByRole('button', { name: 'Submit to the validating authority' }).click();
  await page.getByText('Submitted', { exact: true }).first().waitFor();

  // The validator endorses; the coordinator validates.
  await checker.reload();
  await checker.getByRole('button', { name: 'Endorse' }).click();
  await checker.getByText('Endorsed', { exact: true }).first().waitFor();
  await admin.goto('/progress/to-validate');
  await admin.locator(`a[href="/progress/${updateId}"]`).click();
  await admin.getByRole('button', { name: 'Validate' }).click();
  await admin.getByText('Validated', { exact: true }).first().waitFor();
  const validated = await apiCall<ProgressDetail>(admin, 'GET', `/api/progress-updates/${updateId}`);
  expect(validated.status).toBe('validated');
  expect(validated.events.map((event) => event.step)).toEqual([
    'submitted',
    'returned',
    'submitted',
    'endorsed',
    'validated',
  ]);

  // The recommendation's page shows the new status and the city's data in a chart.
  await admin.goto(`/register/${recommendationId}`);
  await admin.getByText('Partially implemented').first().waitFor();
  const charts = admin.locator('section[aria-labelledby="recommendation-indicators-title"] figure.data-chart');
  await charts.first().locator('canvas').waitFor();
  await charts.first().getByRole('button', { name: 'Table' }).click();
  expect(await tableCell(admin, '2025', ljubljana)).toBe('46.1');
  expect(await tableCell(admin, '2024', ljubljana)).toBe('44.8');

  // The dashboard counts it for Ljubljana.
  await admin.goto(`/dashboards?dimension=lrg&entity=${ljubljanaId}`);
  const statusChart = admin.locator('figure.data-chart').first();
  await statusChart.locator('canvas').waitFor();
  await statusChart.getByRole('button', { name: 'Table' }).click();
  const after = countOf(before, 'partially_implemented') + 1;
  // Other test files write to the same register meanwhile: the dashboard then shows the new counts
  // and its chart comes back in place of the table, so the poll opens the table again when it is gone.
  const tableButton = statusChart.getByRole('button', { name: 'Table' });
  await expect
    .poll(
      async () => {
        const cell = await tableCell(admin, ljubljana, 'Partially implemented');
        if (cell === null && (await tableButton.isVisible())) await tableButton.click();
        return cell;
      },
      { timeout: 15_000 },
    )
    .toBe(String(after));
  expect(await axeViolations(admin)).toEqual([]);
}
