import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Actor, Executor } from '../../http/context';
import { conflict, signedIn } from '../../lib/guards';
import { type CallsAction, canCalls } from './calls.policy';
import { lockCall } from './calls.repo';

// Checks shared by the calls services.

export function requireCan(actor: Actor, action: CallsAction): SessionUser {
  const user = signedIn(actor);
  if (!canCalls(user, action)) throw new AppError('FORBIDDEN');
  return user;
}

export async function requireDraft(trx: Executor, id: string) {
  const call = await lockCall(trx, id);
  if (!call) throw new AppError('NOT_FOUND');
  if (call.status !== 'draft') conflict('issues.call.alreadySent');
  return call;
}
