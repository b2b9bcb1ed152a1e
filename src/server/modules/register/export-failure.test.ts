import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { readFixture } from '../../../../tests/fixtures';
import { AppError } from '../../../shared/errors';
import { systemActor } from '../../http/context';
import { importTrustedFile } from '../imports/imports.service';

// Issue 14 part 6: the CSV/XLSX exports answered 200 and then aborted the stream on bad input.
// Now the first query runs before any header (a refusal is a status), and a failure after the
// headers ends the file cleanly with a last line saying it is incomplete, and is logged.
// The failure is made by the page reader failing at the chosen page (`failAt`), the rest real.
const failure = vi.hoisted(() => ({ failAt: 0, calls: 0 }));
vi.mock('./search.repo', async (original) => {
  const real = await original<typeof import('./search.repo')>();
  return {
    ...real,
    findPage: (async (...args: Parameters<typeof real.findPage>) => {
      failure.calls++;
      if (failure.calls === failure.failAt) throw new AppError('VALIDATION', { issues: [{ path: 'q', message: 'x' }] });
      const rows = await real.findPage(...args);
      // A second page exists only for registers over 1,000 rows: the first page is made to look full.
      return failure.failAt === 2 && failure.calls === 1
        ? Array.from({ length: 1000 }, (_, i) => rows[i % rows.length])
        : rows;
    }) as typeof real.findPage,
  };
});

let test: TestApp;
let viewer: Client;

beforeAll(async () => {
  test = await createTestApp();
  // Real recommendations: Slovenia's cycle 2 UPR thematic list (OHCHR).
  const data = readFixture('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx');
  await importTrustedFile(test.handle.db, systemActor('test'), 'slovenia-upr-cycle2-thematic-list.docx', data);
  viewer = await signInNew(test, 'viewer');
}, 120_000);
afterAll(() => test.close());

describe('register exports on failure', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: a failing first query answers its status, with no file headers`, async () => {
      Object.assign(failure, { failAt: 1, calls: 0 });
      const response = await viewer.request('GET', `/api/recommendations/export.${format}?q=housing`);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(response.json().error.code).toBe('VALIDATION');
    });

    it(`${format}: a failure after the headers ends the file cleanly, saying it is incomplete`, async () => {
      Object.assign(failure, { failAt: 2, calls: 0 });
      const response = await viewer.request('GET', `/api/recommendations/export.${format}`);
      expect(response.statusCode).toBe(200);
      let last: string;
      if (format === 'csv') {
        const lines = response.body.trimEnd().split('\r\n');
        expect(lines).toHaveLength(1 + 1000 + 1);
        last = lines.at(-1) ?? '';
      } else {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(response.rawPayload as never);
        const sheet = workbook.worksheets[0];
        expect(sheet?.rowCount).toBe(1 + 1000 + 1);
        last = String(sheet?.getRow(sheet.rowCount).getCell(1).value);
      }
      expect(last).toContain('EXPORT INCOMPLETE');
      expect(last).toContain('after 1000 rows');
    });
  }

  it('still exports the whole view when nothing fails', async () => {
    Object.assign(failure, { failAt: 0, calls: 0 });
    const response = await viewer.request('GET', '/api/recommendations/export.csv');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('EXPORT INCOMPLETE');
    const stored = await test.handle.db.selectFrom('recommendations').select('id').execute();
    expect(response.body.trimEnd().split('\r\n')).toHaveLength(1 + stored.length);
  });
});
