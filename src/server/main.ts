import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from './app';
import { causeOf, DatabaseUnreachableError, describeDatabaseUrl, waitForDatabase } from './db/connect';
import { openDatabase } from './db/database';
import { DataFolderInUseError } from './db/lock';
import { prepareDatabase } from './db/prepare';
import { loadSettings, SettingsError } from './env';
import { createFileStore } from './files';
import { createJobQueue } from './jobs/queue';
import { startJobs } from './jobs/workers';
import { collectGarbageSoon } from './lib/memory';
import { isConnectionLost } from './lib/pg-errors';
import { createMailer } from './mail/mailer';
import { EncryptionKeyError, sealTotpSecrets } from './modules/identity/totp-sealing';
import { warmSearchIndex } from './modules/search';
import { scheduleDemoReminders } from './seed/demo-reminders';
import { seedDemoRegister, seedDemoState } from './seed/demo-state';
import { demoClockMark, seedDemoYear } from './seed/demo-year';
import { isHubEmpty, seedWholeDemoHub } from './seed/hub';
import { isDatabaseEmpty } from './seed/seed.repo';

/**
 * env → database → migrations → demo seed (empty demo database only) → job worker (then the demo's
 * reminders, which need it) → listen.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const settings = loadSettings();
  const logger = pino({
    level: settings.LOG_LEVEL,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
  });
  const handle = await openDatabase(
    settings.DATABASE_URL ? { url: settings.DATABASE_URL } : { dataDir: settings.dataDir },
    // A lost connection is dropped and replaced; requests meanwhile get a 503 and /ready goes red.
    {
      onConnectionLost: (error) =>
        logger.warn({ code: (error as { code?: string }).code, cause: error.message }, 'database connection lost'),
    },
  );
  // What the start is doing, one line per stage, so that a first start is never silent.
  const stage = (message: string) => logger.info({ ms: Math.round(performance.now() - started) }, message);
  stage(`database opened (${handle.kind})`);
  if (settings.DATABASE_URL) await waitForDatabase(handle.db, settings.DATABASE_URL, settings.DATABASE_WAIT_SECONDS);
  stage('checking migrations');
  const applied = await prepareDatabase(handle.db);
  if (applied.length > 0) stage(`${applied.length} migrations applied`);
  const { sealed } = await sealTotpSecrets(handle.db, settings.encryptionKey);
  if (sealed > 0) logger.info({ accounts: sealed }, 'two-step sign-in secrets encrypted');
  // A knowledge hub (decision 034) seeds its own demo (decision 035), never the demo State.
  const hub = settings.INSTANCE_MODE === 'hub';
  const seedHub = hub && settings.demo && (await isHubEmpty(handle.db));
  if (seedHub) {
    stage('demo seed: the knowledge hub, its members, profiles, networks, accounts, practices, community');
    await seedWholeDemoHub(handle.db);
    stage('demo hub seeded');
  }
  const seedDemo = !hub && settings.demo && (await isDatabaseEmpty(handle.db));
  const seedSince = seedDemo ? await demoClockMark(handle.db) : null;
  if (seedDemo) {
    stage('demo seed 1/3: the State, its ministries and 212 municipalities');
    await seedDemoState(handle.db);
    stage('demo seed 2/3: importing the UN documents (417 recommendations), actions, indicators');
    await seedDemoRegister(handle.db);
  }
  if (!hub && !settings.demo && (await isDatabaseEmpty(handle.db))) {
    logger.warn(
      'This installation has no State profile yet: run npm run setup -- --country XX --admin-email … --admin-name …',
    );
  }
  const mailer = createMailer({
    smtpUrl: settings.SMTP_URL,
    from: settings.MAIL_FROM,
    outboxDir: join(settings.dataDir, 'outbox'),
    logger,
  });
  const jobs = createJobQueue(handle.db, {
    pollSeconds: settings.JOBS_POLL_SECONDS,
    mailRetryLimit: settings.MAIL_RETRY_LIMIT,
    mailRetryDelaySeconds: settings.MAIL_RETRY_DELAY_SECONDS,
    logger,
  });
  const deps = { db: handle.db, mailer, jobs, files: createFileStore(settings), settings };
  await startJobs(deps);
  if (seedDemo) {
    // The year is played through the services, which queue mail and reminders: after the worker starts.
    if (settings.demoYear)
      await seedDemoYear(deps, seedSince, (step) => stage(`demo seed 3/3: a year of work: ${step}`));
    await scheduleDemoReminders(deps);
    stage('demo seeded');
    // The seed's documents, plans and parsed files are garbage now: give their memory back.
    collectGarbageSoon();
  }
  const app = await buildApp({
    deps,
    sessionSecret: settings.sessionSecret,
    defaultLocale: settings.DEFAULT_LOCALE,
    databaseKind: handle.kind,
    logger,
    trustProxy: settings.TRUST_PROXY,
    apiDocs: settings.API_DOCS,
    publicRatePerMinute: settings.PUBLIC_RATE_PER_MINUTE,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await jobs.stop();
    mailer.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: settings.HOST, port: settings.PORT });
  // Read the register into the facet index now rather than at the first search (a large register
  // answers through SQL until it is ready).
  void warmSearchIndex(handle.db);
  logger.info(
    {
      url: settings.publicUrl,
      database: handle.kind,
      demo: settings.demo,
      startupMs: Math.round(performance.now() - started),
    },
    'Implementa is ready',
  );
}

main().catch((error: unknown) => {
  if (
    error instanceof SettingsError ||
    error instanceof DataFolderInUseError ||
    error instanceof EncryptionKeyError ||
    error instanceof DatabaseUnreachableError
  ) {
    console.error(error.message);
  } else if (isConnectionLost(error) && process.env.DATABASE_URL) {
    // Lost after the first answer, during migrations or the seed: the same one line.
    console.error(
      `Lost the database at DATABASE_URL=${describeDatabaseUrl(process.env.DATABASE_URL)} during start-up: ${causeOf(error)}`,
    );
  } else {
    console.error(error);
  }
  process.exit(1);
});
