import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { bundleTable, measureFirstLoads } from './bundle-budget';
import { buildCorpus } from './corpus';
import { runDashboardsBench } from './dashboards-bench';
import { type BenchKind, defaultServerUrl, openBenchDatabase } from './databases';
import { runHubSearchBench } from './hub-search-bench';
import { importAll, runImportBench } from './import-bench';
import { runLighthouseBench } from './lighthouse-bench';
import { runLoadBench } from './load-bench';
import { runPublicBench } from './public-bench';
import { runReportBench } from './report-bench';
import { runSearchBench } from './search-bench';
import { int, renderTable, type Table, timed } from './table';
import { runWireBench } from './wire-bench';
import { defaultWritesOptions, runWritesBench } from './writes-bench';

const usage = `npm run bench -- [--db postgres|pglite|both] [--part import|search|dashboards|report|bundle|wire|lighthouse|load|writes|public|hub-search|all] [--size 500000]
  [--pglite-size N] [--data ../shared/data] [--server ${defaultServerUrl}] [--warmup 20] [--out bench/results/latest.md]
  [--keep]         keep the PostgreSQL database (for EXPLAIN); its name is printed
  [--report-runs 20] exports timed in the report part
  [--repeat 15]    runs of each query in the dashboards part
  [--duration 600] seconds of the writes part (search under writes; not in --part all)
  [--app http://127.0.0.1:3000]  a running app with the demo State (npm start), for the wire, lighthouse and load parts
  [--runs 3]       Lighthouse runs of each page (the median is printed)
  [--pages all|app|public]  the lighthouse part's pages: signed-in app pages, the public portal's (signed out), or both
  [--connections 50] [--seconds 10]  the load part's autocannon settings`;

const { values: flags } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    part: { type: 'string', default: 'all' },
    size: { type: 'string', default: '500000' },
    'pglite-size': { type: 'string' },
    data: { type: 'string', default: '../shared/data' },
    server: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? defaultServerUrl },
    warmup: { type: 'string', default: '20' },
    'report-runs': { type: 'string', default: '20' },
    repeat: { type: 'string', default: '15' },
    duration: { type: 'string', default: '600' },
    out: { type: 'string', default: 'bench/results/latest.md' },
    keep: { type: 'boolean', default: false },
    app: { type: 'string', default: process.env.BENCH_APP_URL ?? 'http://127.0.0.1:3000' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    pages: { type: 'string', default: 'all' },
    help: { type: 'boolean', default: false },
  },
});
if (
  flags.help ||
  !['postgres', 'pglite', 'both'].includes(flags.db) ||
  ![
    'import',
    'search',
    'dashboards',
    'report',
    'bundle',
    'wire',
    'lighthouse',
    'load',
    'writes',
    'public',
    'hub-search',
    'all',
  ].includes(flags.part)
) {
  console.log(usage);
  process.exit(flags.help ? 0 : 1);
}
const appParts = ['bundle', 'wire', 'lighthouse', 'load', 'public'];
const kinds: BenchKind[] = appParts.includes(flags.part)
  ? []
  : flags.db === 'both'
    ? ['postgres', 'pglite']
    : [flags.db as BenchKind];
const dataDir = resolve(flags.data);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Tables by block ("postgres:search", "bundle"…): a run replaces only the blocks it measured. */
const sections = new Map<string, string[]>();
const print = (block: string, table: Table) => {
  const text = renderTable(table);
  console.log(`\n${text}`);
  sections.set(block, [...(sections.get(block) ?? []), text]);
};

if (flags.part === 'bundle' || flags.part === 'all') {
  log('bundle: vite build');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  print('bundle', bundleTable(measureFirstLoads(resolve('.'))));
}

// The wire and load parts measure a running app (its demo State), not a benchmark database.
const machine = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ')} (1/5/15 min)`;
if (flags.part === 'wire') {
  log(`wire: ${flags.app}, ${machine()}`);
  const result = await runWireBench(flags.app, log);
  result.tables[0]?.notes?.push(`Machine: ${machine()} at the end of the run.`);
  for (const table of result.tables) print('wire', table);
}
if (flags.part === 'public') {
  log(`public: ${machine()}`);
  const tables = await runPublicBench(Number(flags.repeat) * 20, log);
  tables[0]?.notes?.push(`Machine: ${machine()} at the end of the run.`);
  for (const table of tables) print('public', table);
}

if (flags.part === 'lighthouse') {
  log(`lighthouse: ${flags.app}, ${machine()}`);
  const pages = flags.pages === 'app' || flags.pages === 'public' ? flags.pages : 'all';
  const result = await runLighthouseBench(flags.app, { runs: Number(flags.runs), pages }, log);
  result.tables[0]?.notes?.push(`Machine: ${machine()} at the end of the run.`);
  for (const table of result.tables) print('lighthouse', table);
}
if (flags.part === 'load') {
  log(`load: ${flags.app}, ${machine()}`);
  const result = await runLoadBench(
    flags.app,
    { connections: Number(flags.connections), seconds: Number(flags.seconds) },
    log,
  );
  for (const table of result.tables) print('load', table);
}

for (const kind of kinds) {
  log(`${kind}: fresh database`);
  const bench = await openBenchDatabase(kind, flags.server);
  if (flags.keep) log(`  database: ${bench.name}`);
  try {
    const version = await sql<{ v: string }>`select version() as v`.execute(bench.db);
    log(`  ${version.rows[0]?.v}`);
    if (flags.part === 'hub-search') {
      // A hub's database: its search table alone (100,000 rows by default), nothing of a register.
      const size = flags.size === '500000' ? 100_000 : Number(flags.size);
      const runs = Math.max(20, Number(flags.repeat) * 2);
      const result = await runHubSearchBench(bench, dataDir, { size, warmup: 3, runs }, log);
      for (const table of result.tables) print(`${kind}:hub-search`, table);
      continue;
    }
    if (flags.part === 'report') {
      // A database of its own size: the real documents and a 500-recommendation report, nothing else.
      const result = await runReportBench(bench, dataDir, { runs: Number(flags['report-runs']) }, log);
      for (const table of result.tables) print(`${kind}:report`, table);
      continue;
    }
    if (flags.part === 'import' || flags.part === 'all') {
      const result = await runImportBench(bench, dataDir, log);
      for (const table of result.tables) print(`${kind}:import`, table);
    } else await importAll(bench, dataDir, log);
    if (flags.part === 'all') {
      // The report part on a fresh database of its own after the others.
      const own = await openBenchDatabase(kind, flags.server);
      try {
        const result = await runReportBench(own, dataDir, { runs: Number(flags['report-runs']) }, log);
        for (const table of result.tables) print(`${kind}:report`, table);
      } finally {
        await own.close();
      }
    }
    if (flags.part !== 'import') {
      const size = Number(kind === 'pglite' ? (flags['pglite-size'] ?? flags.size) : flags.size);
      const built = await timed(() => buildCorpus(bench, size, log));
      const corpus = built.result;
      log(`  corpus of ${int(corpus.size)} built in ${Math.round(built.ms / 1000)} s`);
      if (flags.part === 'writes') {
        const options = { ...defaultWritesOptions, durationS: Number(flags.duration) };
        const result = await runWritesBench(bench, corpus.sources, corpus.size, options, log);
        for (const table of result.tables) print(`${kind}:writes`, table);
      } else if (flags.part !== 'dashboards') {
        const result = await runSearchBench(bench, corpus.sources, corpus.size, { warmup: Number(flags.warmup) }, log);
        result.tables[0]?.notes?.push(
          `Corpus: ${int(corpus.fromImport)} imported rows + ${int(corpus.size - corpus.fromImport)} generated ` +
            `(seeded recombination of the real texts), loaded by COPY with indexes rebuilt, then VACUUM ANALYZE: ` +
            `${Math.round(built.ms / 1000)} s.`,
        );
        for (const table of result.tables) print(`${kind}:search`, table);
      }
      // After search: the dashboards part adds assignments and history, which search must not see.
      if (flags.part === 'dashboards' || flags.part === 'all') {
        const dashboards = await runDashboardsBench(bench, corpus.size, { repeat: Number(flags.repeat) }, log);
        for (const table of dashboards.tables) print(`${kind}:dashboards`, table);
      }
    }
  } finally {
    await bench.close(flags.keep);
  }
}

// One block per database and part in the results file: a run replaces only the blocks it measured.
const header = `${new Date().toISOString().slice(0, 10)}; ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
const previous = await readFile(flags.out, 'utf8').catch(() => '');
const blocks = new Map<string, string>(
  [...previous.matchAll(/<!-- (\S+) -->[\s\S]*?<!-- \/\1 -->/g)].map((match) => [match[1] as string, match[0]]),
);
const titles: Record<string, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };
for (const [block, tables] of sections) {
  const [kind, part] = block.split(':');
  const own: Record<string, string> = {
    bundle: 'Web bundle',
    wire: 'Web: bytes on the wire',
    lighthouse: 'Web: Lighthouse',
    load: 'API under load',
  };
  const title = own[block] ?? `${titles[kind as string]}: ${part}`;
  blocks.set(
    block,
    `<!-- ${block} -->\n## ${title}\n\n\`${command}\`, ${header}.\n\n${tables.join('\n\n')}\n<!-- /${block} -->`,
  );
}
const order = [
  'bundle',
  'wire',
  'lighthouse',
  'load',
  ...['postgres', 'pglite'].flatMap((kind) =>
    ['import', 'search', 'writes', 'dashboards', 'report', 'hub-search'].map((part) => `${kind}:${part}`),
  ),
];
const rank = (block: string) => (order.includes(block) ? order.indexOf(block) : order.length);
const written = [...blocks.keys()].sort((a, b) => rank(a) - rank(b)).map((block) => blocks.get(block));
await mkdir(resolve(flags.out, '..'), { recursive: true });
await writeFile(flags.out, `# Benchmark results\n\n${written.join('\n\n')}\n`);
log(`written to ${flags.out}`);
