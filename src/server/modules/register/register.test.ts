import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { readFixture } from '../../../../tests/fixtures';
import { facetNames, recommendationSearchSchema } from '../../../shared/schemas/register';
import {
  facetLimits,
  matchText,
  parsedQueries,
  readRegisterGeneration,
  searchIndexFor,
  warmSearchIndex,
} from '../search';
import { findBodies } from './labels.repo';
import { countFacet, countMatches, findPage } from './search.repo';

let test: TestApp;
let coordinator: Client;
let viewer: Client;

async function importFile(path: string) {
  const preview = await test.app.inject({
    method: 'POST',
    url: `/api/imports?fileName=${encodeURIComponent(path.split('/').pop() ?? path)}`,
    headers: {
      cookie: coordinator.cookie,
      'x-csrf-token': coordinator.csrfToken,
      'content-type': 'application/octet-stream',
    },
    payload: readFixture(path),
  });
  expect(preview.statusCode, preview.body).toBe(201);
  const applied = await coordinator.request('POST', `/api/imports/${preview.json().importId}/apply`, {});
  expect(applied.statusCode, applied.body).toBe(200);
}

beforeAll(async () => {
  test = await createTestApp();
  coordinator = await signInNew(test, 'coordinator');
  viewer = await signInNew(test, 'viewer');
  await importFile('upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf');
  await importFile('upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf');
  await importFile('ohchr-thematic-lists/slovenia-upr-cycle4-thematic-list.docx');
  await importFile('concluding-observations/CRPD_C_GRC_CO_1_es.pdf');
  await importFile('concluding-observations/CRPD_C_NOR_CO_1_fr.pdf');
}, 120_000);
afterAll(() => test.close());

const search = async (query: string, client = viewer) => {
  const response = await client.request('GET', `/api/recommendations?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('finding recommendations', () => {
  it('stems each language: "discapacidad" finds Spanish paragraphs, "handicapées" French ones', async () => {
    const es = await search('q=discapacidad');
    expect(es.total).toBeGreaterThan(10);
    expect(es.items.every((item: { bodyCode: string }) => item.bodyCode === 'CRPD')).toBe(true);
    expect(es.items[0].snippet).toContain('\u0002');
    const fr = await search(`q=${encodeURIComponent('personnes handicapées')}`);
    expect(fr.total).toBeGreaterThan(5);
    expect(fr.items[0].textLang).toBe('fr');
  });

  it('ignores accents and honours quoted phrases', async () => {
    const plain = await search('q=educacion');
    const accented = await search(`q=${encodeURIComponent('educación')}`);
    expect(plain.total).toBeGreaterThan(0);
    expect(plain.total).toBe(accented.total);
    const phrase = await search(`q=${encodeURIComponent('"persons with disabilities"')}`);
    const reversed = await search(`q=${encodeURIComponent('"disabilities with persons"')}`);
    const words = await search(`q=${encodeURIComponent('disabilities with persons')}`);
    expect(phrase.total).toBeGreaterThan(0);
    expect(reversed.total).toBe(0);
    expect(words.total).toBeGreaterThanOrEqual(phrase.total);
  });

  it('corrects a typo when the words as typed find nothing', async () => {
    const result = await search('q=discrimnation');
    expect(result.correctedQuery).toBe('discrimination');
    expect(result.total).toBeGreaterThan(0);
  });

  it('counts facets without their own filter, and filters by them', async () => {
    const all = await search('pageSize=5');
    expect(all.total).toBeGreaterThan(254);
    const body = Object.fromEntries(all.facets.body.map((f: { value: string; count: number }) => [f.value, f.count]));
    expect(body.UPR).toBe(254);
    const upr = await search('body=UPR&position=noted&pageSize=5');
    expect(upr.total).toBe(37);
    // The body facet still shows CRPD's count while filtering on UPR (multi-select).
    expect(upr.facets.body.find((f: { value: string }) => f.value === 'CRPD')).toBeUndefined();
    const byPosition = Object.fromEntries(
      upr.facets.position.map((f: { value: string; count: number }) => [f.value, f.count]),
    );
    expect(byPosition).toMatchObject({ supported: 217, noted: 37 });
    expect(upr.facets.theme.length).toBeGreaterThan(0);
    const theme = upr.facets.theme[0];
    const themed = await search(`body=UPR&theme=${theme.value}&pageSize=1`);
    expect(themed.total).toBe(all.facets.theme.find((f: { value: string }) => f.value === theme.value).count);
    const state = await search('state=FR&pageSize=50');
    expect(state.total).toBeGreaterThan(0);
    expect(state.items.every((item: { recommendingStates: string[] }) => item.recommendingStates.includes('FR'))).toBe(
      true,
    );
  });

  it('pages on the server and sorts by number', async () => {
    const first = await search('body=UPR&sort=number&pageSize=10&page=1');
    const second = await search('body=UPR&sort=number&pageSize=10&page=2');
    expect(first.items.map((i: { number: string }) => i.number)).toEqual(
      Array.from({ length: 10 }, (_, n) => `140.${n + 1}`),
    );
    expect(second.items[0].number).toBe('140.11');
  });

  it('answers through the in-memory facet index exactly as the SQL path counts and pages', async () => {
    const queries = [
      '',
      'q=discapacidad',
      'q=women&position=supported',
      'body=UPR&body=CRPD&theme=THEME',
      'state=FR&state=DE&sort=number',
      'q=education&mechanism=upr&sdgGoal=4',
      'cycle=4&position=noted&page=2&pageSize=10&sort=number',
      `q=${encodeURIComponent('women -violence')}&body=UPR`,
      `q=${encodeURIComponent('women or girls')}&theme=THEME`,
      `q=${encodeURIComponent('"persons with disabilities"')}&position=supported`,
      `q=${encodeURIComponent('derechos humanos')}&sort=number&pageSize=5&page=2`,
      `q=${encodeURIComponent('personnes handicapees')}&sort=newest`,
    ];
    const anyTheme = (await search('pageSize=1')).facets.theme[0].value;
    for (const text of queries) {
      const params = new URLSearchParams(text.replace('THEME', anyTheme));
      const query = recommendationSearchSchema.parse(
        Object.fromEntries(
          [...new Set(params.keys())].map((key) => [
            key,
            params.getAll(key).length > 1 ? params.getAll(key) : params.get(key),
          ]),
        ),
      );
      const viaIndex = await search(new URLSearchParams(text.replace('THEME', anyTheme)).toString());
      const bodies = query.mechanism
        ? (await findBodies(test.handle.db))
            .filter((b) => query.mechanism?.includes(b.mechanism as never))
            .map((b) => b.code)
        : undefined;
      expect(viaIndex.total, text).toBe(await countMatches(test.handle.db, query, bodies));
      for (const facet of facetNames) {
        if (facet === 'mechanism') {
          // The API sums the bodies' counts by mechanism: every row under its own, never "other".
          const byMechanism = new Map<string, number>();
          const mechanismOf = new Map((await findBodies(test.handle.db)).map((body) => [body.code, body.mechanism]));
          for (const entry of await countFacet(test.handle.db, query, 'body', bodies)) {
            const mechanism = mechanismOf.get(entry.value);
            if (mechanism) byMechanism.set(mechanism, (byMechanism.get(mechanism) ?? 0) + entry.count);
          }
          const mechanisms = viaIndex.facets.mechanism.map((entry: { value: string; count: number }) => [
            entry.value,
            entry.count,
          ]);
          expect(new Map(mechanisms), `${text} mechanism`).toEqual(byMechanism);
          continue;
        }
        const sql = await countFacet(test.handle.db, query, facet, bodies);
        const counted = viaIndex.facets[facet].map(({ value, count }: { value: string; count: number }) => ({
          value,
          count,
        }));
        // Same values and counts; SQL leaves open the order of equal counts, and which of them a full list cuts.
        const cut = sql.length === facetLimits[facet] ? (sql.at(-1)?.count ?? 0) : 0;
        const asSet = (list: { value: string; count: number }[]) =>
          new Set(list.filter((f) => f.count > cut).map((f) => `${f.value}:${f.count}`));
        expect(asSet(counted), `${text} ${facet}`).toEqual(asSet(sql));
      }
      if (query.sort === 'number') {
        const page = await findPage(test.handle.db, query, 'en', bodies);
        expect(
          viaIndex.items.map((item: { id: string }) => item.id),
          text,
        ).toEqual(page.map((row) => row.id));
      }
    }
  });

  it('matches words in memory exactly as PostgreSQL matches them, in every language', async () => {
    const db = test.handle.db;
    // The shared documents hold English, French and Spanish: three rows get Russian, Arabic and
    // Chinese texts too (the generated tsvector columns follow).
    const some = await db.selectFrom('recommendations').select('id').orderBy('seq').limit(3).execute();
    const texts = [
      ['text_ru', 'Обеспечить права человека женщин и девочек, в том числе право на образование'],
      ['text_ar', 'ضمان حقوق الإنسان للنساء والفتيات وحق التعليم'],
      ['text_zh', '保障 妇女 和 女童 的 人权 与 受教育权'],
    ] as const;
    for (const [i, [column, text]] of texts.entries())
      await sql`update recommendations set ${sql.ref(column)} = ${text} where id = ${some[i]?.id}`.execute(db);
    const index = await searchIndexFor(db, await readRegisterGeneration(db));
    const text = index?.text;
    if (!index || !text) throw new Error('no text index');
    const queries = [
      'discapacidad',
      'Discapacidades',
      'women',
      'torture',
      'violence',
      'educación',
      'educacion',
      'personnes handicapées',
      'personnes handicapees',
      'niños niñas',
      'women or girls',
      'women -violence',
      '-women',
      'women or -girls',
      'human rights education',
      'Roma minority',
      '"persons with disabilities"',
      '"disabilities with persons"',
      '"national human rights institution"',
      '"human rights"',
      '"national action plan"',
      'children -"human rights"',
      'self-determination',
      'non-discrimination',
      "l'homme",
      'xyzzyqq',
      'the of and',
      'права человека',
      'образование',
      'حقوق الإنسان',
      '人权',
      '妇女 or 女童',
    ];
    // Words absent from these documents (no CAT review here), stop words only, a reversed phrase.
    const noneExpected = [
      'torture',
      '"disabilities with persons"',
      '"national human rights institution"',
      'xyzzyqq',
      'the of and',
    ];
    for (const q of queries) {
      const expected = [...(await matchText(db, q, false)).seqs].sort((a, b) => a - b);
      const found = text.match(await parsedQueries(db, q), true);
      expect(found, q).not.toBeNull();
      const seqs = [...(found?.slots ?? [])].map((slot) => index.seqOf[slot] as number).sort((a, b) => a - b);
      expect(seqs, q).toEqual(expected);
      expect(found?.ranks?.length, q).toBe(seqs.length);
      expect(seqs.length > 0, q).toBe(!noneExpected.includes(q));
    }
    // Relevance through the API: the text index's BM25 scores, highest first, ties in seq order.
    const ranked = await search(`q=${encodeURIComponent('women or girls')}&sort=relevance&pageSize=10&page=2`);
    const scored = text.match(await parsedQueries(db, 'women or girls'), true);
    const bySeq = [...(scored?.slots ?? [])]
      .map((slot, i) => ({ seq: index.seqOf[slot] as number, rank: scored?.ranks?.[i] as number }))
      .sort((a, b) => b.rank - a.rank || a.seq - b.seq)
      .slice(10, 20);
    const ids = await db
      .selectFrom('recommendations')
      .select(['id', 'seq'])
      .where(
        'seq',
        'in',
        bySeq.map((entry) => entry.seq),
      )
      .execute();
    const idOf = new Map(ids.map((row) => [row.seq, row.id]));
    expect(ranked.items.map((item: { id: string }) => item.id)).toEqual(bySeq.map((entry) => idOf.get(entry.seq)));
    expect(new Set(bySeq.map((entry) => entry.rank)).size).toBeGreaterThan(1);
    expect(ranked.items[0].snippet).toContain('\u0002');
  });

  it('keeps answering through SQL while a large register rebuilds its index, then uses the new one', async () => {
    const db = test.handle.db;
    const generation = await readRegisterGeneration(db);
    expect((await searchIndexFor(db, generation))?.generation).toBe(generation);
    // A generation with nothing logged (a term renamed): the index moves to it as it is.
    await sql`update register_generation set generation = generation + 1`.execute(db);
    expect(await searchIndexFor(db, generation + 1, 0)).toBeDefined();
    // A change the log cannot name row by row (a truncate): the index is rebuilt. As if the
    // register were too large to rebuild before answering: no index for now.
    await sql`with moved as (update register_generation set generation = generation + 1 returning generation)
      insert into register_changes (position, seq) select generation, null from moved`.execute(db);
    const truncated = generation + 2;
    expect(await searchIndexFor(db, truncated, 0)).toBeUndefined();
    const rebuilt = await warmSearchIndex(db);
    expect(rebuilt?.generation).toBe(truncated);
    expect(await searchIndexFor(db, truncated, 0)).toBe(rebuilt);
  });

  it('refuses a malformed filter, naming it', async () => {
    const response = await viewer.request('GET', '/api/recommendations?sdgTarget=not-a-target');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toContain('sdgTarget');
  });
});

describe('the recommendation page and edits', () => {
  it('shows text, source, status history; a status change joins the history; a stale edit gets 409', async () => {
    const before = await search('body=UPR&sort=number&pageSize=1');
    const [item] = before.items;
    expect(before.facets.status.map((f: { value: string }) => f.value)).toEqual(['not_started']);
    const detail = (await viewer.request('GET', `/api/recommendations/${item.id}`)).json();
    expect(detail).toMatchObject({ number: '140.1', review: { symbol: 'A/HRC/59/15', bodyCode: 'UPR' } });
    // The report, the list and the State's views (the source of the position, decision 017).
    expect(detail.sources.length).toBe(3);
    expect(detail.statusHistory).toHaveLength(1);
    // The import set the first status: a typed cause naming the import, no note to parse.
    expect(detail.statusHistory[0]).toMatchObject({
      cause: { kind: 'import', importId: detail.sources[0].importId },
      note: null,
    });

    const changed = await coordinator.request('PATCH', `/api/recommendations/${item.id}`, {
      status: 'in_progress',
      statusNote: 'Bill tabled',
      version: detail.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().statusHistory[0]).toMatchObject({
      status: 'in_progress',
      previousStatus: 'not_started',
      cause: { kind: 'edit' },
      note: 'Bill tabled',
    });
    const stale = await coordinator.request('PATCH', `/api/recommendations/${item.id}`, {
      status: 'implemented',
      version: detail.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await search('status=in_progress')).total).toBe(1);
    // The same search again: its cached facet counts were invalidated by the change.
    const again = await search('body=UPR&sort=number&pageSize=1');
    expect(again.facets.status.find((f: { value: string }) => f.value === 'in_progress')?.count).toBe(1);
    const after = (await viewer.request('GET', `/api/recommendations/${item.id}`)).json();
    expect(after.changes[0]).toMatchObject({
      action: 'update',
      after: { status: 'in_progress' },
      before: { status: 'not_started' },
    });

    const denied = await viewer.request('PATCH', `/api/recommendations/${item.id}`, {
      status: 'implemented',
      version: detail.version + 1,
    });
    expect(denied.statusCode).toBe(403);
    const unknown = await coordinator.request('PATCH', `/api/recommendations/${item.id}`, {
      status: 'finished-ish',
      version: detail.version + 1,
    });
    expect(unknown.json().error.issues[0].path).toBe('status');
    expect((await viewer.request('GET', '/api/recommendations/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });

  it('batch-edits a selection: SDG target, cluster and duplicate links', async () => {
    const items = (await search('q=Roma&body=UPR&pageSize=3')).items;
    expect(items.length).toBe(3);
    const cluster = await coordinator.request('POST', '/api/clusters', { name: 'Roma inclusion' });
    expect(cluster.statusCode).toBe(201);
    const ids = items.map((i: { id: string }) => i.id);
    const batch = await coordinator.request('POST', '/api/recommendations/batch', {
      ids,
      addSdgTargets: ['16.3'],
      clusterId: cluster.json().id,
      linkKind: 'related',
    });
    expect(batch.json()).toEqual({ updated: 3, linked: 3 });
    const again = await coordinator.request('POST', '/api/recommendations/batch', { ids, linkKind: 'related' });
    expect(again.json()).toEqual({ updated: 0, linked: 0 });
    const detail = (await viewer.request('GET', `/api/recommendations/${ids[0]}`)).json();
    expect(detail.sdgTargets).toContain('16.3');
    expect(detail.links).toHaveLength(2);
    expect(detail.clusters[0].name).toBe('Roma inclusion');
    expect((await search(`cluster=${cluster.json().id}`)).total).toBe(3);
    expect((await search('sdgGoal=16&q=Roma&body=UPR')).total).toBeGreaterThanOrEqual(3);
    const bad = await coordinator.request('POST', '/api/recommendations/batch', { ids, addSdgTargets: ['99.9'] });
    expect(bad.statusCode).toBe(400);
    const started = await coordinator.request('POST', '/api/recommendations/batch', {
      ids: [ids[0]],
      status: 'in_progress',
    });
    expect(started.json()).toEqual({ updated: 1, linked: 0 });
    const history = (await viewer.request('GET', `/api/recommendations/${ids[0]}`)).json().statusHistory;
    expect(history[0]).toMatchObject({ status: 'in_progress', cause: { kind: 'batch' }, note: null });
  });
});

describe('exports and saved views', () => {
  it('exports the current view to CSV and XLSX', async () => {
    const csv = await viewer.request('GET', '/api/recommendations/export.csv?body=UPR&position=noted');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split(/\r\n/);
    expect(lines).toHaveLength(38);
    expect(lines[0]).toContain('Recommendation');
    // Words, never the stored codes: "Noted" and the status's name, the language by its name.
    const position = lines[0]?.split(',').indexOf('Position') ?? -1;
    const status = lines[0]?.split(',').indexOf('Status') ?? -1;
    const last = lines.at(-1)?.split(',') ?? [];
    expect(last[position]).toBe('Noted');
    expect(last[status]).toBe('Not started');
    expect(csv.body).not.toMatch(/,(noted|not_started|en),/);
    const french = await viewer.request('GET', '/api/recommendations/export.csv?body=UPR&position=noted&lang=fr');
    expect(french.body.split(/\r\n/)[0]).toContain('Recommandation');
    expect(french.body).toContain(',Prise en note,');
    expect(french.body).toContain(',anglais,');
    const xlsx = await viewer.request('GET', '/api/recommendations/export.xlsx?body=UPR&position=noted');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.worksheets[0]?.rowCount).toBe(38);
  });

  it('saves a view per person', async () => {
    const saved = await viewer.request('POST', '/api/saved-views', {
      name: 'Noted UPR',
      query: { body: 'UPR', position: 'noted' },
    });
    expect(saved.statusCode).toBe(201);
    const again = await viewer.request('POST', '/api/saved-views', { name: 'Noted UPR', query: {} });
    expect(again.statusCode).toBe(409);
    expect((await viewer.request('GET', '/api/saved-views')).json()).toHaveLength(1);
    expect((await coordinator.request('GET', '/api/saved-views')).json()).toHaveLength(0);
  });

  it('lists reviews with their status counts', async () => {
    const reviews = (await viewer.request('GET', '/api/reviews')).json();
    const upr = reviews.items.find((r: { symbol: string }) => r.symbol === 'A/HRC/59/15');
    expect(upr.recommendationCount).toBe(254);
    expect(upr.cycle).toBe(4);
  });
});
