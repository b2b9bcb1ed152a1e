import { createHash } from 'node:crypto';
import { type InboundResult, inboundResultSchema } from '../../../shared/schemas/federation';
import type { Deps } from '../../deps';
import type { Executor } from '../../http/context';
import type { JobAttempt, JobPayloads } from '../../jobs/queue';
import { unseal } from '../../lib/sealed';
import { publicAggregates } from '../public/public.service';
import {
  claimStatisticsDay,
  findHubLink,
  findOutstandingShares,
  findShare,
  findShareOfKind,
  forgetSent,
  type HubLinkRow,
  markFailed,
  markSent,
  raiseRevision,
  reviseStatistics,
  type ShareRow,
  updateHubLink,
} from './federation-national.repo';
import { signRequest } from './signatures';

// The national side's sending (decision 038): a `federation_push` job per change, sent with the
// transaction that made it. The job reads the item as it is now, so edits in a row send the last
// one; a failure is kept on the item (last error, attempts, next try) and a new job is queued for
// the next try, waiting twice as long each time (at most 6 hours): nothing is lost while the hub
// is down, and the list shows where each item stands.

type PushDeps = Pick<Deps, 'db' | 'jobs'> & {
  settings: Pick<Deps['settings'], 'encryptionKey' | 'FEDERATION_RETRY_SECONDS'>;
};

const maxDelayMs = 6 * 3600_000;
const requestTimeoutMs = 15_000;

/** Queues the push of one item (or, with null, the withdrawal of everything) in the caller's transaction. */
export async function queuePush(trx: Executor, deps: Pick<Deps, 'jobs'>, shareId: string | null, at?: Date) {
  await deps.jobs.send(trx, 'federation_push', { shareId }, at ? { startAfter: at } : {});
}

export function nextTryAt(settings: Pick<Deps['settings'], 'FEDERATION_RETRY_SECONDS'>, attempts: number): Date {
  const base = settings.FEDERATION_RETRY_SECONDS * 1000 * 2 ** Math.min(Math.max(attempts - 1, 0), 20);
  const jitter = 1 + Math.random() * 0.2;
  return new Date(Date.now() + Math.min(maxDelayMs, base * jitter));
}

class PushError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

async function send(
  link: HubLinkRow,
  settings: PushDeps['settings'],
  method: 'PUT' | 'DELETE',
  path: string,
  payload: unknown,
): Promise<InboundResult> {
  if (!link.hub_url || !link.token_sealed) throw new PushError('not linked to a hub', false);
  const url = new URL(path, link.hub_url.endsWith('/') ? link.hub_url : `${link.hub_url}/`).toString();
  const body = JSON.stringify(payload);
  const headers = await signRequest({
    method,
    url,
    body,
    token: unseal(settings.encryptionKey, link.token_sealed),
    keyId: link.key_id,
    privateKeyPem: unseal(settings.encryptionKey, link.private_key_sealed),
  });
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(requestTimeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new PushError(`the hub did not answer (${cause ?? (error as Error).message})`, true);
  }
  const text = await response.text();
  if (!response.ok) {
    let detail = text.slice(0, 300);
    try {
      const json = JSON.parse(text) as {
        code?: string;
        message?: string;
        issues?: { path?: string; message: string }[];
      };
      const issues = (json.issues ?? []).map((issue) =>
        issue.path ? `${issue.path}: ${issue.message}` : issue.message,
      );
      detail = [json.code, json.message, ...issues].filter(Boolean).join(' — ');
    } catch {
      // not JSON: keep the text
    }
    // Bad input or a refused scope will not mend by waiting; a down hub, a busy one or a refused
    // signature (a clock, a key just registered) may.
    const permanent = [400, 403, 404, 413, 422].includes(response.status);
    throw new PushError(`HTTP ${response.status}: ${detail}`, !permanent, response.status);
  }
  return inboundResultSchema.parse(JSON.parse(text));
}

const fingerprintOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** The statistics as the portal publishes them now; a new revision when they changed since last counted. */
async function countStatistics(deps: PushDeps, share: ShareRow) {
  const counted = await publicAggregates(deps.db);
  const fingerprint = fingerprintOf(counted);
  let revision = share.revision;
  if (fingerprint !== share.fingerprint)
    revision = await reviseStatistics(deps.db, share.id, fingerprint, (share.sent_revision ?? 0) + 1);
  return { revision, statistics: { ...counted, countedAt: new Date().toISOString() } };
}

interface Delivery {
  method: 'PUT' | 'DELETE';
  path: string;
  payload: unknown;
  revision: number;
}

async function deliveryOf(deps: PushDeps, share: ShareRow): Promise<Delivery | null> {
  const base =
    share.kind === 'practice' ? `api/federation/inbound/practices/${share.id}` : `api/federation/inbound/${share.kind}`;
  if (!share.shared)
    return share.on_hub
      ? { method: 'DELETE', path: base, payload: { revision: share.revision }, revision: share.revision }
      : null;
  if (share.kind === 'statistics') {
    const { revision, statistics } = await countStatistics(deps, share);
    if (share.on_hub && share.sent_revision === revision) return null;
    return { method: 'PUT', path: base, payload: { revision, statistics }, revision };
  }
  if (share.on_hub && share.sent_revision === share.revision) return null;
  const key = share.kind === 'practice' ? 'practice' : 'profile';
  return {
    method: 'PUT',
    path: base,
    payload: { revision: share.revision, [key]: share.payload },
    revision: share.revision,
  };
}

/** The job: sends one item as it is now, or withdraws everything (unlinking). */
export async function pushShare(deps: PushDeps, job: JobAttempt<JobPayloads['federation_push']>): Promise<void> {
  const link = await findHubLink(deps.db);
  if (!link) return;
  if (job.data.shareId === null) return unlinkNow(deps, link);
  // Not linked (yet, or any more): the item waits; linking queues every outstanding item.
  if (link.state !== 'linked') return;
  const share = await findShare(deps.db, job.data.shareId);
  if (!share) return;
  // A newer try is already queued for this item (a retry of an earlier failure): let it go first.
  if (share.next_try_at && share.next_try_at.getTime() > Date.now() + 1000 && job.data.retry !== true) return;
  const delivery = await deliveryOf(deps, share);
  if (!delivery) return;
  try {
    const result = await send(link, deps.settings, delivery.method, delivery.path, delivery.payload);
    if (result.outcome === 'stale') {
      // The hub holds a later revision (this instance was restored from a backup): go past it.
      await deps.db.transaction().execute(async (trx) => {
        await raiseRevision(trx, share.id, result.revision);
        await queuePush(trx, deps, share.id);
      });
      return;
    }
    await markSent(deps.db, share.id, delivery.revision, delivery.method === 'PUT');
  } catch (error) {
    if (!(error instanceof PushError)) throw error;
    await deps.db.transaction().execute(async (trx) => {
      const attempts = share.attempts + 1;
      const at = error.retry ? nextTryAt(deps.settings, attempts) : null;
      await markFailed(trx, share.id, error.message, at);
      if (at) await deps.jobs.send(trx, 'federation_push', { shareId: share.id, retry: true }, { startAfter: at });
    });
  }
}

async function unlinkNow(deps: PushDeps, link: HubLinkRow): Promise<void> {
  if (link.state !== 'unlinking') return;
  try {
    await send(link, deps.settings, 'DELETE', 'api/federation/inbound/everything', { revision: 1 });
  } catch (error) {
    if (!(error instanceof PushError)) throw error;
    // A revoked or expired token: the hub revoked the link, which withdrew everything already.
    if (error.status !== 401) {
      await deps.db.transaction().execute(async (trx) => {
        await queuePush(trx, deps, null, nextTryAt(deps.settings, 3));
      });
      return;
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    await updateHubLink(trx, null, { state: 'key_only', hub_url: null, token_sealed: null, linked_at: null });
    await forgetSent(trx);
  });
}

/** Today in UTC, YYYY-MM-DD. */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Schedules a day's statistics refresh once, whatever the processes (at 02:00 UTC). */
export async function scheduleStatisticsRefresh(deps: Pick<Deps, 'db' | 'jobs'>, day: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await claimStatisticsDay(trx, day))) return;
    const at = new Date(`${day}T02:00:00Z`);
    await deps.jobs.send(trx, 'federation_refresh', { day }, at > new Date() ? { startAfter: at } : {});
  });
}

/**
 * The daily run: schedules tomorrow's first, then queues the statistics (sent only if the counts
 * changed) and every item still owed to the hub, so that nothing waits on a job that was lost.
 */
export async function refreshFederation(deps: PushDeps, job: JobAttempt<JobPayloads['federation_refresh']>) {
  const tomorrow = dayOf(new Date(new Date(`${job.data.day}T00:00:00Z`).getTime() + 86_400_000));
  await scheduleStatisticsRefresh(deps, tomorrow);
  const link = await findHubLink(deps.db);
  if (link?.state !== 'linked') return;
  await deps.db.transaction().execute(async (trx) => {
    const statistics = await findShareOfKind(trx, 'statistics');
    const owed = new Set(await findOutstandingShares(trx));
    if (statistics?.shared) owed.add(statistics.id);
    for (const id of owed) await queuePush(trx, deps, id);
  });
}

/** At start-up: today's refresh, in case the daily chain was broken. */
export async function startFederation(deps: Pick<Deps, 'db' | 'jobs'>): Promise<void> {
  await scheduleStatisticsRefresh(deps, dayOf(new Date()));
}
