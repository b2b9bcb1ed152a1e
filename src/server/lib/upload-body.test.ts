import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../tests/app';
import { makeAction, makeEntity, makeStateProfile, seatPerson } from '../../../tests/factories';
import { parseLimits, parseStats, withParseSlot } from './tabular/parse-slots';
import { MAX_SHEET_XML, readXlsxSheets, STREAM_FROM } from './tabular/xlsx';
import { uploadRoutes } from './upload-body';

// Issue 14 part 2: a viewer's 1.4 MB XLSX that expanded to 95 MB was parsed (15 s, +850 MB RSS)
// before the observation importer asked whether the viewer may import at all.

const whoFile = join(
  import.meta.dirname,
  '../../../tests/fixtures/indicators/who-births-and-women-reproductive-age.xlsx',
);
const whoBytes = readFileSync(whoFile);

let test: TestApp;
let coordinator: Client;
let viewer: Client;
let indicatorId: string;
let actionId: string;

beforeAll(async () => {
  test = await createTestApp();
  const db = test.handle.db;
  await makeStateProfile(db);
  coordinator = await signInNew(test, 'coordinator');
  viewer = await signInNew(test, 'viewer');
  const owner = await makeEntity(db, { kind: 'ministry', name: 'Ministry of Health' });
  await seatPerson(db, owner.id, viewer.userId, 'member');
  actionId = (await makeAction(db, owner.id)).id;
  const created = await coordinator.request('POST', '/api/indicators', {
    code: 'WHO-BIRTHS',
    title: 'Births and women of reproductive age',
    type: 'outcome',
    unit: 'number',
    frequency: 'annual',
    ownerEntityId: owner.id,
    sdgCodes: [],
    dimensions: [],
    byPlace: false,
  });
  expect(created.statusCode, created.body).toBe(201);
  indicatorId = created.json().id;
}, 60_000);
afterAll(() => test.close());

function send(client: Client, method: string, url: string, payload: Buffer | Readable) {
  return test.app.inject({
    method: method as 'POST',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/octet-stream' },
    payload,
  });
}

/** A body that records whether anyone read it: the real WHO file, in 64 KB chunks. */
function watchedBody(bytes: Buffer) {
  const state = { read: false };
  const stream = Readable.from(
    (function* () {
      state.read = true;
      for (let i = 0; i < bytes.length; i += 65_536) yield bytes.subarray(i, i + 65_536);
    })(),
  );
  return { stream, state };
}

const urlOf = (route: string) =>
  route
    .replace(
      ':id',
      route.includes('/indicators/') ? indicatorId : route.includes('/actions/') ? actionId : randomUUID(),
    )
    .concat('?fileName=who-births.xlsx');

/**
 * The real WHO workbook with its data rows repeated (renumbered) until the data sheet expands
 * past `minBytes`: a transformation of real data, as a spreadsheet export of many years would be.
 */
async function bigWorkbook(minBytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(whoBytes);
  const sheet = (await zip.file('xl/worksheets/sheet2.xml')?.async('string')) ?? '';
  const open = sheet.indexOf('<sheetData>') + '<sheetData>'.length;
  const close = sheet.indexOf('</sheetData>');
  const rows = sheet.slice(open, close).match(/<row [\s\S]*?<\/row>/g) ?? [];
  const [header, ...data] = rows;
  const parts: string[] = [header ?? ''];
  let size = sheet.length;
  let n = 1;
  while (size < minBytes)
    for (const row of data) {
      n++;
      const renumbered = row.replace(/(<row [^>]*?r=")\d+"/, `$1${n}"`).replace(/(<c r="[A-Z]+)\d+"/g, `$1${n}"`);
      parts.push(renumbered);
      size += renumbered.length;
    }
  zip.file('xl/worksheets/sheet2.xml', sheet.slice(0, open) + parts.join('') + sheet.slice(close));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);

describe('permission before the body (every upload route)', () => {
  it('registers its upload routes with a policy', () => {
    expect([...uploadRoutes].sort()).toEqual(
      expect.arrayContaining([
        'POST /api/imports',
        'POST /api/indicators/:id/observations/import/preview',
        'POST /api/indicators/:id/observations/import/apply',
        'POST /api/entities/import/preview',
        'POST /api/entities/import/apply',
        'POST /api/progress-updates/:id/attachments',
        'POST /api/actions/:id/attachments',
      ]),
    );
  });

  it('refuses a viewer on each upload route before reading the body, and parses nothing', async () => {
    const parsesBefore = parseStats.started;
    for (const route of uploadRoutes) {
      const [method, path] = route.split(' ') as [string, string];
      const { stream, state } = watchedBody(whoBytes);
      const response = await send(viewer, method, urlOf(path), stream);
      // A viewer who cannot read the subject at all gets 404, one who reads it 403: never a parse.
      expect([403, 404], `${route}: ${response.body}`).toContain(response.statusCode);
      expect(state.read, `${route} read the body before refusing`).toBe(false);
    }
    expect(parseStats.started).toBe(parsesBefore);
  });

  it('refuses a file body on a route that takes none, before reading it', async () => {
    const { stream, state } = watchedBody(whoBytes);
    const response = await send(coordinator, 'PUT', `/api/indicators/${indicatorId}`, stream);
    expect(response.statusCode).toBe(415);
    expect(response.json().error.issues[0].message).toBe('issues.noFileHere');
    expect(state.read).toBe(false);
  });
});

describe('a spreadsheet that expands past the ceiling', () => {
  let big: Buffer;
  beforeAll(async () => {
    big = await bigWorkbook(60 * 1048576);
  }, 120_000);

  it('answers a viewer 403 at once, without memory growth', async () => {
    const url = `/api/indicators/${indicatorId}/observations/import/preview?fileName=who-big.xlsx`;
    const before = rssMb();
    const started = performance.now();
    const response = await send(viewer, 'POST', url, big);
    const ms = Math.round(performance.now() - started);
    const after = rssMb();
    console.log(
      `viewer, ${(big.length / 1048576).toFixed(1)} MB XLSX: ${response.statusCode} in ${ms} ms, RSS ${before} → ${after} MB`,
    );
    expect(response.statusCode).toBe(403);
    expect(ms).toBeLessThan(2000);
    expect(after - before).toBeLessThan(100);
  });

  it('refuses an importer with the ceiling, naming the file and the limit, in bounded memory', async () => {
    const url = `/api/indicators/${indicatorId}/observations/import/preview?fileName=who-big.xlsx`;
    const before = rssMb();
    const started = performance.now();
    const response = await send(coordinator, 'POST', url, big);
    const ms = Math.round(performance.now() - started);
    const after = rssMb();
    console.log(`coordinator, same file: ${response.statusCode} in ${ms} ms, RSS ${before} → ${after} MB`);
    expect(response.statusCode).toBe(415);
    const error = response.json().error;
    expect(error.params.file).toBe('who-big.xlsx');
    expect(error.issues).toEqual([{ file: 'who-big.xlsx', message: 'issues.sheetTooLarge' }]);
    expect(MAX_SHEET_XML).toBe(32 * 1048576);
    expect(after - before).toBeLessThan(300);
  });

  it('streams a large workbook under the ceiling, row for row as the whole-model reader, in bounded memory', async () => {
    const large = await bigWorkbook(24 * 1048576);
    const original = await readXlsxSheets(whoBytes, 'who.xlsx');
    const before = rssMb();
    const started = performance.now();
    const sheets = await readXlsxSheets(large, 'who-large.xlsx');
    const ms = Math.round(performance.now() - started);
    const after = rssMb();
    const data = sheets[1]?.rows ?? [];
    console.log(
      `importer, ${(large.length / 1048576).toFixed(1)} MB XLSX (over ${STREAM_FROM / 1048576} MB of XML: streamed): ${data.length} rows in ${ms} ms, RSS ${before} → ${after} MB`,
    );
    expect(sheets.map((sheet) => sheet.name)).toEqual(original.map((sheet) => sheet.name));
    // The one difference: an empty shared string is '' in the whole model, no value when streamed.
    const blankless = (rows: unknown[][] = []) => rows.map((row) => Array.from(row, (v) => (v === '' ? undefined : v)));
    expect(blankless(sheets[0]?.rows)).toEqual(blankless(original[0]?.rows));
    expect(sheets[0]?.header).toEqual(original[0]?.header);
    expect(sheets[1]?.header).toEqual(original[1]?.header);
    const rowsPerCopy = original[1]?.rows.length ?? 0;
    expect(data.length % rowsPerCopy).toBe(0);
    expect(data.length / rowsPerCopy).toBeGreaterThan(10);
    expect(data.slice(0, rowsPerCopy)).toEqual(original[1]?.rows);
    expect(data.slice(-rowsPerCopy)).toEqual(original[1]?.rows);
    expect(after - before).toBeLessThan(600);
  }, 120_000);

  it('still reads the real WHO file for an importer', async () => {
    const url = `/api/indicators/${indicatorId}/observations/import/preview?fileName=who-births.xlsx`;
    const response = await send(coordinator, 'POST', url, whoBytes);
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('the parse slots', () => {
  it('runs two parses at once, queues a few, and refuses the rest with a retry hint', async () => {
    const saved = { ...parseLimits };
    Object.assign(parseLimits, { running: 2, waiting: 2 });
    const gates: (() => void)[] = [];
    let live = 0;
    let peak = 0;
    const parse = () =>
      new Promise<void>((resolve) => {
        live++;
        peak = Math.max(peak, live);
        gates.push(() => {
          live--;
          resolve();
        });
      });
    try {
      const runs = [1, 2, 3, 4].map((i) => withParseSlot(`file-${i}.xlsx`, parse));
      await expect(withParseSlot('file-5.xlsx', parse)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
        params: { seconds: 5 },
        issues: [{ file: 'file-5.xlsx', message: 'issues.parsesBusy' }],
      });
      while (gates.length > 0 || live > 0) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        gates.shift()?.();
      }
      await Promise.all(runs);
      expect(peak).toBe(2);
    } finally {
      Object.assign(parseLimits, saved);
    }
  });
});
