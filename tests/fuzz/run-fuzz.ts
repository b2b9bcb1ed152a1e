import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createTestApp, signInNew, type TestApp } from '../app';
import { makeEntity, makeStateProfile } from '../factories';
import { readFixture } from '../fixtures';
import { type Mutation, mutate, mutationArbitrary } from './mutations';

// The import fuzzer (issue 14's suite): real fixture files, mutated by fast-check, sent through
// the dry run and the apply of every importer on a real database. It reports crashes (a 5xx or
// an INTERNAL error), partial writes (rows changed by an apply that failed), unclear refusals (an
// error that names no file, row, field or page) and the peak RSS.

type Route = 'register' | 'observations' | 'entities';

const targets: { fixture: string; name: string; route: Route }[] = [
  { fixture: 'upr-info/upr-info-sessions-1-5.sample.csv', name: 'upr-info.csv', route: 'register' },
  { fixture: 'countries/country-codes.csv', name: 'entities.csv', route: 'entities' },
  { fixture: 'indicators/who-births-and-women-reproductive-age.xlsx', name: 'who.xlsx', route: 'observations' },
  { fixture: 'indicators/who-births-and-women-reproductive-age.xlsx', name: 'who.xlsx', route: 'register' },
  { fixture: 'ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx', name: 'thematic.docx', route: 'register' },
  {
    fixture: 'upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf',
    name: 'addendum.pdf',
    route: 'register',
  },
];

export interface Finding {
  case: number;
  target: string;
  mutation: MutationSummary;
  problem: 'crash' | 'partial write' | 'unclear refusal';
  detail: string;
}

type MutationSummary = Pick<Mutation, 'kind' | 'fraction' | 'times'> & { at: number[] };

export interface FuzzReport {
  runs: number;
  seed: number;
  byTarget: Record<string, { cases: number; accepted: number; refused: number; applied: number }>;
  findings: Finding[];
  /** RSS once the app and its database are up, before the first case. */
  baselineRssMb: number;
  peakRssMb: number;
  seconds: number;
}

interface ErrorJson {
  code?: string;
  params?: Record<string, unknown>;
  issues?: { file?: string; row?: number; path?: string; column?: string; paragraph?: string; page?: number }[];
}

/** A refusal is clear when it names where: a file, row, column, field, paragraph or page. */
const isClear = (error: ErrorJson) =>
  typeof error.params?.file === 'string' ||
  (error.issues ?? []).some(
    (i) => i.file || i.row !== undefined || i.path || i.column || i.paragraph || i.page !== undefined,
  );

export async function runFuzz(options: {
  runs: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<FuzzReport> {
  const started = performance.now();
  const test: TestApp = await createTestApp({ UPLOAD_MAX_MB: 50 });
  const db = test.handle.db;
  await makeStateProfile(db);
  const coordinator: Client = await signInNew(test, 'coordinator');
  const owner = await makeEntity(db, { kind: 'ministry', name: 'Ministry of Health' });
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
  const indicatorId = created.json().id as string;
  const originals = new Map(targets.map((t) => [t.fixture, readFixture(t.fixture)]));
  const report: FuzzReport = {
    runs: options.runs,
    seed: options.seed,
    byTarget: {},
    findings: [],
    baselineRssMb: Math.round(process.memoryUsage().rss / 1048576),
    peakRssMb: 0,
    seconds: 0,
  };

  const plans = fc.sample(
    fc.record({ target: fc.nat({ max: targets.length - 1 }), mutation: mutationArbitrary, apply: fc.boolean() }),
    { numRuns: options.runs, seed: options.seed },
  );

  const send = (url: string, body: Buffer) =>
    test.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: coordinator.cookie,
        'x-csrf-token': coordinator.csrfToken,
        'content-type': 'application/octet-stream',
      },
      payload: body,
    });
  const count = async () => {
    const n = async (table: 'recommendations' | 'reviews' | 'observations' | 'entities') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return `${await n('reviews')}/${await n('recommendations')}/${await n('observations')}/${await n('entities')}`;
  };

  for (const [index, plan] of plans.entries()) {
    const target = targets[plan.target] as (typeof targets)[number];
    const key = `${target.name} → ${target.route}`;
    report.byTarget[key] ??= { cases: 0, accepted: 0, refused: 0, applied: 0 };
    const stats = report.byTarget[key];
    stats.cases++;
    const m = plan.mutation;
    const summary: MutationSummary = { kind: m.kind, fraction: m.fraction, times: m.times, at: m.at.slice(0, 3) };
    const found = (problem: Finding['problem'], detail: string) =>
      report.findings.push({ case: index, target: key, mutation: summary, problem, detail });
    /** Classifies an answer; true when it accepted the file. */
    const judge = (response: LightMyRequestResponse, embedded?: ErrorJson | null): boolean => {
      if (response.statusCode >= 500) {
        found('crash', `${response.statusCode} ${response.body.slice(0, 300)}`);
        return false;
      }
      const error: ErrorJson | null | undefined =
        response.statusCode >= 400 ? (response.json() as { error: ErrorJson }).error : embedded;
      if (!error) return true;
      if (error.code === 'INTERNAL') found('crash', JSON.stringify(error).slice(0, 300));
      else if (!isClear(error)) found('unclear refusal', JSON.stringify(error).slice(0, 300));
      return false;
    };

    const data = await mutate(originals.get(target.fixture) as Buffer, m);
    const fileName = encodeURIComponent(target.name);
    try {
      if (target.route === 'register') {
        const uploaded = await send(`/api/imports?fileName=${fileName}`, data);
        const preview = uploaded.statusCode === 201 ? (uploaded.json() as { importId: string; error: unknown }) : null;
        const embedded = preview?.error as { error?: ErrorJson } | ErrorJson | null | undefined;
        const ok = judge(uploaded, embedded && 'error' in embedded ? embedded.error : (embedded as ErrorJson | null));
        stats[ok ? 'accepted' : 'refused']++;
        if (preview && plan.apply) {
          const before = await count();
          const applied = await coordinator.request('POST', `/api/imports/${preview.importId}/apply`, {
            confirmForeignState: true,
          });
          judge(applied);
          if (applied.statusCode < 300) stats.applied++;
          else if ((await count()) !== before)
            found('partial write', `apply ${applied.statusCode}: ${before} → ${await count()}`);
        }
      } else {
        const base =
          target.route === 'observations'
            ? `/api/indicators/${indicatorId}/observations/import`
            : '/api/entities/import';
        const step = plan.apply ? 'apply' : 'preview';
        const before = await count();
        const response = await send(`${base}/${step}?fileName=${fileName}`, data);
        const ok = judge(response);
        stats[ok ? 'accepted' : 'refused']++;
        if (step === 'apply' && ok) stats.applied++;
        if (step === 'apply' && !ok && (await count()) !== before)
          found('partial write', `apply ${response.statusCode}: ${before} → ${await count()}`);
      }
    } catch (error) {
      found('crash', `thrown: ${(error as Error).stack?.slice(0, 300)}`);
    }
    report.peakRssMb = Math.max(report.peakRssMb, Math.round(process.memoryUsage().rss / 1048576));
    if (options.log && (index + 1) % 250 === 0)
      options.log(`${index + 1}/${options.runs} cases, ${report.findings.length} findings, RSS ${report.peakRssMb} MB`);
  }
  await test.close();
  report.seconds = Math.round((performance.now() - started) / 1000);
  return report;
}

/** The report as a table: cases per target, then each finding. */
export function formatReport(report: FuzzReport): string {
  const lines = [
    `fuzzing: ${report.runs} cases, seed ${report.seed}, ${report.seconds} s, RSS ${report.baselineRssMb} MB at start, peak ${report.peakRssMb} MB`,
    '',
    '| target | cases | accepted | refused | applied |',
    '|---|---:|---:|---:|---:|',
    ...Object.entries(report.byTarget).map(
      ([target, s]) => `| ${target} | ${s.cases} | ${s.accepted} | ${s.refused} | ${s.applied} |`,
    ),
    '',
    ...(['crash', 'partial write', 'unclear refusal'] as const).map(
      (problem) => `${problem}: ${report.findings.filter((f) => f.problem === problem).length}`,
    ),
    ...report.findings
      .slice(0, 50)
      .map((f) => `  #${f.case} ${f.problem} ${f.target} ${JSON.stringify(f.mutation)}: ${f.detail}`),
  ];
  return lines.join('\n');
}
