import { request } from 'node:http';
import { brotliCompressSync, constants } from 'node:zlib';
import { sql } from 'kysely';
import { createTestApp } from '../tests/app';
import { makeAssignment, makeEntity, makeRecommendations, makeReview, makeUser } from '../tests/factories';
import { int, ms, percentile, type Table } from './table';

/**
 * The public portal (decision 032) in one process on PGlite: a published review of 300
 * recommendations with entities, statuses and 60 published updates, served over loopback HTTP.
 * Prints, per public page type, the first load's bytes (HTML as sent with brotli, and its
 * JavaScript: none) and the time to serve it from the anonymous cache (keep-alive, sequential),
 * with the first (uncached) render for comparison.
 */
export async function runPublicBench(repeat: number, log: (line: string) => void): Promise<Table[]> {
  const test = await createTestApp();
  try {
    const db = test.handle.db;
    log('public: seeding a published review');
    const coordinator = await makeUser(db, { role: 'coordinator' });
    const review = await makeReview(db, { symbol: 'A/HRC/58/14' });
    const recs = await makeRecommendations(
      db,
      review,
      Array.from({ length: 300 }, (_, index) => ({
        number: `120.${index + 1}`,
        text_en: `Take further measures to guarantee the right to adequate housing and education, item ${index + 1}`,
        sdg_goals: [1 + (index % 17)],
        status: ['not_started', 'in_progress', 'partially_implemented'][index % 3] as string,
      })),
    );
    const ministry = await makeEntity(db, { name: 'Ministry of Labour, Family, Social Affairs' });
    const lrg = await makeEntity(db, { kind: 'lrg', name: 'City Municipality of Ljubljana' });
    for (const [index, rec] of recs.entries()) {
      await makeAssignment(db, rec.id, ministry.id);
      if (index % 5 === 0) await makeAssignment(db, rec.id, lrg.id, { role: 'supporting' });
    }
    await db
      .insertInto('progress_updates')
      .values(
        recs.slice(0, 60).map((rec, index) => ({
          recommendation_id: rec.id,
          entity_id: index % 2 ? ministry.id : lrg.id,
          narrative: `<p>Measures taken in 2025 for item ${index + 1}: a law, a budget line and a survey.</p>`,
          status: 'validated' as const,
          validated_at: new Date(),
        })),
      )
      .execute();
    await db
      .insertInto('publications')
      .values({ subject: 'review', record_id: review.id, published: true, decided_by: coordinator.id })
      .execute();
    await sql`insert into publications (subject, record_id, published)
      select 'progress_update', id, true from progress_updates`.execute(db);

    const address = await test.app.listen({ port: 0, host: '127.0.0.1' });
    const pages = [
      { type: 'overview (dashboard)', path: '/public/en/' },
      { type: 'register, first page', path: '/public/en/recommendations' },
      { type: 'register, search + facet', path: '/public/en/recommendations?q=housing&sdg=4' },
      { type: 'recommendation', path: `/public/en/recommendations/${recs[0]!.id}` },
      { type: 'recommendation (Arabic)', path: `/public/ar/recommendations/${recs[0]!.id}` },
      { type: 'review', path: `/public/en/reviews/${review.id}` },
      { type: 'entity (LRG)', path: `/public/en/entities/${lrg.id}` },
      { type: 'mechanism', path: '/public/en/mechanisms/upr' },
      { type: 'SDG goal', path: '/public/en/sdgs/4' },
      { type: '404 (unknown id)', path: '/public/en/recommendations/00000000-0000-4000-8000-000000000000' },
    ];
    const rows: (string | number)[][] = [];
    const allHits: number[] = [];
    for (const page of pages) {
      const first = await fetchPage(address, page.path);
      const times: number[] = [];
      const server: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const hit = await fetchPage(address, page.path);
        if (hit.cache !== 'hit') throw new Error(`${page.path}: not served from the cache`);
        times.push(hit.ms);
        server.push(hit.serverMs);
      }
      times.sort((a, b) => a - b);
      server.sort((a, b) => a - b);
      allHits.push(...server);
      const scripts = (first.body.match(/<script/gi) ?? []).length;
      const wire = brotliCompressSync(first.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
      rows.push([
        page.type,
        first.status,
        int(Buffer.byteLength(first.body)),
        int(wire),
        scripts === 0 ? '0' : `${scripts} scripts`,
        ms(first.ms),
        percentile(server, 50).toFixed(2),
        percentile(server, 95).toFixed(2),
        ms(percentile(times, 95)),
      ]);
    }
    allHits.sort((a, b) => a - b);
    return [
      {
        title: 'Public portal: first-load bytes and anonymous cache (PGlite, loopback HTTP)',
        headers: [
          'page type',
          'status',
          'HTML bytes',
          'brotli bytes',
          'JS bytes',
          'first render ms',
          'cached p50 ms',
          'cached p95 ms',
          'round trip p95 ms',
        ],
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
        rows,
        notes: [
          `All cached requests: server p95 ${percentile(allHits, 95).toFixed(2)} ms over ${allHits.length} requests (target < 5 ms).`,
          "Cached p50/p95: the server's time from the public routes' first hook to the answer ready (its server-timing header); round trip: as the client on loopback sees it (keep-alive, one at a time, client and server in one process, so it carries the machine's load). First render: the uncached round trip. Brotli bytes: the HTML compressed as the server sends it (quality 4). No page has a script.",
        ],
      },
    ];
  } finally {
    await test.close();
  }
}

const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 1 });

function fetchPage(
  base: string,
  path: string,
): Promise<{ status: number; body: string; cache: string; ms: number; serverMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { agent, headers: { 'accept-encoding': 'identity' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          cache: String(response.headers['x-public-cache'] ?? ''),
          serverMs: Number(/dur=([\d.]+)/.exec(String(response.headers['server-timing'] ?? ''))?.[1] ?? Number.NaN),
          ms: performance.now() - started,
        }),
      );
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
