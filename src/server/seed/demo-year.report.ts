import { createReportSchema } from '../../shared/schemas/reports';
import { createReport, getReport } from '../modules/reports/reports.service';
import {
  addComment,
  getConsultation,
  openConsultation,
  replyToComment,
  saveVersion,
} from '../modules/reports/reports.versions.service';
import { coordinatorEmail, type DemoWorld } from './demo-year';
import { demoReportComments, demoReportReply } from './demo-year.data';
import { demoActor } from './demo-year.repo';

/**
 * The voluntary mid-term report on the fourth cycle: drafted six weeks ago from the validated
 * updates (the builder's outline), its first version opened for consultation a month ago; the
 * Ombudsman and a civil-society centre commented on paragraphs and the coordinator answered one.
 * Still in consultation: the stakeholders' home shows it, the coordinator has comments to answer.
 */
export async function playReport(world: DemoWorld): Promise<void> {
  const { deps, act } = world;
  const coordinator = await demoActor(deps.db, coordinatorEmail);
  const reviewId = world.latest[0]?.review_id;
  if (!reviewId) return;
  let reportId = '';
  await act(40, async () => {
    // Parsed as the route parses it, so the schema's defaults (an empty cluster list…) apply.
    const input = createReportSchema.parse({
      bodyCode: 'UPR',
      type: 'upr_mid_term',
      title: 'Voluntary mid-term report of Slovenia on the fourth cycle of the Universal Periodic Review',
      language: 'en',
      reviewIds: [reviewId],
      grouping: 'theme',
    });
    const report = await createReport(deps, coordinator, input);
    reportId = report.id;
  });
  await act(30, async () => {
    const version = await saveVersion(
      deps,
      coordinator,
      reportId,
      'Draft for consultation with the Ombudsman and civil society',
    );
    const report = await getReport(deps, coordinator, reportId);
    await openConsultation(deps, coordinator, reportId, { versionNumber: version.number, version: report.version });
  });
  const consultation = await getConsultation(deps, coordinator, reportId);
  // The sections that have text: the ones the validated updates started.
  const sections = consultation.snapshot.sections.filter((section) => section.body.includes('<p'));
  const commented: { email: string; body: string; daysAgo: number }[] = [
    { email: 'stakeholder@demo.implementa.example', body: demoReportComments[0] ?? '', daysAgo: 21 },
    { email: 'stakeholder@demo.implementa.example', body: demoReportComments[1] ?? '', daysAgo: 20 },
    { email: 'tina.petek@demo.implementa.example', body: demoReportComments[2] ?? '', daysAgo: 16 },
  ];
  const ids: string[] = [];
  for (const [index, comment] of commented.entries()) {
    const section = sections[index % Math.max(1, sections.length)];
    if (!section) break;
    await act(comment.daysAgo, async () => {
      const author = await demoActor(deps.db, comment.email);
      ids.push(
        (await addComment(deps, author, reportId, { sectionId: section.id, paragraph: 0, body: comment.body })).id,
      );
    });
  }
  const first = ids[0];
  if (first)
    await act(14, () => replyToComment(deps, coordinator, reportId, first, demoReportReply).then(() => undefined));
}
