import type { PeersPage, PeersQuery } from '../../../shared/schemas/peers';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { seatsOf } from '../assignments/scope';
import { findPeers } from './peers.repo';

/**
 * Compares LRGs of one level: share of calls answered on time, recommendations in progress and
 * implemented. Everyone signed in may see it: being seen beside peers is the point.
 */
export async function listPeers(db: Database, actor: Actor, query: PeersQuery): Promise<PeersPage> {
  const user = signedIn(actor);
  const seats = await seatsOf(db, user.id);
  const level = query.level ?? seats.find((seat) => seat.kind === 'lrg')?.lrg_level ?? 1;
  const mine = new Set(seats.map((seat) => seat.id));
  const { rows, total } = await findPeers(db, level, query);
  return {
    level,
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      callsAsked: row.calls_asked,
      callsOnTime: row.calls_on_time,
      recommendations: row.recommendations,
      inProgress: row.in_progress,
      implemented: row.implemented,
      mine: mine.has(row.id),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
