import type { Executor } from '../http/context';

// Who acts for which member of a knowledge hub (hub_member_people, decision 034): the question
// every part of the hub asks before a member's account writes for its NMIRF.

export interface ActedForMember {
  id: string;
  name: string;
  country_code: string;
  system_of_government: string | null;
}

/** The active members an account acts for, by name. */
export function membersActedFor(db: Executor, userId: string): Promise<ActedForMember[]> {
  return db
    .selectFrom('hub_member_people as p')
    .innerJoin('hub_members as m', 'm.id', 'p.member_id')
    .select(['m.id', 'm.name', 'm.country_code', 'm.system_of_government'])
    .where('p.user_id', '=', userId)
    .where('m.status', '=', 'active')
    .orderBy('m.name')
    .execute();
}

/** Whether an account acts for a member. */
export async function actsForMember(db: Executor, userId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('hub_member_people')
    .select('member_id')
    .where('user_id', '=', userId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}
