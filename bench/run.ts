import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildCorpus } from './corpus';
import { type BenchKind, defaultServerUrl, openBenchDatabase } from './databases';
import { importAll, runImportBench } from './import-bench';
import { runSearchBench } from './search-bench';
import { int, renderTable, type Table, timed } from './table';

const usage = `npm run bench -- [--db postgres|pglite|both] [--part import|search|all] [--size 500000]
  [--pglite-size N] [--data ../shared/data] [--server ${defaultServerUrl}] [--warmup 20] [--out bench/results/latest.md]
  [--keep]         keep the PostgreSQL database (for EXPLAIN); its name is printed`;

const { values: flags } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    part: { type: 'string', default: 'all' },
    size: { type: 'string', default: '500000' },
    'pglite-size': { type: 'string' },
    data: { type: 'string', default: '../shared/data' },
    server: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? defaultServerUrl },
    warmup: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bench/results/latest.md' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (
  flags.help ||
  !['postgres', 'pglite', 'both'].includes(flags.db) ||
  !['import', 'search', 'all'].includes(flags.part)
) {
  console.log(usage);
  process.exit(flags.help ? 0 : 1);
}
const kinds: BenchKind[] = flags.db === 'both' ? ['postgres', 'pglite'] : [flags.db as BenchKind];
const dataDir = resolve(flags.data);
const log = (line: string) => process.stderr.write(`${line}\n`);

const sections = new Map<BenchKind, string[]>(kinds.map((kind) => [kind, []]));
const print = (kind: BenchKind, table: Table) => {
  const text = renderTable(table);
  console.log(`\n${text}`);
  sections.get(kind)?.push(text);
};

for (const kind of kinds) {
  log(`${kind}: fresh database`);
  const bench = await openBenchDatabase(kind, flags.server);
  if (flags.keep) log(`  database: ${bench.name}`);
  try {
    const version = await sql<{ v: string }>`select version() as v`.execute(bench.db);
    log(`  ${version.rows[0]?.v}`);
    if (flags.part !== 'search') {
      const result = await runImportBench(bench, dataDir, log);
      for (const table of result.tables) print(kind, table);
    } else await importAll(bench, dataDir, log);
    if (flags.part !== 'import') {
      const size = Number(kind === 'pglite' ? (flags['pglite-size'] ?? flags.size) : flags.size);
      const built = await timed(() => buildCorpus(bench, size, log));
      const corpus = built.result;
      log(`  corpus of ${int(corpus.size)} built in ${Math.round(built.ms / 1000)} s`);
      const result = await runSearchBench(bench, corpus.sources, corpus.size, { warmup: Number(flags.warmup) }, log);
      result.tables[0]?.notes?.push(
        `Corpus: ${int(corpus.fromImport)} imported rows + ${int(corpus.size - corpus.fromImport)} generated ` +
          `(seeded recombination of the real texts), loaded by COPY with indexes rebuilt, then VACUUM ANALYZE: ` +
          `${Math.round(built.ms / 1000)} s.`,
      );
      for (const table of result.tables) print(kind, table);
    }
  } finally {
    await bench.close(flags.keep);
  }
}

// One section per database in the results file: a run on one database replaces only its own.
const header = `${new Date().toISOString().slice(0, 10)}; ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
const previous = await readFile(flags.out, 'utf8').catch(() => '');
const blocks = (['postgres', 'pglite'] as const).map((kind) => {
  const tables = sections.get(kind);
  if (tables)
    return `<!-- ${kind} -->\n## ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}\n\n\`${command}\`, ${header}.\n\n${tables.join('\n\n')}\n<!-- /${kind} -->`;
  return previous.match(new RegExp(`<!-- ${kind} -->[\\s\\S]*?<!-- /${kind} -->`))?.[0] ?? '';
});
await mkdir(resolve(flags.out, '..'), { recursive: true });
await writeFile(flags.out, `# Benchmark results\n\n${blocks.filter(Boolean).join('\n\n')}\n`);
log(`written to ${flags.out}`);
