import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { ReviewSummary } from '../../../shared/schemas/register';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { localize } from '../../lib/language';
import { canRegister } from './register.policy';
import { findReview, findReviews } from './reviews.repo';

type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

function present(row: ReviewRow, locale: string): ReviewSummary {
  const counts = row.status_counts ?? {};
  const date = (value: Date | string | null) =>
    value ? (typeof value === 'string' ? value : value.toISOString()).slice(0, 10) : null;
  return {
    id: row.id,
    symbol: row.symbol,
    bodyCode: row.body_code,
    bodyName: localize(row.body_name, locale),
    mechanism: row.mechanism,
    countryIso2: row.country_iso2,
    cycle: row.cycle,
    session: row.session,
    reviewDate: date(row.review_date),
    followUpParagraphs: row.follow_up_paragraphs,
    followUpMonths: row.follow_up_months,
    followUpDue: date(row.follow_up_due),
    recommendationCount: Object.values(counts).reduce((sum, n) => sum + Number(n), 0),
    statusCounts: counts,
  };
}

function requireReader(actor: Actor) {
  const user = signedIn(actor);
  if (!canRegister(user, 'read')) throw new AppError('FORBIDDEN');
}

export async function listReviews(
  db: Database,
  actor: Actor,
  query: { body?: string; page: number; pageSize: number },
): Promise<Page<ReviewSummary>> {
  requireReader(actor);
  const { rows, total } = await findReviews(db, query);
  return { items: rows.map((row) => present(row, actor.locale)), total, page: query.page, pageSize: query.pageSize };
}

export async function getReview(db: Database, actor: Actor, id: string): Promise<ReviewSummary> {
  requireReader(actor);
  const row = await findReview(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return present(row, actor.locale);
}
