import { AppError } from '../../../shared/errors';
import type {
  AnswerPage,
  InboxItem,
  InboxQuery,
  SaveAnswersInput,
  SaveAnswersResult,
} from '../../../shared/schemas/calls';
import type { Page } from '../../../shared/schemas/common';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { invalid, signedIn } from '../../lib/guards';
import { localize } from '../../lib/language';
import { seatsOf } from '../assignments/scope';
import { recordAudit } from '../audit/audit.service';
import { presentEntityRef } from '../entities/entity-ref.presenter';
import { seatOf } from '../entities/people.service';
import { evidenceLimits, evidenceOfUpdates } from '../progress/attachments.service';
import { recordSubmission } from '../progress/progress.workflow.service';
import { statusTerms } from '../taxonomies/taxonomies.service';
import {
  answerableIds,
  findAnswerItems,
  findInbox,
  findInboxEntity,
  findUpdatesForUpdate,
  insertUpdate,
  updateUpdateAtVersion,
} from './calls.answers.repo';
import { canCalls } from './calls.policy';
import { presentRecommendation, presentUpdate } from './calls.presenter';
import { findCall } from './calls.repo';
import { findProgress } from './calls.tracker.repo';

// The entity's side.

/** The calls in the inboxes of the entities the person serves. */
export async function listInbox(deps: Deps, actor: Actor, query: InboxQuery): Promise<Page<InboxItem>> {
  const user = signedIn(actor);
  const entityIds = (await seatsOf(deps.db, user.id)).map((seat) => seat.id);
  const { rows, total } = await findInbox(deps.db, entityIds, query);
  return {
    items: rows.map((row) => ({
      call: { id: row.call_id, title: row.title, deadline: row.deadline },
      entity: presentEntityRef(row, '', 'entity_id'),
      receivedAt: new Date(row.received_at).toISOString(),
      status: row.status,
      itemCount: Number(row.item_count),
      submittedCount: Number(row.submitted_count),
      draftCount: Number(row.draft_count),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * A call as it stands in one entity's inbox, for its people and the secretariat; for anyone
 * else, and for a call not sent to that entity, as if it did not exist.
 */
async function inboxItemFor(db: Executor, actor: Actor, callId: string, entityId: string) {
  const user = signedIn(actor);
  const [standing, seat] = await Promise.all([findProgress(db, callId, entityId), seatOf(db, entityId, user.id)]);
  if (!standing || !canCalls(user, 'readInbox', { seat })) throw new AppError('NOT_FOUND');
  return { user, seat, standing };
}

/** The answer form: the call, and the recommendations of it assigned to the entity, paged. */
export async function getAnswers(
  deps: Deps,
  actor: Actor,
  callId: string,
  entityId: string,
  page: { page: number; pageSize: number },
): Promise<AnswerPage> {
  const { user, seat, standing } = await inboxItemFor(deps.db, actor, callId, entityId);
  const [call, entity, items, terms] = await Promise.all([
    findCall(deps.db, callId),
    findInboxEntity(deps.db, entityId),
    findAnswerItems(deps.db, callId, entityId, actor.locale, page),
    statusTerms(deps.db),
  ]);
  if (!call) throw new AppError('NOT_FOUND');
  const evidence = await evidenceOfUpdates(
    deps.db,
    items.rows.flatMap((row) => (row.update_id ? [row.update_id] : [])),
  );
  return {
    call: {
      id: call.id,
      title: call.title,
      message: call.message,
      deadline: call.deadline,
      askNarrative: call.ask_narrative,
      askStatus: call.ask_status,
      sentAt: call.sent_at?.toISOString() ?? null,
    },
    entity: presentEntityRef(entity),
    status: standing.status,
    itemCount: Number(standing.item_count),
    submittedCount: Number(standing.submitted_count),
    draftCount: Number(standing.draft_count),
    canAnswer: canCalls(user, 'answer', { seat }),
    statusOptions: terms.map((term) => ({ code: term.code, label: localize(term.label, actor.locale) })),
    items: items.rows.map((row) => ({
      recommendation: presentRecommendation({ ...row, status: row.current_status }),
      update:
        row.update_id && row.update_status && row.updated_at && row.version
          ? presentUpdate(
              {
                id: row.update_id,
                narrative: row.narrative,
                proposed_status: row.proposed_status,
                status: row.update_status,
                submitted_at: row.submitted_at,
                updated_at: row.updated_at,
                version: row.version,
              },
              row.submitted_by_name,
            )
          : null,
      evidence: (row.update_id && evidence.get(row.update_id)) || [],
    })),
    evidenceLimits: evidenceLimits(deps),
    total: items.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

/**
 * Saves an entity's answers on some recommendations of a call as drafts, or submits them. Each
 * item is written at the version read; a submitted one is no longer changed here. Submitting
 * needs what the call asks: a narrative, a proposed status, or both.
 */
export async function saveAnswers(
  deps: Deps,
  actor: Actor,
  callId: string,
  entityId: string,
  input: SaveAnswersInput,
): Promise<SaveAnswersResult> {
  const { user, seat } = await inboxItemFor(deps.db, actor, callId, entityId);
  if (!canCalls(user, 'answer', { seat })) throw new AppError('FORBIDDEN');
  const ids = input.items.map((item) => item.recommendationId);
  if (new Set(ids).size !== ids.length) invalid('items', 'issues.call.duplicateItem');
  const answerable = await answerableIds(deps.db, callId, entityId, ids);
  if (ids.some((id) => !answerable.has(id))) throw new AppError('NOT_FOUND');
  const call = await findCall(deps.db, callId);
  if (!call) throw new AppError('NOT_FOUND');
  const statuses = new Set((await statusTerms(deps.db)).map((term) => term.code));
  const issues: { path: string; message: string }[] = [];
  input.items.forEach((item, index) => {
    if (item.proposedStatus && !statuses.has(item.proposedStatus))
      issues.push({ path: `items.${index}.proposedStatus`, message: 'issues.unknownStatus' });
    if (!input.submit) return;
    if (call.ask_narrative && !item.narrative)
      issues.push({ path: `items.${index}.narrative`, message: 'issues.call.narrativeRequired' });
    if (call.ask_status && !item.proposedStatus)
      issues.push({ path: `items.${index}.proposedStatus`, message: 'issues.call.statusRequired' });
  });
  if (issues.length > 0) throw new AppError('VALIDATION', { issues });

  return deps.db.transaction().execute(async (trx) => {
    const existing = new Map(
      (await findUpdatesForUpdate(trx, callId, entityId, ids)).map((row) => [row.recommendation_id, row]),
    );
    const saved: SaveAnswersResult['saved'] = [];
    const now = new Date();
    for (const [index, item] of input.items.entries()) {
      const before = existing.get(item.recommendationId);
      const values = {
        narrative: item.narrative,
        proposed_status: item.proposedStatus,
        status: input.submit ? ('submitted' as const) : ('draft' as const),
        submitted_by: input.submit ? user.id : null,
        submitted_at: input.submit ? now : null,
      };
      let row: Awaited<ReturnType<typeof insertUpdate>>;
      if (before) {
        if (before.status !== 'draft' && before.status !== 'returned')
          throw new AppError('CONFLICT', {
            issues: [{ path: `items.${index}`, message: 'issues.call.alreadySubmitted' }],
          });
        if (item.version !== before.version) throw new AppError('STALE_VERSION');
        row = await updateUpdateAtVersion(trx, before.id, before.version, { ...values, updated_by: user.id });
      } else {
        if (item.version !== null) throw new AppError('STALE_VERSION');
        row = await insertUpdate(trx, {
          ...values,
          recommendation_id: item.recommendationId,
          entity_id: entityId,
          call_id: callId,
          created_by: user.id,
          updated_by: user.id,
        });
      }
      if (!row) throw new AppError('STALE_VERSION');
      // A submitted answer enters validation: its step in the history, mail to its validator.
      if (input.submit) await recordSubmission(trx, deps, actor, row.id);
      await recordAudit(trx, actor, {
        action: before ? 'update' : 'create',
        recordType: 'progress_update',
        recordId: row.id,
        before: before
          ? { narrative: before.narrative, proposedStatus: before.proposed_status, status: before.status }
          : undefined,
        after: {
          callId,
          entityId,
          recommendationId: item.recommendationId,
          narrative: row.narrative,
          proposedStatus: row.proposed_status,
          status: row.status,
        },
      });
      saved.push({
        recommendationId: item.recommendationId,
        update: presentUpdate(row, input.submit ? user.name : null),
      });
    }
    const standing = await findProgress(trx, callId, entityId);
    return { status: standing?.status ?? 'not_started', saved };
  });
}
