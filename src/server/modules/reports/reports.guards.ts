import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Actor, Executor } from '../../http/context';
import { conflict, signedIn } from '../../lib/guards';
import { canReports, type ReportsAction } from './reports.policy';
import { findReport, lockReport, type ReportRow } from './reports.repo';

// Checks shared by the reports services.

/**
 * Reads (or locks, inside a write) a report the actor may act on. A report the actor may not
 * even list answers 404, one listed but not open to this action answers 403 — except an
 * approved report's edits, a state conflict (409) with a message saying so.
 */
export async function requireReport(
  db: Executor,
  actor: Actor,
  id: string,
  action: ReportsAction,
  options: { lock?: boolean } = {},
): Promise<{ user: SessionUser; report: ReportRow }> {
  const user = signedIn(actor);
  const report = options.lock ? await lockReport(db, id) : await findReport(db, id);
  if (!report) throw new AppError('NOT_FOUND');
  if (!canReports(user, 'read') && !canReports(user, 'consult', { status: report.status }))
    throw new AppError('NOT_FOUND');
  if (!canReports(user, action, { status: report.status })) {
    if (report.status === 'approved' && canReports(user, 'read')) conflict('issues.report.approved');
    throw new AppError('FORBIDDEN');
  }
  return { user, report };
}
