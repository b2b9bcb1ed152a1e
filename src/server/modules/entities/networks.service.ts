import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import type {
  NominateInput,
  NominationDetail,
  NominationRequest,
  NominationRequestInput,
} from '../../../shared/schemas/entities';
import type { Database } from '../../db/database';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { todayUtc } from '../../lib/dates';
import { conflict, invalid } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../outbox/outbox.service';
import { canEntities } from './entities.policy';
import { countUsage, findEntitiesByIds, findEntity } from './entities.repo';
import { requireCan } from './entities.service';
import { presentEntityRef } from './entity-ref.presenter';
import {
  deleteCandidate,
  deleteMember,
  findCandidates,
  findRequest,
  findRequests,
  insertCandidate,
  insertMembers,
  insertRequest,
  isMember,
  markChosen,
  type RequestRow,
  updateRequestAtVersion,
} from './networks.repo';
import { findSeatedPeople, findSeatOf } from './people.repo';

const isoDate = (value: Date | string) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

async function requireNetwork(db: Executor, id: string) {
  const network = await findEntity(db, id);
  if (!network) throw new AppError('NOT_FOUND');
  if (network.kind !== 'lrg_network') invalid('id', 'issues.network.notANetwork');
  return network;
}

/** Adds member LRGs to a network; those already in are left as they are. */
export async function addMembers(db: Database, actor: Actor, networkId: string, memberIds: string[]) {
  requireCan(actor, 'manageMembers');
  return db.transaction().execute(async (trx) => {
    await requireNetwork(trx, networkId);
    const ids = [...new Set(memberIds)];
    const found = await findEntitiesByIds(trx, ids);
    if (found.length !== ids.length) invalid('memberIds', 'issues.network.memberNotFound');
    if (found.some((member) => member.kind !== 'lrg')) invalid('memberIds', 'issues.network.memberNotLrg');
    const added = await insertMembers(trx, networkId, ids);
    if (added.length > 0)
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'network_member',
        recordId: networkId,
        after: { memberIds: added },
      });
    return { added: added.length };
  });
}

export async function removeMember(db: Database, actor: Actor, networkId: string, memberId: string): Promise<void> {
  requireCan(actor, 'manageMembers');
  await db.transaction().execute(async (trx) => {
    await requireNetwork(trx, networkId);
    if ((await deleteMember(trx, networkId, memberId)) === 0) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'network_member',
      recordId: networkId,
      before: { memberIds: [memberId] },
    });
  });
}

function presentRequest(row: RequestRow): NominationRequest {
  return {
    id: row.id,
    network: presentEntityRef({ ...row, network_lrg_level: null }, 'network_'),
    topic: row.topic,
    note: row.note,
    dueDate: isoDate(row.due_date),
    status: row.status,
    requestedBy: row.requested_by_name,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    candidateCount: Number(row.candidate_count ?? 0),
    chosenCount: Number(row.chosen_count ?? 0),
    version: row.version,
  };
}

export async function listRequests(
  db: Database,
  actor: Actor,
  networkId: string,
  query: { status?: 'open' | 'closed' | undefined; page: number; pageSize: number },
): Promise<Page<NominationRequest>> {
  requireCan(actor, 'read');
  await requireNetwork(db, networkId);
  const { rows, total } = await findRequests(db, networkId, query);
  return { items: rows.map(presentRequest), total, page: query.page, pageSize: query.pageSize };
}

/** A request with its candidates, and what the person asking may do with it. */
export async function getRequest(db: Executor, actor: Actor, id: string): Promise<NominationDetail> {
  const user = requireCan(actor, 'read');
  const row = await findRequest(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [candidates, seat] = await Promise.all([findCandidates(db, id), findSeatOf(db, row.network_id, user.id)]);
  const open = row.status === 'open';
  return {
    ...presentRequest(row),
    candidates: candidates.map((c) => ({
      lrg: { ...presentEntityRef(c, '', 'lrg_id'), subdivisionCode: c.subdivision_code },
      reason: c.reason,
      nominatedBy: c.nominated_by_name,
      nominatedAt: c.nominated_at.toISOString(),
      chosen: c.chosen,
    })),
    canNominate: open && isoDate(row.due_date) >= todayUtc() && canEntities(user, 'nominate', { seat }),
    canChoose: open && canEntities(user, 'choose'),
  };
}

/**
 * A coordinator asks a network to nominate member LRGs for a topic by a deadline. The network's
 * focal points are told by mail, queued in the same transaction.
 */
export async function createRequest(
  deps: Deps,
  actor: Actor,
  networkId: string,
  input: { topic: string; note: string | null; dueDate: string },
): Promise<NominationDetail> {
  const user = requireCan(actor, 'requestNominations');
  if (input.dueDate < todayUtc()) invalid('dueDate', 'issues.nomination.dueDateInPast');
  return deps.db.transaction().execute(async (trx) => {
    const network = await requireNetwork(trx, networkId);
    const usage = await countUsage(trx, networkId);
    if (usage.members === 0) conflict('issues.nomination.networkHasNoMembers');
    const { id } = await insertRequest(trx, {
      network_id: networkId,
      topic: input.topic,
      note: input.note,
      due_date: input.dueDate,
      requested_by: user.id,
    });
    await recordAudit(trx, actor, { action: 'create', recordType: 'nomination_request', recordId: id, after: input });
    for (const person of await findSeatedPeople(trx, networkId, ['main', 'alternate'])) {
      const locale = person.locale as Locale;
      const t = translatorFor(locale);
      await queueMail(trx, deps, {
        kind: 'nomination_request',
        to: person.email,
        userId: person.id,
        subject: t('mail.nominationRequest.subject', { network: network.name, topic: input.topic }),
        text: t('mail.nominationRequest.body', {
          name: person.name,
          coordinator: user.name,
          network: network.name,
          topic: input.topic,
          due: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(input.dueDate)),
          link: `${deps.settings.publicUrl}/nominations/${id}`,
        }),
      });
    }
    return getRequest(trx, actor, id);
  });
}

async function requireOpenRequest(trx: Executor, id: string) {
  const row = await findRequest(trx, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'open') conflict('issues.nomination.closed');
  return row;
}

/** Changes the topic, note or deadline of an open request at a known version. */
export async function updateRequest(
  db: Database,
  actor: Actor,
  id: string,
  input: NominationRequestInput & { note: string | null; version: number },
): Promise<NominationDetail> {
  requireCan(actor, 'requestNominations');
  return db.transaction().execute(async (trx) => {
    const before = await requireOpenRequest(trx, id);
    if (input.dueDate !== isoDate(before.due_date) && input.dueDate < todayUtc())
      invalid('dueDate', 'issues.nomination.dueDateInPast');
    const patch = { topic: input.topic, note: input.note, due_date: input.dueDate };
    if (!(await updateRequestAtVersion(trx, id, input.version, patch))) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'nomination_request',
      recordId: id,
      before: { topic: before.topic, note: before.note, dueDate: isoDate(before.due_date) },
      after: { topic: input.topic, note: input.note, dueDate: input.dueDate },
    });
    return getRequest(trx, actor, id);
  });
}

/** A focal point of the network nominates one of its member LRGs, before the deadline. */
export async function nominate(
  db: Database,
  actor: Actor,
  id: string,
  input: NominateInput & { reason: string | null },
): Promise<NominationDetail> {
  const user = requireCan(actor, 'read');
  return db.transaction().execute(async (trx) => {
    const request = await findRequest(trx, id);
    if (!request) throw new AppError('NOT_FOUND');
    requireCan(actor, 'nominate', { seat: await findSeatOf(trx, request.network_id, user.id) });
    if (request.status !== 'open') conflict('issues.nomination.closed');
    if (isoDate(request.due_date) < todayUtc()) conflict('issues.nomination.deadlinePassed');
    if (!(await isMember(trx, request.network_id, input.lrgId))) invalid('lrgId', 'issues.nomination.notAMember');
    const added = await insertCandidate(trx, {
      request_id: id,
      lrg_id: input.lrgId,
      reason: input.reason,
      nominated_by: user.id,
    });
    if (!added) conflict('issues.nomination.alreadyNominated', 'lrgId');
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'nomination_candidate',
      recordId: id,
      after: { lrgId: input.lrgId, reason: input.reason },
    });
    return getRequest(trx, actor, id);
  });
}

/** A focal point withdraws a nomination while the request is open. */
export async function withdraw(db: Database, actor: Actor, id: string, lrgId: string): Promise<NominationDetail> {
  const user = requireCan(actor, 'read');
  return db.transaction().execute(async (trx) => {
    const request = await findRequest(trx, id);
    if (!request) throw new AppError('NOT_FOUND');
    requireCan(actor, 'nominate', { seat: await findSeatOf(trx, request.network_id, user.id) });
    if (request.status !== 'open') conflict('issues.nomination.closed');
    if ((await deleteCandidate(trx, id, lrgId)) === 0) throw new AppError('NOT_FOUND');
    await recordAudit(trx, actor, {
      action: 'delete',
      recordType: 'nomination_candidate',
      recordId: id,
      before: { lrgId },
    });
    return getRequest(trx, actor, id);
  });
}

/** The coordinator chooses among the nominated LRGs, which closes the request. */
export async function choose(
  db: Database,
  actor: Actor,
  id: string,
  input: { lrgIds: string[]; version: number },
): Promise<NominationDetail> {
  const user = requireCan(actor, 'choose');
  return db.transaction().execute(async (trx) => {
    await requireOpenRequest(trx, id);
    const nominated = new Set((await findCandidates(trx, id)).map((c) => c.lrg_id));
    const chosen = [...new Set(input.lrgIds)];
    if (chosen.some((lrgId) => !nominated.has(lrgId))) invalid('lrgIds', 'issues.nomination.notNominated');
    const closed = await updateRequestAtVersion(trx, id, input.version, {
      status: 'closed',
      closed_at: new Date(),
      closed_by: user.id,
    });
    if (!closed) throw new AppError('STALE_VERSION');
    await markChosen(trx, id, chosen);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'nomination_request',
      recordId: id,
      before: { status: 'open' },
      after: { status: 'closed', chosen },
    });
    return getRequest(trx, actor, id);
  });
}
