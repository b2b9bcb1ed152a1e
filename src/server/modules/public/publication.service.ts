import { AppError } from '../../../shared/errors';
import type { PublicationDecision, PublicationState, PublicationSubject } from '../../../shared/schemas/publication';
import type { Database } from '../../db/database';
import type { Actor, Executor } from '../../http/context';
import { conflict, signedIn } from '../../lib/guards';
import { clearPublicCache } from '../../lib/page-cache';
import { everything, type Scope } from '../../lib/scope';
import { scopeOf } from '../assignments/scope';
import { recordAudit } from '../audit/audit.service';
import { canPublish, type Decision, isPublicUpdate, type Publicness, publicnessOf } from './publication.policy';
import { findDecision, findSubject, findUnpublishedValidatedUpdates, saveDecision } from './publication.repo';

/** Where the portal shows a record, without the language; null when it shows nothing of it. */
function publicPathOf(subject: PublicationSubject, id: string, recommendationId: string | null, shown: boolean) {
  if (!shown) return null;
  if (subject === 'review') return `/reviews/${id}`;
  if (subject === 'recommendation') return `/recommendations/${id}`;
  return `/recommendations/${recommendationId}#update-${id}`;
}

async function stateOf(
  db: Executor,
  subject: PublicationSubject,
  id: string,
  scope: Scope = everything,
): Promise<PublicationState> {
  const found = await findSubject(db, subject, id, scope);
  if (!found) throw new AppError('NOT_FOUND');
  const decision = await findDecision(db, subject, id);
  const reviewDecision = found.reviewId ? await findDecision(db, 'review', found.reviewId) : null;
  let publicness: Publicness;
  if (subject === 'review') publicness = publicnessOf(decision, null);
  else {
    const own = found.recommendationId ? await findDecision(db, 'recommendation', found.recommendationId) : null;
    const recommendation: Publicness = found.recommendationId ? publicnessOf(own, reviewDecision) : 'hidden';
    publicness =
      subject === 'recommendation'
        ? recommendation
        : isPublicUpdate({ status: found.status ?? '', decision }, recommendation)
          ? 'full'
          : 'hidden';
  }
  return {
    subject,
    id,
    decision,
    publicness,
    publicPath: publicPathOf(subject, id, found.recommendationId, publicness !== 'hidden'),
  };
}

/**
 * How public a record is, for the signed-in app's link to its public page: anyone signed in may
 * ask about a record within their scope (outside it, 404 as everywhere in the app).
 */
export async function getPublication(db: Database, actor: Actor, subject: PublicationSubject, id: string) {
  const user = signedIn(actor);
  return stateOf(db, subject, id, await scopeOf(db, user));
}

/** A coordinator publishes, withholds, or returns a record to the default rule; audited. */
export async function decidePublication(
  db: Database,
  actor: Actor,
  subject: PublicationSubject,
  id: string,
  input: PublicationDecision,
): Promise<PublicationState> {
  const user = signedIn(actor);
  if (!canPublish(user)) throw new AppError('FORBIDDEN');
  const state = await db.transaction().execute(async (trx) => {
    const found = await findSubject(trx, subject, id);
    if (!found) throw new AppError('NOT_FOUND');
    // Only a validated update can be published; withholding or resetting any is allowed.
    if (subject === 'progress_update' && input.published === true && found.status !== 'validated')
      conflict('issues.publishNotValidated', 'published');
    if (subject === 'progress_update' && !found.recommendationId) conflict('issues.publishActionUpdate', 'published');
    const before = await findDecision(trx, subject, id);
    if (before !== input.published) {
      await saveDecision(trx, subject, id, input.published, user.id);
      await auditDecision(trx, actor, subject, id, before, input.published);
    }
    return stateOf(trx, subject, id);
  });
  clearPublicCache(db);
  return state;
}

/** "Publish all validated updates of this review": one decision and one audit event per update. */
export async function publishValidatedUpdates(db: Database, actor: Actor, reviewId: string) {
  const user = signedIn(actor);
  if (!canPublish(user)) throw new AppError('FORBIDDEN');
  const published = await db.transaction().execute(async (trx) => {
    if (!(await findSubject(trx, 'review', reviewId))) throw new AppError('NOT_FOUND');
    const ids = await findUnpublishedValidatedUpdates(trx, reviewId);
    for (const id of ids) {
      await saveDecision(trx, 'progress_update', id, true, user.id);
      await auditDecision(trx, actor, 'progress_update', id, null, true);
    }
    return ids.length;
  });
  clearPublicCache(db);
  return { published };
}

function auditDecision(
  trx: Executor,
  actor: Actor,
  subject: PublicationSubject,
  id: string,
  before: Decision,
  after: Decision,
) {
  return recordAudit(trx, actor, {
    action: 'update',
    recordType: 'publication',
    recordId: id,
    before: { subject, published: before },
    after: { subject, published: after },
  });
}
