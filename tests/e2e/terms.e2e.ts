import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, axeViolations, baseUrl, launchBrowser, signIn } from './browser';

// Issue 16, item 5: an admin merges a term into another (its recommendations re-tagged, the
// register's facet counting them once) and translates affected-person labels in place from the
// "untranslated in Arabic" list; then, in Arabic, sees the label and a date field in Arabic.
// At a desktop width and at a phone's. Screenshots go to E2E_SCREENSHOTS when it is set.
const admin = { email: 'admin@demo.implementa.example', password: 'demo-admin-2026' };
const patient = { timeout: 30_000 };
const shots = process.env.E2E_SCREENSHOTS;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(() => browser?.close());

async function open(width: number): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    baseURL: baseUrl(),
    viewport: { width, height: width < 600 ? 844 : 900 },
  });
  const page = await context.newPage();
  await signIn(page, admin.email, admin.password);
  return page;
}

/** The admin's language, saved on the account (the picker may sit in the phone's closed menu). */
async function useLanguage(page: Page, locale: 'en' | 'ar') {
  const session = await apiCall<{ user: { version: number } }>(page, 'GET', '/api/session');
  await apiCall(page, 'PATCH', '/api/me', { locale, version: session.user.version });
  await page.reload();
  await page.locator(`html[lang="${locale}"]`).waitFor(patient);
}

type Term = { id: number; code: string; version: number; usage: number };
type Paged<T> = { items: T[]; total: number };

describe.each([1366, 390])('merging and translating terms at %i px', (width) => {
  it('merges a term into another, then translates a label in place and sees it in Arabic', async () => {
    const page = await open(width);
    await useLanguage(page, 'en');
    const suffix = `${width}-${Date.now().toString(36)}`;
    const keep = await apiCall<Term>(page, 'POST', '/api/taxonomies/affected_person/terms', {
      code: `Fisherfolk ${suffix}`,
      label: { en: `Fisherfolk ${suffix}` },
    });
    const other = await apiCall<Term>(page, 'POST', '/api/taxonomies/affected_person/terms', {
      code: `Fishers ${suffix}`,
      label: { en: `Fishers ${suffix}` },
    });
    // Two recommendations tagged with the term to merge, one with both.
    const recs = await apiCall<Paged<{ id: string; version: number }>>(page, 'GET', '/api/recommendations?pageSize=2');
    for (const [index, rec] of recs.items.entries()) {
      const detail = await apiCall<{ version: number; affectedIds?: number[] }>(
        page,
        'GET',
        `/api/recommendations/${rec.id}`,
      );
      await apiCall(page, 'PATCH', `/api/recommendations/${rec.id}`, {
        affectedIds: index === 0 ? [other.id, keep.id] : [other.id],
        version: detail.version,
      });
    }

    await page.goto('/taxonomies?code=affected_person');
    const panel = page.locator('section[aria-labelledby="terms-title"]');
    const search = async (text: string) => {
      await panel.getByRole('searchbox').first().fill(text);
      await panel.getByRole('searchbox').first().press('Enter');
    };
    await search(`Fishers ${suffix}`);
    await page.getByRole('button', { name: `Merge or remove Fishers ${suffix}` }).click(patient);
    await panel.locator('input[name="mergeQ"]').fill(`Fisherfolk ${suffix}`);
    await panel.locator('input[name="mergeQ"]').press('Enter');
    await panel
      .locator('select[name="into"] option', { hasText: `Fisherfolk ${suffix}` })
      .first()
      .waitFor({ state: 'attached', ...patient });
    await page.getByLabel('Merge into').selectOption({ label: `Fisherfolk ${suffix} — Fisherfolk ${suffix}` });
    await page.getByRole('button', { name: `Merge and delete Fishers ${suffix}` }).click();
    await page
      .getByText(`Fishers ${suffix} has been merged into Fisherfolk ${suffix} (2 recommendations)`)
      .waitFor(patient);

    // The register counts the kept term on both, once each.
    await expect
      .poll(async () => {
        const found = await apiCall<{ facets: Record<string, { value: string; count: number }[]> }>(
          page,
          'GET',
          `/api/recommendations?affected=${keep.id}&pageSize=1`,
        );
        return found.facets.affected?.find((value) => value.value === String(keep.id))?.count;
      }, patient)
      .toBe(2);

    // Translate in place from the list of terms with no Arabic label.
    await search(`Fisherfolk ${suffix}`);
    const show = panel.getByLabel('Show');
    const { untranslated } = await apiCall<{ untranslated: Record<string, number> }>(
      page,
      'GET',
      '/api/taxonomies/affected_person/untranslated',
    );
    const count = untranslated.ar ?? 0;
    expect(count).toBeGreaterThan(0);
    const arabicOption = () => show.locator('option[value="ar"]').textContent();
    await expect.poll(arabicOption, patient).toContain(`(${count.toLocaleString('en-GB')})`);
    await show.selectOption('ar');
    const box = page.getByLabel(`Fisherfolk ${suffix} in Arabic`);
    await box.fill(`صيادو الأسماك ${suffix}`);
    expect(await box.getAttribute('dir')).toBe('rtl');
    if (shots) await page.screenshot({ path: `${shots}/terms-translate-en-${width}.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await box.press('Enter');
    await page.getByText(`The Arabic label of Fisherfolk ${suffix} has been saved.`).waitFor(patient);
    await expect.poll(arabicOption, patient).toContain(`(${(count - 1).toLocaleString('en-GB')})`);

    // In Arabic, the term reads in Arabic; a date field writes dates the Arabic way.
    await useLanguage(page, 'ar');
    await page.goto('/taxonomies?code=affected_person');
    await page.locator('html[lang="ar"]').waitFor();
    await search(`Fisherfolk ${suffix}`);
    await page.getByText(`صيادو الأسماك ${suffix}`).waitFor(patient);
    await page.goto('/admin/audit');
    const from = page.locator('.date-input input[type="text"]').first();
    await from.fill('٣١/١٢/٢٠٢٥');
    await from.blur();
    expect(await from.inputValue()).toMatch(/^(٣١|31)\D+(١٢|12)\D+(٢٠٢٥|2025)$/);
    await from.press('ArrowUp');
    expect(await from.inputValue()).toMatch(/^(٠١|01)\D+(٠١|01)\D+(٢٠٢٦|2026)$/);
    if (shots) await page.screenshot({ path: `${shots}/date-ar-${width}.png`, fullPage: false });
    await useLanguage(page, 'en');
    await page.context().close();
  }, 240_000);
});
