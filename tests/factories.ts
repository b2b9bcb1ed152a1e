import { randomBytes } from 'node:crypto';
import type { Database } from '../src/server/db/database';
import type { UserRow } from '../src/server/db/schema';
import { hashPassword } from '../src/server/modules/identity/secrets';
import { insertUser } from '../src/server/modules/users/users.repo';
import type { Locale } from '../src/shared/i18n/locales';
import type { Role } from '../src/shared/schemas/identity';

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** Inserts an active user with `testPassword`, unique e-mail per call. */
export async function makeUser(
  db: Database,
  overrides: Partial<{
    role: Role;
    email: string;
    name: string;
    locale: Locale;
    status: 'active' | 'invited' | 'disabled';
  }> = {},
): Promise<UserRow> {
  passwordHash ??= hashPassword(testPassword);
  const role = overrides.role ?? 'viewer';
  const suffix = randomBytes(4).toString('hex');
  return insertUser(db, {
    email: overrides.email ?? `${role}.${suffix}@test.implementa.example`,
    name: overrides.name ?? `Test ${role} ${suffix}`,
    role,
    organisation: 'Test organisation',
    locale: overrides.locale ?? 'en',
    status: overrides.status ?? 'active',
    password_hash: overrides.status === 'invited' ? null : await passwordHash,
  });
}
