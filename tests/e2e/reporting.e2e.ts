import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZip } from '../../src/server/lib/tabular/zip';
import type { ReportDetail } from '../../src/shared/schemas/reports';
import { axeViolations, launchBrowser, newPage, signIn } from './browser';

// Demo accounts (src/server/seed/demo-accounts.ts): the NMIRF coordinator and the Ombudsman's
// person, a consulted stakeholder. The demo seeds validated updates from ministries and from
// Ljubljana and Maribor on recommendations of A/HRC/59/15 (src/server/seed/demo-progress.ts).
const coordinator = { email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' };
const stakeholder = { email: 'stakeholder@demo.implementa.example', password: 'demo-stakeholder-2026' };

const title = `Mid-term report of Slovenia, third cycle ${Date.now()}`;

/** The text of a Word document's body: runs joined, paragraphs on lines. */
function wordText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a UPR mid-term report from validated updates, with its LRG annex and a consultation, in Chromium', () => {
  it('the coordinator drafts, consults, answers, approves and exports; the DOCX holds the numbers and the annex', async () => {
    const page = await newPage(browser);
    await signIn(page, coordinator.email, coordinator.password);

    await page.goto('/reports/new');
    await page.getByLabel('Body').selectOption({ label: 'Universal Periodic Review' });
    await page.getByLabel('Report type').selectOption({ label: 'UPR mid-term report' });
    await page.getByLabel('Title').fill(title);
    await page.getByRole('checkbox', { name: /A\/HRC\/59\/15/ }).check();
    await page.getByRole('button', { name: 'Create the report' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = page.url().split('/').pop() ?? '';

    // The sections start from the validated updates; the annex lists the municipalities.
    const annex = page.locator('section[aria-labelledby="annex-heading"]');
    await annex.getByText('City Municipality of Ljubljana').waitFor();
    await expect(annex.getByRole('checkbox', { name: /City Municipality of Ljubljana/ }).isChecked()).resolves.toBe(
      true,
    );
    const drafted = (await (await page.request.get(`/api/reports/${reportId}`)).json()) as ReportDetail;
    const withLjubljana = drafted.sections.find((section) => section.body.includes('safe house with 12 places'));
    expect(withLjubljana, 'a section starts from the validated update of Ljubljana').toBeDefined();
    await page.getByRole('button', { name: withLjubljana?.heading ?? '', exact: true }).click();
    await page
      .getByText(/safe house with 12 places/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save a version', exact: true }).click();
    await page.getByText('Version saved.').waitFor();
    await page.getByRole('button', { name: /^Open version \d+ for consultation$/ }).click();
    await page.getByText(/is open for consultation\.$/).waitFor();

    // The Ombudsman comments on the first paragraph of the version under consultation.
    const consulted = await newPage(browser);
    await signIn(consulted, stakeholder.email, stakeholder.password);
    await consulted.goto(`/reports/${reportId}/consultation`);
    const comment = 'Please add how many places the safe houses have in the other regions.';
    await consulted.getByLabel('Your comment on paragraph 1').first().fill(comment);
    await consulted.getByRole('button', { name: 'Send the comment' }).first().click();
    await consulted.getByText(comment).waitFor();
    expect(await axeViolations(consulted)).toEqual([]);

    // The coordinator answers it, approves and exports.
    await page.goto(`/reports/${reportId}/consultation`);
    await page.getByText(comment).waitFor();
    const answer = 'Added: 14 safe houses with 196 places in all twelve regions.';
    await page.getByLabel('Your answer').first().fill(answer);
    await page.getByRole('button', { name: 'Send the answer' }).first().click();
    await page.getByText(answer).waitFor();

    await page.goto(`/reports/${reportId}`);
    // Approving asks first: dismissed, nothing changes; accepted, the report locks.
    await page.getByRole('button', { name: 'Approve the report' }).click();
    const asking = page.getByRole('dialog');
    expect(await asking.getByRole('heading').textContent()).toContain('the report is locked');
    await asking.getByRole('button', { name: 'Cancel' }).click();
    await asking.waitFor({ state: 'detached' });
    const kept = (await (await page.request.get(`/api/reports/${reportId}`)).json()) as ReportDetail;
    expect(kept.status).not.toBe('approved');
    await page.getByRole('button', { name: 'Approve the report' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve the report' }).click();
    await page.getByText('The report is approved.').waitFor();

    // The page's own button downloads the file under the name the server gives it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Word (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Mid-term-report-of-Slovenia.*\.docx$/);

    const report = (await (await page.request.get(`/api/reports/${reportId}`)).json()) as ReportDetail;
    expect(report.status).toBe('approved');
    const numbers = report.sections.flatMap((section) => section.recommendations.map((rec) => rec.number));
    expect(numbers.length).toBeGreaterThan(200);

    const docx = await page.request.get(`/api/reports/${reportId}/export.docx`);
    expect(docx.status()).toBe(200);
    const text = wordText(openZip(await docx.body(), 'report.docx').text('word/document.xml') ?? '');
    for (const number of numbers.slice(0, 20)) expect(text).toContain(number);
    expect(text).toContain('Annex II: Contributions of local and regional governments');
    expect(text).toContain('City Municipality of Ljubljana');
    expect(text).toContain('City Municipality of Maribor');

    const pdf = await page.request.get(`/api/reports/${reportId}/export.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 240_000);

  it('the builder keeps to one cycle, takes the matrix, the symbol and the LRGs as a chapter', async () => {
    const page = await newPage(browser);
    await signIn(page, coordinator.email, coordinator.password);
    await page.goto('/reports/new');
    await page.getByLabel('Body').selectOption({ label: 'Universal Periodic Review' });
    await page.getByLabel('Report type').selectOption({ label: 'UPR mid-term report' });
    await page.getByLabel('Title').fill(`Matrix of the second cycle ${Date.now()}`);
    // No review ticked: the cycle alone keeps the report to A/HRC/28/15.
    await page.getByLabel('UPR cycle').selectOption({ label: 'Cycle 2' });
    await page.getByRole('radio', { name: /implementation matrix/ }).check();
    await page.getByLabel('Document symbol').fill('A/HRC/WG.6/34/SVN/1');
    await page.getByRole('radio', { name: /As a chapter of the report/ }).check();
    await page.getByRole('button', { name: 'Create the report' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: 'Symbol and layout' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const report = (await (await page.request.get(`/api/reports/${reportId}`)).json()) as ReportDetail;
    expect(report).toMatchObject({
      grouping: 'recommendation',
      symbol: 'A/HRC/WG.6/34/SVN/1',
      lrgPlacement: 'section',
    });
    const reviews = (await (await page.request.get('/api/reviews?body=UPR&pageSize=100')).json()) as {
      items: { id: string; symbol: string; recommendationCount: number }[];
    };
    const second = reviews.items.find((review) => review.symbol === 'A/HRC/28/15');
    const onRecommendations = report.sections.filter((section) => section.recommendations.length > 0);
    // One section (a matrix row) per recommendation of the second cycle, and none of the third.
    expect(onRecommendations).toHaveLength(second?.recommendationCount ?? -1);
    expect(onRecommendations.every((section) => section.recommendations.length === 1)).toBe(true);

    const docx = await page.request.get(`/api/reports/${reportId}/export.docx`);
    expect(docx.status()).toBe(200);
    const zip = openZip(await docx.body(), 'report.docx');
    const text = wordText(zip.text('word/document.xml') ?? '');
    expect(text).toContain('A/HRC/WG.6/34/SVN/1');
    expect(text).toContain('Actions and indicators');
    // The running heads (Word's header parts) carry the symbol instead of the title.
    const header = [1, 2, 3, 4, 5, 6].map((n) => wordText(zip.text(`word/header${n}.xml`) ?? '')).join(' ');
    expect(header).toContain('A/HRC/WG.6/34/SVN/1');
  }, 240_000);
});
