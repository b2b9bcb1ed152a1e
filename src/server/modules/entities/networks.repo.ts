import { type Insertable, sql, type Updateable } from 'kysely';
import type { NominationRequestsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import { updateAtVersion } from '../../lib/versioned';

/** Adds members, skipping those already in; returns the ids added. */
export async function insertMembers(db: Executor, networkId: string, memberIds: string[]): Promise<string[]> {
  const rows = await db
    .insertInto('network_members')
    .values(memberIds.map((member_id) => ({ network_id: networkId, member_id })))
    .onConflict((oc) => oc.doNothing())
    .returning('member_id')
    .execute();
  return rows.map((row) => row.member_id);
}

export async function deleteMember(db: Executor, networkId: string, memberId: string): Promise<number> {
  const result = await db
    .deleteFrom('network_members')
    .where('network_id', '=', networkId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function isMember(db: Executor, networkId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('network_members')
    .select('member_id')
    .where('network_id', '=', networkId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Boolean(row);
}

function requestsQuery(db: Executor) {
  return db
    .selectFrom('nomination_requests as r')
    .innerJoin('entities as n', 'n.id', 'r.network_id')
    .leftJoin('users as u', 'u.id', 'r.requested_by')
    .selectAll('r')
    .select((eb) => [
      'n.kind as network_kind',
      'n.name as network_name',
      'n.acronym as network_acronym',
      'u.name as requested_by_name',
      eb
        .selectFrom('nomination_candidates as c')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('c.request_id', '=', 'r.id')
        .as('candidate_count'),
      eb
        .selectFrom('nomination_candidates as c')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('c.request_id', '=', 'r.id')
        .where('c.chosen', '=', true)
        .as('chosen_count'),
    ]);
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export function findRequest(db: Executor, id: string) {
  return requestsQuery(db).where('r.id', '=', id).executeTakeFirst();
}

/** A network's requests, open ones first, newest first. */
export async function findRequests(
  db: Executor,
  networkId: string,
  query: { status?: 'open' | 'closed' | undefined; page: number; pageSize: number },
) {
  let base = db.selectFrom('nomination_requests as r').where('r.network_id', '=', networkId);
  if (query.status) base = base.where('r.status', '=', query.status);
  const status = query.status;
  const [rows, count] = await Promise.all([
    requestsQuery(db)
      .where('r.network_id', '=', networkId)
      .$if(Boolean(status), (q) => q.where('r.status', '=', status as 'open' | 'closed'))
      .orderBy(sql`r.status = 'open'`, 'desc')
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function insertRequest(db: Executor, row: Insertable<NominationRequestsTable>) {
  return db.insertInto('nomination_requests').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateRequestAtVersion(
  db: Executor,
  id: string,
  version: number,
  patch: Updateable<NominationRequestsTable>,
) {
  return updateAtVersion(db, 'nomination_requests', id, version, patch).returning('id').executeTakeFirst();
}

export function findCandidates(db: Executor, requestId: string) {
  return db
    .selectFrom('nomination_candidates as c')
    .innerJoin('entities as e', 'e.id', 'c.lrg_id')
    .leftJoin('users as u', 'u.id', 'c.nominated_by')
    .select([
      'c.lrg_id',
      'c.reason',
      'c.nominated_at',
      'c.chosen',
      'e.kind',
      'e.name',
      'e.acronym',
      'e.lrg_level',
      'e.subdivision_code',
      'u.name as nominated_by_name',
    ])
    .where('c.request_id', '=', requestId)
    .orderBy('e.name')
    .orderBy('e.id')
    .execute();
}

export async function insertCandidate(
  db: Executor,
  row: { request_id: string; lrg_id: string; reason: string | null; nominated_by: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('nomination_candidates')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('lrg_id')
    .executeTakeFirst();
  return Boolean(inserted);
}

export async function deleteCandidate(db: Executor, requestId: string, lrgId: string): Promise<number> {
  const result = await db
    .deleteFrom('nomination_candidates')
    .where('request_id', '=', requestId)
    .where('lrg_id', '=', lrgId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function markChosen(db: Executor, requestId: string, lrgIds: string[]): Promise<void> {
  await db
    .updateTable('nomination_candidates')
    .set((eb) => ({ chosen: eb('lrg_id', 'in', lrgIds).$castTo<boolean>() }))
    .where('request_id', '=', requestId)
    .execute();
}
