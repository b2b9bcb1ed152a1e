import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';

export type ImportsAction = 'import' | 'list';

/** Building the register is the NMIRF secretariat's job: admins and coordinators import. */
export function canImports(user: SessionUser, action: ImportsAction): boolean {
  switch (action) {
    case 'import':
    case 'list':
      return is(user.role, 'secretariat');
  }
}
