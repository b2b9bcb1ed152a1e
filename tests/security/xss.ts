/**
 * `npm run check:security:xss`: an XSS corpus (tests/fixtures/security: RSnake's cheat sheet, the
 * origin of OWASP's filter-evasion cheat sheet, and PayloadsAllTheThings' quick list) written into
 * every free-text field the API accepts (string properties of POST/PUT/PATCH JSON bodies in the
 * OpenAPI document the server serves), then every page opened in Chromium as each demo role:
 * alert, confirm, prompt and print are hooked before any script runs, and a dialog counts too. Prints
 * fields × payloads stored, roles × pages × hits, and exits non-zero on any hit. Needs the built
 * web client (the npm script builds it) and Chromium at /usr/bin/chromium.
 *
 *   --db postgres|pglite   the app it starts (default postgres, a fresh database); --base-url URL: an app already running
 *   --payloads N           the first N payloads of the corpus (default all)
 *   --pages N              pages opened per role (default 120)
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import {
  accountPerRole,
  defaultServerUrl,
  option,
  type RunningApp,
  type Session,
  signIn,
  startApp,
} from './app-process';
import { exampleOf, type Hints, loadOperations, type Operation, type Schema, textFields } from './openapi';

const corpus = ['xss-rsnake.txt', 'xss-payloads-quick.txt'].flatMap((name) =>
  readFileSync(new URL(`../fixtures/security/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== ''),
);
const payloads = corpus.slice(0, Number(option('payloads', String(corpus.length))));
const pagesPerRole = Number(option('pages', '120'));
// Writes that would end the session or change the accounts the browser signs in with.
const excluded = [
  /\/api\/session/,
  /password/,
  /sessions/,
  /totp|two-factor/,
  /^PATCH \/api\/me$/,
  /\/api\/admin\/users/,
];

const app: RunningApp | undefined = process.argv.includes('--base-url')
  ? undefined
  : await startApp({
      database: option('db', 'postgres') as 'pglite' | 'postgres',
      serverUrl: option('server', process.env.TEST_DATABASE_URL ?? defaultServerUrl),
      quiet: true,
    });
const baseUrl = app?.baseUrl ?? option('base-url', '');
const started = performance.now();
let hits = 0;
try {
  const writers = await Promise.all(
    ['coordinator@demo.implementa.example', 'admin@demo.implementa.example', 'focal.point@demo.implementa.example'].map(
      (email) => signIn(baseUrl, email),
    ),
  );
  const { operations, resolve } = await loadOperations(baseUrl, writers[0]?.cookie);
  const writes = operations.filter(
    (operation) =>
      ['POST', 'PUT', 'PATCH'].includes(operation.method) &&
      operation.jsonBody &&
      textFields(operation.jsonBody, resolve).length > 0 &&
      !excluded.some((pattern) => pattern.test(`${operation.method} ${operation.path}`)),
  );
  const hints = await realIds(writers[0] as Session);
  const fieldRows: { field: string; stored: number; refused: string }[] = [];
  for (const operation of writes) {
    const path = await fillPath(operation, writers[0] as Session);
    for (const field of textFields(operation.jsonBody as Schema, resolve)) {
      let stored = 0;
      const refusals = new Map<number, number>();
      for (const payload of path ? payloads : []) {
        const body = exampleOf(operation.jsonBody as Schema, resolve, 'plain text', 0, false, hints) as Record<
          string,
          unknown
        >;
        if ('version' in body) body.version = await currentVersion(writers[0] as Session, path as string);
        setField(body, field, payload);
        const status = await writeAs(writers, operation.method, path as string, body);
        if (status === 0) throw new Error(`The app at ${baseUrl} stopped answering (${operation.method} ${path})`);
        if (status < 300) stored++;
        else refusals.set(status, (refusals.get(status) ?? 0) + 1);
      }
      const refused = path
        ? [...refusals].map(([status, count]) => `${count}×${status}`).join(' ')
        : 'no record to write to';
      fieldRows.push({ field: `${operation.method} ${operation.path} ${field}`, stored, refused });
      console.log(`${operation.method} ${operation.path} ${field}: ${stored} stored, refused ${refused || 'none'}`);
    }
  }
  console.log(`\n| field | payloads stored of ${payloads.length} | refused |\n|---|---|---|`);
  for (const row of fieldRows) console.log(`| ${row.field} | ${row.stored} | ${row.refused} |`);
  const storedFields = fieldRows.filter((row) => row.stored > 0).length;
  console.log(
    `\n${fieldRows.length} text fields, ${storedFields} took payloads (${fieldRows.reduce((sum, row) => sum + row.stored, 0)} writes)`,
  );

  const browser = await launchChromium();
  const roleRows: { role: string; pages: number; hits: number; where: string }[] = [];
  try {
    for (const account of accountPerRole()) {
      const session = await signIn(baseUrl, account.email);
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB' });
      const [name, value] = session.cookie.split('=');
      await context.addCookies([
        { name: name as string, value: session.cookie.slice((name as string).length + 1), url: baseUrl },
      ]);
      void value;
      const found: string[] = [];
      await context.exposeFunction('__xss', (source: string, message: string, url: string) => {
        found.push(`${source}(${message}) at ${new URL(url).pathname}`);
      });
      // Before any page script: every way a payload announces itself lands in __xss.
      await context.addInitScript(() => {
        const record = (source: string) => (message?: unknown) => {
          (window as unknown as { __xss: (s: string, m: string, u: string) => void }).__xss(
            source,
            String(message),
            location.href,
          );
          return null;
        };
        window.alert = record('alert');
        window.confirm = record('confirm') as unknown as () => boolean;
        window.prompt = record('prompt') as unknown as () => string;
        window.print = record('print') as () => void;
      });
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        found.push(`dialog(${dialog.message()}) at ${new URL(page.url()).pathname}`);
        void dialog.dismiss();
      });
      const visited = await crawl(page, pagesPerRole);
      await context.close();
      hits += found.length;
      console.log(`${account.role}: ${visited} pages, ${found.length} hits`);
      roleRows.push({
        role: account.role,
        pages: visited,
        hits: found.length,
        where: [...new Set(found)].slice(0, 3).join('; '),
      });
    }
  } finally {
    await browser.close();
  }
  console.log('\n| role | pages opened | hits | first hits |\n|---|---|---|---|');
  for (const row of roleRows) console.log(`| ${row.role} | ${row.pages} | ${row.hits} | ${row.where} |`);
  console.log(
    `\n${storedFields} fields × ${payloads.length} payloads × ${roleRows.length} roles: ${hits} executions (${Math.round((performance.now() - started) / 1000)} s)`,
  );
} finally {
  await app?.stop();
}
process.exit(hits > 0 ? 1 : 0);

/** Real ids for the properties that name a record, and a body's code, so that a write gets past its checks. */
async function realIds(session: Session): Promise<Hints> {
  const first = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
    return response.ok ? firstId(await response.json()) : undefined;
  };
  const hints: Hints = { '^bodyCode$': { value: 'UPR' } };
  const lists: [string, string, boolean][] = [
    ['[eE]ntityId$', '/api/entities?page=1&pageSize=5&kind=ministry', false],
    ['^recommendationId$', '/api/recommendations?page=1&pageSize=5', true],
    ['^actionId$', '/api/actions?page=1&pageSize=5', false],
    ['^reviewId$', '/api/reviews?page=1&pageSize=5', false],
    ['^clusterId$', '/api/clusters?page=1&pageSize=5', false],
    ['^indicatorId$', '/api/indicators?page=1&pageSize=5', false],
  ];
  for (const [pattern, path, optional] of lists) {
    const id = await first(path);
    if (id) hints[pattern] = { value: id, optional };
  }
  return hints;
}

/** The record's version for an optimistic-locking write (PATCH/PUT with `version`). */
async function currentVersion(session: Session, path: string): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  if (!response.ok) return 1;
  const record = (await response.json()) as { version?: number };
  return typeof record.version === 'number' ? record.version : 1;
}

/** The route's path with each {param} set to a real record's id, read from the collection above it. */
async function fillPath(operation: Operation, session: Session): Promise<string | undefined> {
  let path = operation.path;
  for (const match of operation.path.matchAll(/\{([^}]+)\}/g)) {
    const prefix = path.slice(0, path.indexOf(match[0])).replace(/\/$/, '');
    const response = await fetch(`${baseUrl}${prefix}`, { headers: { cookie: session.cookie } });
    const id = response.ok ? firstId(await response.json()) : undefined;
    if (!id) return undefined;
    path = path.replace(match[0], id);
  }
  return path;
}

function firstId(value: unknown, depth = 0): string | undefined {
  if (depth > 4 || !value || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const id = firstId(item, depth + 1);
      if (id) return id;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string' && depth > 0) return record.id;
  for (const item of Object.values(record)) {
    const id = firstId(item, depth + 1);
    if (id) return id;
  }
  return undefined;
}

function setField(body: Record<string, unknown>, field: string, payload: string): void {
  const parts = field.split('.');
  let target: Record<string, unknown> = body;
  for (const part of parts.slice(0, -1)) {
    const key = part.replace(/\[\]$/, '');
    let next = target[key];
    if (part.endsWith('[]')) {
      if (!Array.isArray(next) || next.length === 0) return;
      next = next[0];
    }
    if (!next || typeof next !== 'object') return;
    target = next as Record<string, unknown>;
  }
  const last = parts.at(-1) as string;
  if (last.endsWith('[]')) target[last.slice(0, -2)] = [payload];
  else target[last] = payload;
}

/** Writes as the first of the sessions the server lets write there; the last status. */
async function writeAs(sessions: Session[], method: string, path: string, body: unknown): Promise<number> {
  let status = 0;
  for (const session of sessions) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    if (!response) return 0;
    await response.arrayBuffer();
    status = response.status;
    if (status !== 403) return status;
  }
  return status;
}

/** Opens the home page, then every same-origin link found, breadth first, up to `limit` pages. */
async function crawl(page: Page, limit: number): Promise<number> {
  const queue = ['/'];
  const seen = new Set(queue);
  let opened = 0;
  while (queue.length > 0 && opened < limit) {
    const path = queue.shift() as string;
    try {
      await page.goto(path, { waitUntil: 'networkidle', timeout: 15_000 });
    } catch {}
    opened++;
    const links = await page
      .$$eval('a[href]', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
      .catch(() => [] as string[]);
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== new URL(baseUrl).origin || url.pathname.startsWith('/api/')) continue;
      // One page per kind of path: /x/<id> once, with a few ids, not every row of a list.
      const key = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
      const sameKind = [...seen].filter(
        (seenPath) => seenPath.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id') === key,
      ).length;
      if (seen.has(url.pathname) || sameKind >= 3 || url.pathname === '/sign-in') continue;
      seen.add(url.pathname);
      queue.push(url.pathname);
    }
  }
  return opened;
}
