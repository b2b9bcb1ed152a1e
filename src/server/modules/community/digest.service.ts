import type { Locale } from '../../../shared/i18n/locales';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Deps } from '../../deps';
import { systemActor } from '../../http/context';
import { translatorFor } from '../../i18n';
import type { JobAttempt, JobPayloads } from '../../jobs/queue';
import { todayUtc } from '../../lib/dates';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../outbox/outbox.service';
import { canCommunity } from './community.policy';
import { networksOf } from './community.repo';
import { plainText } from './community.rules';
import {
  claimDigestRun,
  digestItems,
  dueParticipants,
  finishDigestRun,
  setDigestJob,
  setDigestUntil,
} from './digest.repo';

/*
 * The community's e-mail digest (decision 037): one job a day (hub_digest, sent with a start time
 * like the calendar's reminders), at `digestHourUtc`. Each person who follows spaces or threads
 * and chose a daily digest gets, that day, one mail in their language listing the posts others
 * wrote since their last digest; weekly ones get it on Mondays, covering the week. What a digest
 * covered is kept per person (digest_until), so a repeated or retried run sends nothing twice and
 * a missed day is covered by the next.
 */
export const digestHourUtc = 6;
const weeklyDay = 1; // Monday

type DigestDeps = Pick<Deps, 'db' | 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> };

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function scheduleDigestRun(deps: Pick<Deps, 'db' | 'jobs'>, day: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await claimDigestRun(trx, day))) return;
    const at = new Date(`${day}T${String(digestHourUtc).padStart(2, '0')}:00:00Z`);
    const jobId = await deps.jobs.send(trx, 'hub_digest', { day }, at > new Date() ? { startAfter: at } : {});
    await setDigestJob(trx, day, jobId);
  });
}

/** At start-up of a hub: today's and tomorrow's runs, in case the chain was broken. */
export async function startHubDigests(deps: Pick<Deps, 'db' | 'jobs'>): Promise<void> {
  const today = todayUtc();
  await scheduleDigestRun(deps, today);
  await scheduleDigestRun(deps, addDays(today, 1));
}

function formatTime(locale: Locale, instant: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(instant);
}

/**
 * One run: schedules the next day's first, then mails each due person, all in one transaction.
 * `until` is when the run looks (now): posts after it wait for the next digest.
 */
export async function sendHubDigests(
  deps: DigestDeps,
  job: JobAttempt<JobPayloads['hub_digest']>,
  until: Date = new Date(),
): Promise<number> {
  const day = job.data.day;
  await scheduleDigestRun(deps, addDays(day, 1));
  const weekly = new Date(`${day}T00:00:00Z`).getUTCDay() === weeklyDay;
  return deps.db.transaction().execute(async (trx) => {
    let mails = 0;
    for (const person of await dueParticipants(trx, weekly)) {
      const period = person.digest === 'weekly' ? 7 : 1;
      const from = person.digest_until ?? new Date(until.getTime() - period * 86_400_000);
      const networks = await networksOf(trx, person.id);
      const user = { id: person.id, role: person.role } as SessionUser;
      const items = (await digestItems(trx, person.id, from, until)).filter((item) =>
        canCommunity(user, 'read', {
          audience: item.space_kind === 'theme' ? 'public' : 'members',
          inNetwork: item.network_id !== null && networks.includes(item.network_id),
        }),
      );
      await setDigestUntil(trx, person.id, until);
      if (items.length === 0) continue;
      const locale = person.locale as Locale;
      const t = translatorFor(locale);
      const threads = new Map<string, typeof items>();
      for (const item of items) threads.set(item.thread_id, [...(threads.get(item.thread_id) ?? []), item]);
      const sections = [...threads.values()].map((posts) => {
        const first = posts[0] as (typeof posts)[number];
        const lines = posts.map((post) =>
          t(post.opening ? 'hubCommunity.mail.digest.newThread' : 'hubCommunity.mail.digest.reply', {
            author: post.author_name ?? '',
            time: formatTime(locale, post.created_at),
            excerpt: plainText(post.body, 200),
          }),
        );
        return `${first.title}\n${lines.map((line) => `  • ${line}`).join('\n')}\n  ${deps.settings.publicUrl}/community/threads/${first.thread_id}`;
      });
      await queueMail(trx, deps, {
        kind: 'hub_digest',
        locale,
        to: person.email,
        userId: person.id,
        subject: t(
          person.digest === 'weekly' ? 'hubCommunity.mail.digest.subjectWeekly' : 'hubCommunity.mail.digest.subject',
          {
            count: items.length,
          },
        ),
        text: t('hubCommunity.mail.digest.body', {
          name: person.name,
          list: sections.join('\n\n'),
          settingsLink: `${deps.settings.publicUrl}/community/follows`,
        }),
      });
      mails++;
    }
    await finishDigestRun(trx, day, mails);
    if (mails > 0)
      await recordAudit(trx, systemActor(`job:${job.id}`), {
        action: 'update',
        recordType: 'hub_digest',
        recordId: null,
        after: { day, mails },
      });
    return mails;
  });
}
