import { AppError } from '../../../shared/errors';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { canRegister, type RegisterAction } from './register.policy';

/** The signed-in reader, when the register's policy lets them do `action`. */
export function requireCan(actor: Actor, action: RegisterAction) {
  const user = signedIn(actor);
  if (!canRegister(user, action)) throw new AppError('FORBIDDEN');
  return user;
}
