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
import { createMailer } from '../src/server/mail/mailer';
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
try {
  await prepareDatabase(handle.db);
  const link = await setUpInstallation(handle.db, mailer, settings.publicUrl, {
    country: values.country,
    adminEmail: values['admin-email'].toLowerCase(),
    adminName: values['admin-name'],
    locale: values.locale,
    system: values.system as 'unitary' | 'federal' | 'devolved',
  });
  console.log(`Set up. The first admin's invitation (also e-mailed): ${link}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  mailer.close();
  await handle.close();
}
