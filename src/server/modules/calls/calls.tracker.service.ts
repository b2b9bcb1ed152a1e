import { AppError } from '../../../shared/errors';
import type { TrackerPage, TrackerQuery } from '../../../shared/schemas/calls';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import { presentEntityRef } from '../entities/entity-ref.presenter';
import { requireCan } from './calls.guards';
import { statusCounts } from './calls.presenter';
import { findCall } from './calls.repo';
import { findTracker } from './calls.tracker.repo';

/** Each entity's standing on a call, late ones first, paged, with the counts by status. */
export async function getTracker(deps: Deps, actor: Actor, id: string, query: TrackerQuery): Promise<TrackerPage> {
  requireCan(actor, 'track');
  if (!(await findCall(deps.db, id))) throw new AppError('NOT_FOUND');
  const { rows, total, byStatus } = await findTracker(deps.db, id, query);
  return {
    items: rows.map((row) => ({
      entity: presentEntityRef(row, '', 'entity_id'),
      status: row.status,
      itemCount: Number(row.item_count),
      submittedCount: Number(row.submitted_count),
      draftCount: Number(row.draft_count),
      lastSubmittedAt: row.last_submitted_at ? new Date(row.last_submitted_at).toISOString() : null,
      focalPointCount: Number(row.focal_point_count),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    counts: statusCounts(byStatus),
  };
}
