import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Actor, Executor } from '../../http/context';
import { type CallsAction, canCalls } from './calls.policy';
import { lockCall } from './calls.repo';

// Checks shared by the calls services.

export function signedIn(actor: Actor): SessionUser {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  return actor.user;
}

export function requireCan(actor: Actor, action: CallsAction): SessionUser {
  const user = signedIn(actor);
  if (!canCalls(user, action)) throw new AppError('FORBIDDEN');
  return user;
}

export function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', { issues: [{ path, message }] });
}

export function conflict(message: string): never {
  throw new AppError('CONFLICT', { issues: [{ message }] });
}

/** Today in UTC, as ISO deadlines are compared. */
export const today = () => new Date().toISOString().slice(0, 10);

export async function requireDraft(trx: Executor, id: string) {
  const call = await lockCall(trx, id);
  if (!call) throw new AppError('NOT_FOUND');
  if (call.status !== 'draft') conflict('issues.call.alreadySent');
  return call;
}
