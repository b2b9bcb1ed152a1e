import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeCluster } from '../../../../tests/factories';
import { countWords } from '../../../shared/reports/report-text';
import type { ReportDetail, ReportSection } from '../../../shared/schemas/reports';
import { clientAs, coordinator, createReport, entity, recs, reviewId, setUpReportState, test } from './reports.fixture';

setUpReportState();

function sectionWith(report: ReportDetail, recommendationId: string): ReportSection {
  const section = report.sections.find((item) => item.recommendations.some((rec) => rec.id === recommendationId));
  if (!section) throw new Error(`no section holds ${recommendationId}`);
  return section;
}

describe('the report builder', () => {
  it('builds the outline by theme from the review, each section started from the validated updates with their sources', async () => {
    const report = await createReport();
    expect(report.status).toBe('drafting');
    expect(report.wordLimit).toBe(10_700);
    expect(report.annexWordLimit).toBeNull();
    const total = await test.handle.db
      .selectFrom('recommendations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('review_id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(report.sections.flatMap((section) => section.recommendations)).toHaveLength(Number(total.n));
    // Only themes someone reported on make sections; the rest join "Other recommendations", last.
    // A mid-term report is framed like the national report: introduction first, developments and challenges last.
    const headings = report.sections.map((section) => section.heading);
    expect(headings[0]).toBe('Introduction and methodology');
    expect(headings.slice(-3)).toEqual([
      'Other recommendations',
      'New developments since the previous review',
      'Challenges and constraints',
    ]);
    expect(report.sections.filter((section) => section.body === '').map((section) => section.heading)).toEqual([
      'Introduction and methodology',
      'Other recommendations',
      'New developments since the previous review',
      'Challenges and constraints',
    ]);

    const first = sectionWith(report, recs[0]?.id ?? '');
    expect(first.body).toContain(`[${recs[0]?.number}]`);
    expect(first.body).toContain('The Act on social assistance was amended in 2023.');
    expect(first.body).toContain('Ljubljana opened two shelters');
    expect(first.sources.map((source) => source.entityName)).toEqual(
      expect.arrayContaining(['Ministry of Labour, Family and Social Affairs', 'Municipality of Ljubljana']),
    );
    expect(first.sources[0]).toMatchObject({ periodStart: '2023-01-01', periodEnd: '2023-12-31' });
    // A submitted (not validated) update is never pulled in.
    expect(report.sections.some((section) => section.body.includes('Draft still under review'))).toBe(false);
    // The LRG annex lists both municipalities, included by default, each with what it did for which recommendation.
    expect(report.annex.map((entry) => entry.entityName)).toEqual([
      'Municipality of Ljubljana',
      'Municipality of Maribor',
    ]);
    expect(report.annex[0]?.items[0]?.recommendationNumbers).toEqual([recs[0]?.number]);
    expect(report.counts.annex).toBeGreaterThan(5);
    expect(report.counts.main).toBe(report.sections.reduce((sum, section) => sum + section.words, 0));
  });

  it('groups by cluster when asked, the unclustered last', async () => {
    await makeCluster(test.handle.db, [recs[0]?.id ?? '', recs[1]?.id ?? ''], 'Social protection');
    const report = await createReport({ grouping: 'cluster', type: 'upr_national', title: 'By cluster' });
    // A national report opens with its introduction and closes with new developments and challenges.
    expect(report.sections.map((section) => section.heading)).toEqual([
      'Introduction and methodology',
      'Social protection',
      'Other recommendations',
      'New developments since the previous review',
      'Challenges and constraints',
    ]);
    expect(report.sections[1]?.recommendations.map((rec) => rec.id)).toEqual([recs[0]?.id, recs[1]?.id]);
  });

  it('refuses reviews of another body and a body with nothing to report on', async () => {
    const wrong = await coordinator.request('POST', '/api/reports', {
      bodyCode: 'CRC',
      type: 'tb_periodic',
      title: 'x',
      reviewIds: [reviewId],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].message).toBe('issues.report.reviewNotOfBody');
    const empty = await coordinator.request('POST', '/api/reports', {
      bodyCode: 'CRC',
      type: 'tb_periodic',
      title: 'x',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues[0].message).toBe('issues.report.noRecommendations');
  });

  it('refuses a report type that the body’s mechanism does not receive, naming the field', async () => {
    for (const [bodyCode, type] of [
      ['UPR', 'tb_periodic'],
      ['CRC', 'upr_national'],
      ['CRC', 'communication_reply'],
    ]) {
      const response = await coordinator.request('POST', '/api/reports', { bodyCode, type, title: 'x' });
      expect(response.statusCode, `${bodyCode} ${type}`).toBe(400);
      expect(response.json().error.issues).toEqual([{ path: 'type', message: 'issues.report.typeNotForMechanism' }]);
    }
  });

  it('saves a section sanitised; a stale save gets 409 with the other text, and nothing is lost', async () => {
    const report = await createReport();
    const section = sectionWith(report, recs[0]?.id ?? '');
    const url = `/api/reports/${report.id}/sections/${section.id}`;
    const first = await coordinator.request('PUT', url, {
      heading: section.heading,
      body: '<p>Nina wrote this.<script>alert(1)</script></p><p onclick="x()">Second <a href="javascript:x">link</a></p>',
      version: section.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    const saved = first.json() as ReportSection;
    expect(saved.body).toBe('<p>Nina wrote this.</p><p>Second link</p>');
    expect(saved.version).toBe(section.version + 1);
    expect(saved.words).toBe(5 + countWords(section.heading));

    const admin = await clientAs('admin');
    const stale = await admin.request('PUT', url, {
      heading: section.heading,
      body: '<p>Someone else, from the old version.</p>',
      version: section.version,
    });
    expect(stale.statusCode).toBe(409);
    const error = stale.json().error;
    expect(error.code).toBe('SECTION_CHANGED');
    expect(error.params).toMatchObject({ currentVersion: section.version + 1, currentBody: saved.body });
    expect(error.params.updatedBy).toBe('Report coordinator');
    expect(error.message).toContain('Report coordinator');
    const after = (await coordinator.request('GET', `/api/reports/${report.id}`)).json() as ReportDetail;
    expect(sectionWith(after, recs[0]?.id ?? '').body).toBe(saved.body);
  });

  it('warns over the limit with counts, main text and annex apart', async () => {
    const report = await createReport();
    const response = await coordinator.request('PATCH', `/api/reports/${report.id}`, {
      title: report.title,
      wordLimit: 10,
      annexWordLimit: 3,
      version: report.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const over = response.json() as ReportDetail;
    expect(over.counts).toMatchObject({ mainLimit: 10, annexLimit: 3, mainOver: true, annexOver: true });
    expect(over.counts.main).toBeGreaterThan(10);
    const stale = await coordinator.request('PATCH', `/api/reports/${report.id}`, {
      title: 'x',
      wordLimit: 10,
      annexWordLimit: null,
      version: report.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('leaves an LRG out of the annex and back in', async () => {
    const report = await createReport();
    const url = `/api/reports/${report.id}/annex/${entity.maribor}`;
    const out = await coordinator.request('PUT', url, { included: false, version: report.version });
    expect(out.statusCode, out.body).toBe(200);
    const without = out.json() as ReportDetail;
    expect(without.annex.find((entry) => entry.entityId === entity.maribor)?.included).toBe(false);
    expect(without.counts.annex).toBeLessThan(report.counts.annex);
    const ministry = await coordinator.request('PUT', `/api/reports/${report.id}/annex/${entity.ministry}`, {
      included: true,
      version: without.version,
    });
    expect(ministry.statusCode).toBe(404);
    const back = await coordinator.request('PUT', url, { included: true, version: without.version });
    expect((back.json() as ReportDetail).counts.annex).toBe(report.counts.annex);
  });

  it('keeps the text of a section whose recommendation was removed, naming it', async () => {
    const report = await createReport();
    const removed = recs[1];
    if (!removed) throw new Error('no recommendation');
    const before = sectionWith(report, removed.id);
    await test.handle.db.deleteFrom('recommendations').where('id', '=', removed.id).execute();
    const after = (await coordinator.request('GET', `/api/reports/${report.id}`)).json() as ReportDetail;
    expect(after.missingRecommendations).toEqual([{ id: removed.id, number: removed.number, sectionId: before.id }]);
    const section = after.sections.find((item) => item.id === before.id);
    expect(section?.body).toBe(before.body);
    expect(section?.recommendations.find((rec) => rec.id === removed.id)).toMatchObject({
      present: false,
      number: removed.number,
    });
    const exported = await coordinator.request('GET', `/api/reports/${report.id}/export.docx`);
    expect(exported.statusCode).toBe(200);
  });

  it('lists reports paged, newest first, to the secretariat only', async () => {
    const page = await coordinator.request('GET', '/api/reports?page=1&pageSize=2');
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThanOrEqual(6);
    const focal = await clientAs('focal_point');
    expect((await focal.request('GET', '/api/reports')).statusCode).toBe(403);
    const anyId = body.items[0].id;
    expect((await focal.request('GET', `/api/reports/${anyId}`)).statusCode).toBe(404);
    const events = await test.handle.db
      .selectFrom('audit_events')
      .select('record_type')
      .where('record_type', 'in', ['report', 'report_section'])
      .execute();
    expect(events.length).toBeGreaterThan(6);
  });
});

describe('the scope of a report', () => {
  it('keeps to a cluster, a cycle or a saved view of the register, and names a view it cannot use', async () => {
    const cluster = await makeCluster(test.handle.db, [recs[2]?.id ?? '', recs[3]?.id ?? ''], 'Scope cluster');
    const byCluster = await createReport({ clusterIds: [cluster.id], title: 'One cluster' });
    expect(byCluster.sections.flatMap((section) => section.recommendations.map((rec) => rec.id)).sort()).toEqual(
      [recs[2]?.id, recs[3]?.id].sort(),
    );
    // Sections come only from what is in scope: no theme of another recommendation.
    expect(byCluster.sections.filter((section) => section.recommendations.length > 0)).toHaveLength(1);

    const review = await test.handle.db
      .selectFrom('reviews')
      .select('cycle')
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    const otherCycle = await coordinator.request('POST', '/api/reports', {
      bodyCode: 'UPR',
      type: 'upr_mid_term',
      title: 'Another cycle',
      reviewIds: [reviewId],
      cycle: (review.cycle ?? 2) + 1,
    });
    expect(otherCycle.statusCode).toBe(400);
    expect(otherCycle.json().error.issues[0].message).toBe('issues.report.noRecommendations');

    const first = await test.handle.db
      .selectFrom('recommendations')
      .select('theme_ids')
      .where('id', '=', recs[0]?.id ?? '')
      .executeTakeFirstOrThrow();
    const theme = first.theme_ids[0] as number;
    const user = await test.handle.db
      .selectFrom('users')
      .select('id')
      .where('name', '=', 'Report coordinator')
      .executeTakeFirstOrThrow();
    const view = await test.handle.db
      .insertInto('saved_views')
      .values({ user_id: user.id, name: 'One theme', query: JSON.stringify({ theme: [String(theme)] }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const byView = await createReport({ viewId: view.id, title: 'One view' });
    const themed = await test.handle.db
      .selectFrom('recommendations')
      .select('id')
      .where('review_id', '=', reviewId)
      .where(sql<boolean>`theme_ids && ${sql.val([theme])}::int[]`)
      .execute();
    expect(byView.sections.flatMap((section) => section.recommendations).length).toBe(themed.length);

    const unknown = await coordinator.request('POST', '/api/reports', {
      bodyCode: 'UPR',
      type: 'upr_mid_term',
      title: 'x',
      viewId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toMatchObject({ path: 'viewId', message: 'issues.report.unknownView' });
  });
});
