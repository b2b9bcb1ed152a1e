import type { Deps } from '../deps';
import { sendActionReminder } from '../modules/actions/actions.reminders.service';
import { sendCalendarReminders, startCalendarReminders } from '../modules/calendar/calendar.reminders.service';
import { sendCallReminder } from '../modules/calls/calls.sending.service';
import { sendHubDigests, startHubDigests } from '../modules/community/digest.service';
import { pushShare, refreshFederation, startFederation } from '../modules/federation/federation-push';
import { sendIndicatorReminder } from '../modules/indicators/indicator-reminders.service';
import { deliverMail } from '../modules/outbox/outbox.service';

/** Starts the queue and the handler of each kind of job. main.ts, setup and the tests' app call it. */
export async function startJobs(
  deps: Pick<Deps, 'db' | 'mailer' | 'jobs'> & {
    settings: Pick<Deps['settings'], 'publicUrl' | 'encryptionKey' | 'FEDERATION_RETRY_SECONDS'> &
      Partial<Pick<Deps['settings'], 'INSTANCE_MODE'>>;
  },
): Promise<void> {
  await deps.jobs.start();
  await deps.jobs.work('mail', (job) => deliverMail(deps, job));
  await deps.jobs.work('call_reminder', (job) => sendCallReminder(deps, job));
  await deps.jobs.work('calendar_reminders', (job) => sendCalendarReminders(deps, job));
  await startCalendarReminders(deps);
  await deps.jobs.work('action_reminder', (job) => sendActionReminder(deps, job));
  await deps.jobs.work('indicator_reminder', (job) => sendIndicatorReminder(deps, job));
  await deps.jobs.work('hub_digest', async (job) => {
    await sendHubDigests(deps, job);
  });
  if (deps.settings.INSTANCE_MODE === 'hub') await startHubDigests(deps);
  await deps.jobs.work('federation_push', (job) => pushShare(deps, job));
  await deps.jobs.work('federation_refresh', (job) => refreshFederation(deps, job));
  await startFederation(deps);
}
