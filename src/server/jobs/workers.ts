import type { Deps } from '../deps';
import { deliverMail } from '../modules/outbox/outbox.service';

/** Starts the queue and the handler of each kind of job. main.ts and the tests' app call it. */
export async function startJobs(deps: Pick<Deps, 'db' | 'mailer' | 'jobs'>): Promise<void> {
  await deps.jobs.start();
  await deps.jobs.work('mail', (job) => deliverMail(deps, job));
}
