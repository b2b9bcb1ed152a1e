import { AppError } from '../../../shared/errors';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Actor } from '../../http/context';

// Checks shared by the actions services.

export function signedIn(actor: Actor): SessionUser {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  return actor.user;
}

/** A problem with one field of the payload, named by its path. */
export function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', { issues: [{ path, message }] });
}

/** Today in UTC, as due dates are compared (the reminders go out on UTC days too). */
export const today = () => new Date().toISOString().slice(0, 10);
