import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import { paragraphsOf } from '../../../shared/reports/report-text';
import type { Page } from '../../../shared/schemas/common';
import type { Consultation, ReportDiff, ReportSnapshot, ReportVersion } from '../../../shared/schemas/reports';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { conflict, invalid } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { diffSnapshots } from './reports.diff';
import { requireReport } from './reports.guards';
import { loadReportModel, snapshotOf } from './reports.model';
import { canReports } from './reports.policy';
import { type ReportRow, updateReportAtVersion } from './reports.repo';
import {
  type CommentRow,
  findComment,
  findComments,
  findVersion,
  findVersions,
  insertComment,
  insertVersion,
  setResolved,
} from './reports.versions.repo';

async function saveSnapshot(trx: Executor, actor: Actor, report: ReportRow, note: string | null): Promise<number> {
  const model = await loadReportModel(trx, report);
  const number = await insertVersion(trx, {
    reportId: report.id,
    snapshot: snapshotOf(model),
    note,
    createdBy: actor.user?.id ?? '',
  });
  await recordAudit(trx, actor, {
    action: 'create',
    recordType: 'report_version',
    recordId: report.id,
    after: { number, note, words: model.counts.main },
  });
  return number;
}

/** Freezes the report as it is now: the next version number, with a note. */
export async function saveVersion(deps: Deps, actor: Actor, id: string, note?: string): Promise<ReportVersion> {
  return deps.db.transaction().execute(async (trx) => {
    const { report } = await requireReport(trx, actor, id, 'version', { lock: true });
    if (report.status === 'approved') conflict('issues.report.approved');
    const number = await saveSnapshot(trx, actor, report, note ?? null);
    const { rows } = await findVersions(trx, id, { page: 1, pageSize: 1 });
    const row = rows[0];
    if (!row || row.number !== number) throw new AppError('INTERNAL');
    return presentVersion(row);
  });
}

function presentVersion(row: Awaited<ReturnType<typeof findVersions>>['rows'][number]): ReportVersion {
  return {
    number: row.number,
    note: row.note,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    words: row.words,
  };
}

export async function listVersions(
  deps: Deps,
  actor: Actor,
  id: string,
  page: { page: number; pageSize: number },
): Promise<Page<ReportVersion>> {
  await requireReport(deps.db, actor, id, 'read');
  const { rows, total } = await findVersions(deps.db, id, page);
  return { items: rows.map(presentVersion), total, ...page };
}

async function requireVersion(db: Executor, reportId: string, number: number) {
  const version = await findVersion(db, reportId, number);
  if (!version) throw new AppError('NOT_FOUND');
  return { ...version, snapshot: version.snapshot as ReportSnapshot };
}

export async function diffVersions(
  deps: Deps,
  actor: Actor,
  id: string,
  range: { from: number; to: number },
): Promise<ReportDiff> {
  const { report } = await requireReport(deps.db, actor, id, 'read');
  const [from, to] = await Promise.all([
    requireVersion(deps.db, id, range.from),
    requireVersion(deps.db, id, range.to),
  ]);
  const t = translatorFor(report.language as Locale);
  return diffSnapshots(from, to, t('reports.export.annexHeading'));
}

/** Opens a saved version for consultation: stakeholders read it and comment on its paragraphs. */
export async function openConsultation(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { versionNumber: number; version: number },
): Promise<{ versionNumber: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const { report } = await requireReport(trx, actor, id, 'openConsultation', { lock: true });
    await requireVersion(trx, id, input.versionNumber);
    const patch = { status: 'consultation' as const, consultation_version: input.versionNumber };
    if (!(await updateReportAtVersion(trx, id, input.version, patch))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'report',
      recordId: id,
      before: { status: report.status, consultationVersion: report.consultation_version },
      after: { status: 'consultation', consultationVersion: input.versionNumber },
    });
    return { versionNumber: input.versionNumber };
  });
}

/**
 * Approval by the coordinator: the report as it is now becomes a last version, the
 * consultation closes, and the report no longer changes.
 */
export async function approveReport(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { version: number; note?: string },
): Promise<{ versionNumber: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const { report, user } = await requireReport(trx, actor, id, 'approve', { lock: true });
    if (report.version !== input.version) throw new AppError('STALE_VERSION');
    const t = translatorFor(report.language as Locale);
    const number = await saveSnapshot(trx, actor, report, input.note ?? t('reports.version.approvedNote'));
    const patch = {
      status: 'approved' as const,
      consultation_version: null,
      approved_version: number,
      approved_by: user.id,
      approved_at: new Date(),
    };
    if (!(await updateReportAtVersion(trx, id, input.version, patch))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'report',
      recordId: id,
      before: { status: report.status },
      after: { status: 'approved', approvedVersion: number },
    });
    return { versionNumber: number };
  });
}

function presentComment(row: CommentRow) {
  return {
    id: row.id,
    sectionId: row.section_id,
    paragraph: row.paragraph,
    parentId: row.parent_id,
    body: row.body,
    authorName: row.author_name,
    authorRole: row.author_role,
    resolved: row.resolved,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The version under consultation with its comments. Managers may name another version (the
 * comments of an earlier consultation stay readable); stakeholders see only the open one.
 */
export async function getConsultation(
  deps: Deps,
  actor: Actor,
  id: string,
  versionNumber?: number,
): Promise<Consultation> {
  const { user, report } = await requireReport(deps.db, actor, id, 'consult');
  const manager = canReports(user, 'read');
  const number = manager && versionNumber ? versionNumber : report.consultation_version;
  // The report exists and the reader may see it: "not open for consultation yet" is the answer,
  // not "does not exist".
  if (!number) conflict('issues.report.notInConsultation');
  const version = await requireVersion(deps.db, id, number);
  const comments = await findComments(deps.db, version.id);
  const open = report.status === 'consultation' && report.consultation_version === number;
  return {
    reportId: report.id,
    title: report.title,
    status: report.status,
    versionNumber: number,
    snapshot: version.snapshot,
    comments: comments.map(presentComment),
    canComment: open && canReports(user, 'comment', { status: report.status }),
    canReply: canReports(user, 'reply', { status: report.status }),
  };
}

/** A consulted stakeholder's comment on one paragraph of a section of the open version. */
export async function addComment(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { sectionId: string; paragraph: number; body: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const { user, report } = await requireReport(trx, actor, id, 'comment');
    if (!report.consultation_version) conflict('issues.report.notInConsultation');
    const version = await requireVersion(trx, id, report.consultation_version);
    const section = version.snapshot.sections.find((item) => item.id === input.sectionId);
    if (!section) invalid('sectionId', 'issues.report.unknownSection');
    if (input.paragraph >= Math.max(1, paragraphsOf(section.body).length))
      invalid('paragraph', 'issues.report.unknownParagraph');
    const commentId = await insertComment(trx, {
      reportId: id,
      versionId: version.id,
      sectionId: input.sectionId,
      paragraph: input.paragraph,
      parentId: null,
      body: input.body,
      authorId: user.id,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'report_comment',
      recordId: commentId,
      after: { reportId: id, version: version.number, ...input },
    });
    return { id: commentId };
  });
}

/** The coordinator's answer to a comment, in the same thread. */
export async function replyToComment(deps: Deps, actor: Actor, id: string, commentId: string, body: string) {
  return deps.db.transaction().execute(async (trx) => {
    const { user } = await requireReport(trx, actor, id, 'reply');
    const comment = await findComment(trx, id, commentId);
    if (!comment) throw new AppError('NOT_FOUND');
    const replyId = await insertComment(trx, {
      reportId: id,
      versionId: comment.version_id,
      sectionId: comment.section_id,
      paragraph: comment.paragraph,
      parentId: comment.parent_id ?? comment.id,
      body,
      authorId: user.id,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'report_comment',
      recordId: replyId,
      after: { reportId: id, parentId: comment.parent_id ?? comment.id, body },
    });
    return { id: replyId };
  });
}

export async function resolveComment(deps: Deps, actor: Actor, id: string, commentId: string, resolved: boolean) {
  await deps.db.transaction().execute(async (trx) => {
    await requireReport(trx, actor, id, 'reply');
    const comment = await findComment(trx, id, commentId);
    if (!comment || comment.parent_id) throw new AppError('NOT_FOUND');
    await setResolved(trx, commentId, resolved);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'report_comment',
      recordId: commentId,
      before: { resolved: comment.resolved },
      after: { resolved },
    });
  });
}
