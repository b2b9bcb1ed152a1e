import { describe, expect, it } from 'vitest';
import type { Consultation, ReportDetail, ReportDiff } from '../../../shared/schemas/reports';
import { clientAs, coordinator, createReport, setUpReportState, test } from './reports.fixture';

setUpReportState();

describe('versions, consultation and approval', () => {
  it('saves versions, shows the difference word by word, consults stakeholders and approves', async () => {
    const report = await createReport();
    const section = report.sections[0];
    if (!section) throw new Error('no section');
    const v1 = await coordinator.request('POST', `/api/reports/${report.id}/versions`, { note: 'First draft' });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ number: 1, note: 'First draft', createdBy: 'Report coordinator' });

    const edit = await coordinator.request('PUT', `/api/reports/${report.id}/sections/${section.id}`, {
      heading: section.heading,
      body: '<p>The Government adopted a national housing strategy.</p><p>Shelters opened in two cities.</p>',
      version: section.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const v2 = await coordinator.request('POST', `/api/reports/${report.id}/versions`, {});
    expect(v2.json().number).toBe(2);

    const versions = await coordinator.request('GET', `/api/reports/${report.id}/versions?page=1&pageSize=1`);
    expect(versions.json()).toMatchObject({ total: 2, items: [{ number: 2 }] });

    const diff = (await coordinator.request('GET', `/api/reports/${report.id}/diff?from=1&to=2`)).json() as ReportDiff;
    const changed = diff.sections.find((item) => item.sectionId === section.id);
    expect(changed?.change).toBe('changed');
    const added = changed?.parts
      .filter((part) => part.added)
      .map((part) => part.value)
      .join('');
    expect(added).toContain('national housing strategy');
    expect(diff.sections.filter((item) => item.change === 'changed')).toHaveLength(1);

    // Before consultation opens, a stakeholder sees nothing.
    const stakeholder = await clientAs('stakeholder');
    expect((await stakeholder.request('GET', `/api/reports/${report.id}/consultation`)).statusCode).toBe(404);
    // The coordinator is told why there is nothing to read yet, not that the report does not exist.
    const early = await coordinator.request('GET', `/api/reports/${report.id}/consultation`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.issues[0].message).toBe('issues.report.notInConsultation');

    const current = (await coordinator.request('GET', `/api/reports/${report.id}`)).json() as ReportDetail;
    const open = await coordinator.request('POST', `/api/reports/${report.id}/consultation`, {
      versionNumber: 2,
      version: current.version,
    });
    expect(open.statusCode, open.body).toBe(200);

    const listed = await stakeholder.request('GET', '/api/reports');
    expect(listed.json().items.map((item: { id: string }) => item.id)).toEqual([report.id]);
    expect((await stakeholder.request('GET', `/api/reports/${report.id}`)).statusCode).toBe(403);
    const consultation = (
      await stakeholder.request('GET', `/api/reports/${report.id}/consultation`)
    ).json() as Consultation;
    expect(consultation).toMatchObject({ versionNumber: 2, canComment: true, canReply: false });
    expect(consultation.snapshot.sections[0]?.body).toContain('national housing strategy');

    const comment = await stakeholder.request('POST', `/api/reports/${report.id}/comments`, {
      sectionId: section.id,
      paragraph: 1,
      body: 'Please name the two cities and the number of places.',
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const badParagraph = await stakeholder.request('POST', `/api/reports/${report.id}/comments`, {
      sectionId: section.id,
      paragraph: 7,
      body: 'No such paragraph.',
    });
    expect(badParagraph.statusCode).toBe(400);
    expect(badParagraph.json().error.issues[0].message).toBe('issues.report.unknownParagraph');
    const focal = await clientAs('focal_point');
    expect(
      (
        await focal.request('POST', `/api/reports/${report.id}/comments`, {
          sectionId: section.id,
          paragraph: 0,
          body: 'x',
        })
      ).statusCode,
    ).toBe(404);
    // The coordinator answers, and the stakeholder may not answer in the coordinator's place.
    const commentId = comment.json().id as string;
    expect(
      (await stakeholder.request('POST', `/api/reports/${report.id}/comments/${commentId}/replies`, { body: 'x' }))
        .statusCode,
    ).toBe(403);
    const reply = await coordinator.request('POST', `/api/reports/${report.id}/comments/${commentId}/replies`, {
      body: 'Ljubljana and Maribor, 80 places: added in the next version.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const resolved = await coordinator.request('PATCH', `/api/reports/${report.id}/comments/${commentId}`, {
      resolved: true,
    });
    expect(resolved.statusCode).toBe(200);
    const thread = (await stakeholder.request('GET', `/api/reports/${report.id}/consultation`)).json() as Consultation;
    expect(thread.comments).toHaveLength(2);
    expect(thread.comments[0]).toMatchObject({ paragraph: 1, resolved: true, authorRole: 'stakeholder' });
    expect(thread.comments[1]).toMatchObject({ parentId: commentId, authorName: 'Report coordinator' });

    // Approval freezes the report: a last version, no more edits, the consultation closed.
    const before = (await coordinator.request('GET', `/api/reports/${report.id}`)).json() as ReportDetail;
    const approve = await coordinator.request('POST', `/api/reports/${report.id}/approve`, { version: before.version });
    expect(approve.statusCode, approve.body).toBe(200);
    expect(approve.json().versionNumber).toBe(3);
    const approved = (await coordinator.request('GET', `/api/reports/${report.id}`)).json() as ReportDetail;
    expect(approved).toMatchObject({ status: 'approved', approvedVersion: 3, canEdit: false });
    const late = await coordinator.request('PUT', `/api/reports/${report.id}/sections/${section.id}`, {
      heading: 'x',
      body: '<p>x</p>',
      version: approved.sections[0]?.version ?? 1,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.issues[0].message).toBe('issues.report.approved');
    expect((await stakeholder.request('GET', `/api/reports/${report.id}/consultation`)).statusCode).toBe(404);
    // Managers still read the comments of the closed consultation.
    const history = await coordinator.request('GET', `/api/reports/${report.id}/consultation?version=2`);
    expect(history.json().comments).toHaveLength(2);

    const audit = await test.handle.db
      .selectFrom('audit_events')
      .select('record_type')
      .where('record_type', 'in', ['report_version', 'report_comment'])
      .execute();
    expect(audit.length).toBe(3 + 3);
  });
});
