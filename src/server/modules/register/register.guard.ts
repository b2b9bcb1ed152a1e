import { AppError } from '../../../shared/errors';
import type { Actor } from '../../http/context';
import { canRegister, type RegisterAction } from './register.policy';

/** The signed-in reader, when the register's policy lets them do `action`. */
export function requireCan(actor: Actor, action: RegisterAction) {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  if (!canRegister(actor.user, action)) throw new AppError('FORBIDDEN');
  return actor.user;
}
