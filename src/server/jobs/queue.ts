import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import type { Executor } from '../http/context';

/** Every kind of job, with the data it carries. Data holds ids, never secrets or message text. */
export interface JobPayloads {
  /** One message of mail_outbox; the recipient's user id when there is one (for notification preferences). */
  mail: { mailId: string; userId: string | null };
  /** One reminder of a call for input (call_reminders row), due at its start time. */
  call_reminder: { reminderId: string };
  /** The calendar's daily reminder run (calendar_reminder_runs row), at the reminder hour of that day. */
  calendar_reminders: { day: string };
  /** One reminder of an action's due date (action_reminders row), due at its start time. */
  action_reminder: { reminderId: string };
  /** The reminder of an indicator's next due date (indicator_reminders row), due at its start time. */
  indicator_reminder: { reminderId: string };
  /** A knowledge hub's daily community digest run (hub_digest_runs row), at the digest hour. */
  hub_digest: { day: string };
  /** Federation (decision 038): one shared item to send to the hub as it is now; null withdraws everything (unlinking). */
  federation_push: { shareId: string | null; retry?: boolean };
  /** Federation's daily run: the statistics counted again, and every item still owed to the hub queued. */
  federation_refresh: { day: string };
}
export type JobName = keyof JobPayloads;

/** One attempt at a job, as its handler sees it. */
export interface JobAttempt<T> {
  id: string;
  data: T;
  /** 1 for the first try. */
  attempt: number;
  /** No retry follows if this attempt fails. */
  lastAttempt: boolean;
}

export interface JobQueue {
  /** Installs or upgrades pg-boss's schema (`pgboss`) and creates the queues. Once, before the rest. */
  start(): Promise<void>;
  /**
   * Queues a job with the executor given: pass the transaction making the change that causes the
   * job, so that a rollback queues nothing. (On PGlite's single connection, a send outside that
   * transaction would also wait for it forever.)
   */
  send<N extends JobName>(executor: Executor, name: N, data: JobPayloads[N], options?: SendOptions): Promise<string>;
  /** Runs the handler for each job of that queue, one at a time; a throw is a failed attempt. */
  work<N extends JobName>(name: N, handler: (job: JobAttempt<JobPayloads[N]>) => Promise<void>): Promise<void>;
  /** Stops taking jobs, lets the running ones finish, waits for pg-boss's last queries. */
  stop(): Promise<void>;
}

/** When a job may start: not before `startAfter` (a reminder days ahead); at once without it. */
export interface SendOptions {
  startAfter?: Date;
}

export interface JobQueueOptions {
  pollSeconds: number;
  mailRetryLimit: number;
  mailRetryDelaySeconds: number;
  logger?: Logger;
}

type PgBossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** pg-boss's database interface over a Kysely executor: the same pool, or the caller's transaction. */
function executorDb(executor: Executor): PgBossDb {
  return {
    executeSql: async (text, values = []) => ({
      rows: [...(await executor.executeQuery(CompiledQuery.raw(text, values))).rows],
    }),
  };
}

/**
 * The job queue: pg-boss (10.x, the last line that runs on Node 20) on the app's own pool, so it
 * works the same on PostgreSQL and on PGlite's single connection (decision 007).
 */
export function createJobQueue(db: Database, options: JobQueueOptions): JobQueue {
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    return promise.finally(() => inFlight.delete(promise));
  };

  // pg-boss's own statements. Its maintenance runs `BEGIN; …; COMMIT;` as one string: on one
  // connection, rolled back on error, so that no connection returns to the pool mid-transaction.
  const bossDb: PgBossDb = {
    executeSql: (text, values = []) => {
      if (closed) return Promise.reject(new Error('the job queue is stopped'));
      const run =
        values.length === 0 && /^\s*begin\b/i.test(text)
          ? db.connection().execute(async (connection) => {
              try {
                return await executorDb(connection).executeSql(text);
              } catch (error) {
                await executorDb(connection)
                  .executeSql('rollback')
                  .catch(() => undefined);
                throw error;
              }
            })
          : executorDb(db).executeSql(text, values);
      return track(run);
    },
  };

  const boss = new PgBoss({
    db: bossDb as PgBoss.Db,
    schedule: false, // no cron jobs: reminders are jobs sent with a start time (startAfter)
    supervise: true, // expiry, archive and deletion of old jobs
    migrate: true,
  });
  boss.on('error', (error) => options.logger?.error({ err: error }, 'job queue error'));

  const queues: Record<JobName, PgBoss.SendOptions> = {
    mail: {
      retryLimit: options.mailRetryLimit,
      retryDelay: options.mailRetryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 300,
    },
    // A reminder queues its mails in one transaction; a failed attempt (the database busy) is retried.
    call_reminder: {
      retryLimit: 5,
      retryDelay: 60,
      retryBackoff: true,
      expireInSeconds: 600,
    },
    // The calendar's daily run: its mails in one transaction, retried if the database was busy.
    calendar_reminders: {
      retryLimit: 5,
      retryDelay: 60,
      retryBackoff: true,
      expireInSeconds: 600,
    },
    // Like a call's reminder: its mails in one transaction, retried if the database was busy.
    action_reminder: {
      retryLimit: 5,
      retryDelay: 60,
      retryBackoff: true,
      expireInSeconds: 600,
    },
    // The same for an indicator's due date.
    indicator_reminder: {
      retryLimit: 5,
      retryDelay: 60,
      retryBackoff: true,
      expireInSeconds: 600,
    },
    // The hub's digest: all its mails in one transaction, retried if the database was busy.
    hub_digest: {
      retryLimit: 5,
      retryDelay: 60,
      retryBackoff: true,
      expireInSeconds: 600,
    },
    // A push keeps its own retries (the item's next try, modules/federation/federation-push.ts);
    // these only cover a handler that threw (the database busy).
    federation_push: {
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      expireInSeconds: 120,
    },
    federation_refresh: {
      retryLimit: 5,
      retryDelay: 60,
      retryBackoff: true,
      expireInSeconds: 600,
    },
  };

  return {
    async start() {
      await boss.start();
      for (const name of Object.keys(queues) as JobName[]) await boss.createQueue(name);
    },

    async send(executor, name, data, options = {}) {
      const id = await boss.send(name, data, {
        ...queues[name],
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        db: executorDb(executor) as PgBoss.Db,
      });
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },

    async work(name, handler) {
      await boss.work<JobPayloads[typeof name]>(
        name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollSeconds },
        (jobs) =>
          track(
            (async () => {
              for (const job of jobs) {
                await handler({
                  id: job.id,
                  data: job.data,
                  attempt: job.retryCount + 1,
                  lastAttempt: job.retryCount >= job.retryLimit,
                });
              }
            })(),
          ),
      );
    },

    async stop() {
      if (closed) return;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
      // pg-boss may still be finishing a fetch (whose job then runs) or a completion it did not
      // wait for; both go through bossDb or the handler, so wait until nothing is left running.
      while (inFlight.size > 0) {
        await Promise.allSettled([...inFlight]);
        await new Promise((resolve) => setImmediate(resolve));
      }
      closed = true;
    },
  };
}
