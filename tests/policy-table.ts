import { describe, expect, it } from 'vitest';
import { type HubRole, type NationalRole, type Role, roles, type SessionUser } from '../src/shared/schemas/identity';

/** Allowed (Y) and refused (n), short so that a row's seven roles fit on one line. */
export const Y = true;
export const n = false;

/**
 * One row of a policy's role × action table: the action, the record decided on (a function when
 * it depends on the person, e.g. their own id), and what each role gets. `expect` is keyed by
 * role, so a new national role does not compile until every table says what it may do. A hub's
 * roles (decision 034) are asked only where a row names them: a national module's routes are not
 * served by a hub and a national instance holds no hub account (`users.policy`), while the
 * modules both serve (accounts, audit, outbox, API tokens) and the hub's own name all four.
 */
export interface PolicyRow<A extends string, R> {
  action: A;
  record?: R | ((user: SessionUser) => R);
  /** Tells rows of one action apart in the test names (the record, in a few words). */
  when?: string;
  expect: Record<NationalRole, boolean> & Partial<Record<HubRole, boolean>>;
}

export function userWith(role: Role): SessionUser {
  return { id: `id-${role}`, email: `${role}@x`, name: role, role, locale: 'en', organisation: null, version: 1 };
}

/** Tests a policy against its table: every row, for every role. */
export function policyTable<A extends string, R>(
  name: string,
  can: (user: SessionUser, action: A, record: R | undefined) => boolean,
  rows: readonly PolicyRow<A, R>[],
): void {
  describe(`${name}: role × action`, () => {
    for (const row of rows) {
      const label = row.when ? `${row.action} (${row.when})` : row.action;
      const asked = roles.filter((role) => role in row.expect);
      it.each(asked)(`${label}: %s`, (role) => {
        const user = userWith(role);
        const record = typeof row.record === 'function' ? (row.record as (user: SessionUser) => R)(user) : row.record;
        const expected: Partial<Record<Role, boolean>> = row.expect;
        expect(can(user, row.action, record)).toBe(expected[role]);
      });
    }
  });
}
