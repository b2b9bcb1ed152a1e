/**
 * npm run setup -- --country SI --admin-email you@example.org --admin-name "Your Name" [--locale fr] [--system federal]
 * Sets up a real (non-demo) installation: the State's profile and its first admin, invited by e-mail.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openDatabase } from '../src/server/db/database';
import { prepareDatabase } from '../src/server/db/prepare';
import { loadSettings } from '../src/server/env';
import { createJobQueue } from '../src/server/jobs/queue';
import { startJobs } from '../src/server/jobs/workers';
import { createMailer } from '../src/server/mail/mailer';
import { waitForFirstAttempt } from '../src/server/modules/outbox/outbox.service';
import { setUpInstallation } from '../src/server/seed/setup';
import { isLocale } from '../src/shared/i18n/locales';

const { values } = parseArgs({
  options: {
    country: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    locale: { type: 'string', default: 'en' },
    system: { type: 'string', default: 'unitary' },
  },
});
const usage =
  'usage: npm run setup -- --country SI --admin-email you@example.org --admin-name "Your Name" [--locale en] [--system unitary|federal|devolved]';
if (!values.country || !values['admin-email'] || !values['admin-name']) {
  console.error(usage);
  process.exit(2);
}
if (!isLocale(values.locale) || !['unitary', 'federal', 'devolved'].includes(values.system ?? '')) {
  console.error(usage);
  process.exit(2);
}
const settings = loadSettings();
const logger = pino({ level: 'info' });
const handle = await openDatabase(
  settings.DATABASE_URL ? { url: settings.DATABASE_URL } : { dataDir: settings.dataDir },
);
const mailer = createMailer({
  smtpUrl: settings.SMTP_URL,
  from: settings.MAIL_FROM,
  outboxDir: join(settings.dataDir, 'outbox'),
  logger,
});
const jobs = createJobQueue(handle.db, {
  pollSeconds: 0.5,
  mailRetryLimit: settings.MAIL_RETRY_LIMIT,
  mailRetryDelaySeconds: settings.MAIL_RETRY_DELAY_SECONDS,
  logger,
});
try {
  await prepareDatabase(handle.db);
  await startJobs({ db: handle.db, mailer, jobs, settings });
  const { link, mailId } = await setUpInstallation(handle.db, jobs, settings.publicUrl, {
    country: values.country,
    adminEmail: values['admin-email'].toLowerCase(),
    adminName: values['admin-name'],
    locale: values.locale,
    system: values.system as 'unitary' | 'federal' | 'devolved',
  });
  // The job worker sends the invitation now; if the mail server refuses it, the server retries.
  const mail = await waitForFirstAttempt(handle.db, mailId, 30_000);
  console.log(
    mail?.status === 'sent'
      ? `Set up. The first admin's invitation, also e-mailed: ${link}`
      : `Set up. The first admin's invitation: ${link}\nIt is not e-mailed yet (${mail?.lastError ?? 'still queued'}): the server retries when it runs.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await jobs.stop();
  mailer.close();
  await handle.close();
}
