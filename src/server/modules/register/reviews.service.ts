import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { ReviewSummary } from '../../../shared/schemas/register';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { scopeOf } from '../assignments/scope';
import { requireCan } from './register.guard';
import { presentReview } from './register.presenter';
import { findReview, findReviews } from './reviews.repo';

/**
 * Reviews are public references (a body, a symbol, a date): every reader sees them, but their
 * recommendations are counted within the reader's scope (decision 020).
 */
export async function listReviews(
  db: Database,
  actor: Actor,
  query: { body?: string; page: number; pageSize: number },
): Promise<Page<ReviewSummary>> {
  const user = requireCan(actor, 'read');
  const { rows, total } = await findReviews(db, query, await scopeOf(db, user));
  return {
    items: rows.map((row) => presentReview(row, actor.locale)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getReview(db: Database, actor: Actor, id: string): Promise<ReviewSummary> {
  const user = requireCan(actor, 'read');
  const row = await findReview(db, id, await scopeOf(db, user));
  if (!row) throw new AppError('NOT_FOUND');
  return presentReview(row, actor.locale);
}
