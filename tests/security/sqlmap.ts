/**
 * `npm run check:security:sqlmap`: Debian's sqlmap (`apt-get install sqlmap`) on every
 * parameterised route the server registers (its OpenAPI document), signed in as the coordinator:
 * the query and path parameters of GET (and DELETE) routes, and every value of the JSON body of
 * POST/PUT/PATCH routes, with the session cookie and CSRF header. Prints route × result and exits
 * non-zero when a parameter is injectable.
 *
 *   --db postgres|pglite   the app it starts (default postgres: a fresh database; pglite is about 8× slower here)
 *   --base-url URL         test an app already running instead (demo accounts)
 *   --only REGEX           routes whose "METHOD /path" matches
 *   --budget-minutes N     stop starting new routes after N minutes (default 90)
 *   --route-seconds N      give up on one route after N seconds (default 300)
 *   --level N --risk N     sqlmap's (default 2 and 2)
 *   --start N              skip the first N routes (resume a run cut short)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultServerUrl, option, type RunningApp, signIn, startApp } from './app-process';
import { exampleOf, loadOperations, type Operation } from './openapi';

// Routes that would end the session sqlmap uses, or sign it in again and again.
const excluded = [/^DELETE \/api\/session$/, /password/, /^POST \/api\/session$/, /sessions/, /totp|two-factor|2fa/];

const only = new RegExp(option('only', '.'));
const budgetMs = Number(option('budget-minutes', '90')) * 60_000;
const routeMs = Number(option('route-seconds', '300')) * 1000;
const level = option('level', '2');
const risk = option('risk', '2');
/** Skip the first N routes (to resume a run cut short). */
const startAt = Number(option('start', '0'));
let appDown = false;

const app: RunningApp | undefined = process.argv.includes('--base-url')
  ? undefined
  : await startApp({
      database: option('db', 'postgres') as 'pglite' | 'postgres',
      serverUrl: option('server', process.env.TEST_DATABASE_URL ?? defaultServerUrl),
      quiet: true,
    });
const baseUrl = app?.baseUrl ?? option('base-url', '');
const started = performance.now();
const outputDir = mkdtempSync(join(tmpdir(), 'implementa-sqlmap-'));
const rows: { route: string; parameters: number; result: string; seconds: number }[] = [];
try {
  const session = await signIn(baseUrl, 'coordinator@demo.implementa.example');
  const { operations, resolve } = await loadOperations(baseUrl, session.cookie);
  const targets = operations.filter(
    (operation) =>
      (operation.parameters.some((parameter) => parameter.in === 'query' || parameter.in === 'path') ||
        operation.jsonBody) &&
      only.test(`${operation.method} ${operation.path}`) &&
      !excluded.some((pattern) => pattern.test(`${operation.method} ${operation.path}`)),
  );
  console.log(
    `sqlmap ${level}/${risk} on ${targets.length} parameterised routes of ${operations.length}, as the coordinator`,
  );
  for (const operation of targets.slice(startAt)) {
    const route = `${operation.method} ${operation.path}`;
    if (performance.now() - started > budgetMs || appDown) {
      rows.push({ route, parameters: 0, result: appDown ? 'not run (app down)' : 'not run (budget)', seconds: 0 });
      continue;
    }
    // A dead app answers nothing and every route would look clean: stop there instead.
    if (
      !(await fetch(`${baseUrl}/health`).then(
        (response) => response.ok,
        () => false,
      ))
    ) {
      appDown = true;
      rows.push({ route, parameters: 0, result: 'not run (app down)', seconds: 0 });
      continue;
    }
    const routeStarted = performance.now();
    const { args, parameters } = sqlmapArgs(operation, resolve, baseUrl, session);
    const output = await runSqlmap(
      [
        ...args,
        '--batch',
        `--level=${level}`,
        `--risk=${risk}`,
        '--time-sec=2',
        '--threads=2',
        '--skip=implementa_session',
        '--ignore-code=400,403,404,409,422',
        '--dbms=PostgreSQL',
        '--flush-session',
        '--disable-coloring',
        `--output-dir=${outputDir}`,
      ],
      routeMs,
    );
    if (process.env.SQLMAP_SHOW) console.log(output);
    const seconds = Math.round((performance.now() - routeStarted) / 1000);
    rows.push({ route, parameters, result: verdict(output), seconds });
    console.log(`${route}: ${rows.at(-1)?.result} (${parameters} parameters, ${seconds} s)`);
  }
} finally {
  await app?.stop();
  rmSync(outputDir, { recursive: true, force: true });
}

const tested = rows.filter((row) => !row.result.startsWith('not run'));
console.log('\n| route | parameters | result | seconds |\n|---|---|---|---|');
for (const row of rows) console.log(`| ${row.route} | ${row.parameters} | ${row.result} | ${row.seconds} |`);
const injectable = rows.filter((row) => row.result === 'INJECTABLE');
console.log(
  `\n${tested.length} routes, ${tested.reduce((sum, row) => sum + row.parameters, 0)} parameters tested in ${Math.round((performance.now() - started) / 60_000)} min: ${injectable.length} injectable`,
);
process.exit(injectable.length > 0 || appDown ? 1 : 0);

function sqlmapArgs(
  operation: Operation,
  resolve: Parameters<typeof exampleOf>[1],
  base: string,
  session: { cookie: string; csrfToken: string },
): { args: string[]; parameters: number } {
  let path = operation.path;
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  // A path parameter is marked with * after its example value: sqlmap injects there.
  for (const parameter of pathParameters)
    path = path.replace(`{${parameter.name}}`, `${String(exampleOf(parameter.schema ?? {}, resolve))}*`);
  const query = operation.parameters
    .filter((parameter) => parameter.in === 'query')
    .map(
      (parameter) =>
        `${encodeURIComponent(parameter.name)}=${encodeURIComponent(String(exampleOf(parameter.schema ?? {}, resolve)))}`,
    );
  const url = `${base}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  const args = [
    '-u',
    url,
    `--method=${operation.method}`,
    `--cookie=${session.cookie}`,
    `--headers=X-CSRF-Token: ${session.csrfToken}`,
  ];
  let parameters = pathParameters.length + query.length;
  if (operation.jsonBody) {
    const body = exampleOf(operation.jsonBody, resolve, 'example', 0, true);
    args.push(
      `--data=${JSON.stringify(body)}`,
      '--headers',
      `X-CSRF-Token: ${session.csrfToken}\nContent-Type: application/json`,
    );
    parameters += countValues(body);
  }
  return { args, parameters };
}

function countValues(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countValues(item), 0);
  if (value && typeof value === 'object')
    return Object.values(value).reduce((sum: number, item) => sum + countValues(item), 0);
  return 1;
}

function runSqlmap(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise) => {
    const child = spawn('sqlmap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += '\n[timed out]';
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolvePromise(`[error] ${error.message} (apt-get install sqlmap)`);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolvePromise(output);
    });
  });
}

function verdict(output: string): string {
  if (/identified the following injection point|is vulnerable/i.test(output)) return 'INJECTABLE';
  if (output.includes('[timed out]')) return 'timed out (not injectable so far)';
  if (output.startsWith('[error]')) return output.split('\n')[0] ?? 'error';
  if (/do not appear to be injectable|does not seem to be injectable/.test(output)) return 'not injectable';
  const critical = output.match(/\[CRITICAL\] ([^\n]+)/);
  return critical ? `no verdict: ${critical[1]?.slice(0, 80)}` : 'no verdict';
}
