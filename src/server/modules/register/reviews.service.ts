import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type { ReviewSummary } from '../../../shared/schemas/register';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { requireCan } from './register.guard';
import { presentReview } from './register.presenter';
import { findReview, findReviews } from './reviews.repo';

export async function listReviews(
  db: Database,
  actor: Actor,
  query: { body?: string; page: number; pageSize: number },
): Promise<Page<ReviewSummary>> {
  requireCan(actor, 'read');
  const { rows, total } = await findReviews(db, query);
  return {
    items: rows.map((row) => presentReview(row, actor.locale)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getReview(db: Database, actor: Actor, id: string): Promise<ReviewSummary> {
  requireCan(actor, 'read');
  const row = await findReview(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentReview(row, actor.locale);
}
