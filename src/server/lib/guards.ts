import { AppError } from '../../shared/errors';
import type { SessionUser } from '../../shared/schemas/identity';
import type { Actor } from '../http/context';

// The checks every service starts with, and the two refusals it names a field or a state in.

/** The signed-in person, or UNAUTHENTICATED (401). */
export function signedIn(actor: Actor): SessionUser {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  return actor.user;
}

/** A problem with one field of the payload, named by its path (400). */
export function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', { issues: [{ path, message }] });
}

/** The record is not in a state that allows this (409), optionally naming the field. */
export function conflict(message: string, path?: string): never {
  throw new AppError('CONFLICT', { issues: [{ ...(path ? { path } : {}), message }] });
}
