import type { PublicationSubject } from '../../../shared/schemas/publication';
import type { Executor } from '../../http/context';
import { everything, inScope, type Scope } from '../../lib/scope';
import type { Decision } from './publication.policy';

/** The decision stored for one record; null when none was taken (the default rule). */
export async function findDecision(db: Executor, subject: PublicationSubject, id: string): Promise<Decision> {
  const row = await db
    .selectFrom('publications')
    .select('published')
    .where('subject', '=', subject)
    .where('record_id', '=', id)
    .executeTakeFirst();
  return row ? row.published : null;
}

export async function saveDecision(
  trx: Executor,
  subject: PublicationSubject,
  id: string,
  published: Decision,
  userId: string,
): Promise<void> {
  if (published === null) {
    await trx.deleteFrom('publications').where('subject', '=', subject).where('record_id', '=', id).execute();
    return;
  }
  await trx
    .insertInto('publications')
    .values({ subject, record_id: id, published, decided_by: userId })
    .onConflict((oc) =>
      oc.columns(['subject', 'record_id']).doUpdateSet({ published, decided_by: userId, decided_at: new Date() }),
    )
    .execute();
}

/**
 * The record a decision is about, with what the rule needs of it; undefined when it does not exist
 * or lies outside the reader's scope (decision 020).
 */
export async function findSubject(
  db: Executor,
  subject: PublicationSubject,
  id: string,
  scope: Scope = everything,
): Promise<{ reviewId: string | null; recommendationId: string | null; status: string | null } | undefined> {
  switch (subject) {
    case 'review':
      return db
        .selectFrom('reviews')
        .select(['id as reviewId'])
        .where('id', '=', id)
        .executeTakeFirst()
        .then((row) => row && { reviewId: row.reviewId, recommendationId: null, status: null });
    case 'recommendation':
      return db
        .selectFrom('recommendations')
        .select(['review_id'])
        .where('id', '=', id)
        .where(inScope(scope, 'recommendations.id'))
        .executeTakeFirst()
        .then((row) => row && { reviewId: row.review_id, recommendationId: id, status: null });
    case 'progress_update':
      return db
        .selectFrom('progress_updates as u')
        .leftJoin('recommendations as r', 'r.id', 'u.recommendation_id')
        .select(['r.review_id', 'u.recommendation_id', 'u.status'])
        .where('u.id', '=', id)
        .where(inScope(scope, 'u.recommendation_id'))
        .executeTakeFirst()
        .then((row) => row && { reviewId: row.review_id, recommendationId: row.recommendation_id, status: row.status });
  }
}

/** Validated updates on the review's recommendations not yet published (withheld ones stay so). */
export async function findUnpublishedValidatedUpdates(trx: Executor, reviewId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('progress_updates as u')
    .innerJoin('recommendations as r', 'r.id', 'u.recommendation_id')
    .leftJoin('publications as p', (join) =>
      join.onRef('p.record_id', '=', 'u.id').on('p.subject', '=', 'progress_update'),
    )
    .select('u.id')
    .where('r.review_id', '=', reviewId)
    .where('u.status', '=', 'validated')
    .where('p.record_id', 'is', null)
    .orderBy('u.validated_at')
    .execute();
  return rows.map((row) => row.id);
}
