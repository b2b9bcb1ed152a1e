import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { FollowUpGradeInput, FollowUpItem, FollowUpQuery } from '../../../shared/schemas/progress';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { scopeOf } from '../assignments/scope';
import { saveChange } from '../register/changes.service';
import { findFollowUp, findFollowUps } from './follow-up.repo';
import { canProgress } from './progress.policy';
import { isoDay } from './progress.presenter';

type Row = Awaited<ReturnType<typeof findFollowUps>>['rows'][number];

function present(row: Row): FollowUpItem {
  return {
    id: row.id,
    number: row.number,
    bodyCode: row.body_code,
    reviewId: row.review_id,
    reviewSymbol: row.review_symbol,
    text: row.text,
    status: row.status,
    followUpDue: isoDay(row.follow_up_due),
    grade: (row.follow_up_grade as FollowUpItem['grade']) ?? null,
    gradedAt: isoDay(row.follow_up_graded_at),
    gradeDocument: row.follow_up_grade_document,
    overdue: row.overdue,
    version: row.version,
  };
}

/** The follow-up recommendations the reader may see, by deadline. */
export async function listFollowUps(db: Database, actor: Actor, query: FollowUpQuery): Promise<Page<FollowUpItem>> {
  const user = signedIn(actor);
  const { rows, total } = await findFollowUps(db, await scopeOf(db, user), query, actor.locale);
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

/** Records the committee's grade of the State's follow-up reply on one recommendation (coordinators). */
export async function gradeFollowUp(
  db: Database,
  actor: Actor,
  id: string,
  input: FollowUpGradeInput,
): Promise<FollowUpItem> {
  const user = signedIn(actor);
  if (!canProgress(user, 'grade')) throw new AppError('FORBIDDEN');
  if (input.grade === null && (input.gradedAt || input.gradeDocument))
    throw new AppError('VALIDATION', { issues: [{ path: 'grade', message: 'issues.required' }] });
  if (input.gradedAt && input.gradedAt > new Date().toISOString().slice(0, 10))
    throw new AppError('VALIDATION', { issues: [{ path: 'gradedAt', message: 'issues.followUp.gradedInFuture' }] });
  await db.transaction().execute(async (trx) => {
    const before = await findFollowUp(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (!before.follow_up)
      throw new AppError('VALIDATION', { issues: [{ path: 'grade', message: 'issues.followUp.notFollowUp' }] });
    const patch = {
      follow_up_grade: input.grade,
      follow_up_graded_at: input.gradedAt,
      follow_up_grade_document: input.gradeDocument,
    };
    // A grade changes no status: the register saves it as an edit of the recommendation, audited.
    await saveChange(trx, actor, {
      id,
      version: input.version,
      status: before.status,
      before: {
        follow_up_grade: before.follow_up_grade,
        follow_up_graded_at: isoDay(before.follow_up_graded_at),
        follow_up_grade_document: before.follow_up_grade_document,
      },
      patch,
      cause: { kind: 'edit' },
    });
  });
  const { rows } = await findFollowUps(
    db,
    { all: true },
    { id, page: 1, pageSize: 1, ungraded: false, reviewId: undefined, bodyCode: undefined },
    actor.locale,
  );
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return present(row);
}
