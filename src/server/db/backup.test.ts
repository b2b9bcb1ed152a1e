import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Deps } from '../deps';
import { createDiskStore } from '../files/disk-store';
import { createJobQueue } from '../jobs/queue';
import { createMailer } from '../mail/mailer';
import { demoAccounts } from '../seed/demo-accounts';
import { seedDemoState } from '../seed/demo-state';
import { BackupError, backupPglite, restorePglite, type TableChecksum, tableChecksums } from './backup';
import { openDatabase } from './database';
import { prepareDatabase } from './prepare';

// The embedded database's round trip, on the demo State's real ministries, municipalities and
// accounts: backup → restore into a fresh folder gives the same rows in every table, and the app
// signs a person in on it. (PostgreSQL's pg_dump/pg_restore round trip: tests/security/backup-roundtrip.ts.)
describe('PGlite backup and restore', () => {
  const root = mkdtempSync(join(tmpdir(), 'implementa-backup-'));
  const source = join(root, 'source');
  const restored = join(root, 'restored');
  const file = join(root, 'backup.tar.gz');
  let before: TableChecksum[];

  beforeAll(async () => {
    const handle = await openDatabase({ dataDir: source });
    await prepareDatabase(handle.db);
    await seedDemoState(handle.db);
    before = await tableChecksums(handle.db);
    await handle.close();
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses to back up a folder the app holds', async () => {
    const handle = await openDatabase({ dataDir: source });
    try {
      await expect(backupPglite(source, file)).rejects.toThrow(/in use by another Implementa process/);
    } finally {
      await handle.close();
    }
  });

  it('restores into a fresh folder with every table identical, and the app runs on it', async () => {
    await backupPglite(source, file);
    await restorePglite(file, restored, false);
    const handle = await openDatabase({ dataDir: restored });
    try {
      expect(await prepareDatabase(handle.db)).toEqual([]);
      const after = await tableChecksums(handle.db);
      expect(after).toEqual(before);
      expect(before.find((sum) => sum.table === 'public.entities')?.rows).toBeGreaterThan(200);
      const app = await appOn(handle.db, root);
      const coordinator = demoAccounts.find((account) => account.role === 'coordinator');
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: coordinator?.email, password: coordinator?.password },
      });
      expect(response.statusCode).toBe(200);
      await app.close();
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('refuses to restore over a database without --force, and replaces it with', async () => {
    await expect(restorePglite(file, restored, false)).rejects.toThrow(BackupError);
    await restorePglite(file, restored, true);
    const handle = await openDatabase({ dataDir: restored });
    try {
      expect(await tableChecksums(handle.db)).toEqual(before);
    } finally {
      await handle.close();
    }
  }, 120_000);
});

async function appOn(db: Deps['db'], root: string) {
  const logger = pino({ level: 'silent' });
  const deps: Deps = {
    db,
    mailer: createMailer({ smtpUrl: undefined, from: 'Implementa <t@implementa.example>', outboxDir: root, logger }),
    jobs: createJobQueue(db, { pollSeconds: 1, mailRetryLimit: 0, mailRetryDelaySeconds: 1 }),
    files: createDiskStore(join(root, 'files')),
    settings: {
      publicUrl: 'http://implementa.test',
      SIGN_IN_MAX_FAILURES: 5,
      SIGN_IN_LOCK_MINUTES: 15,
      SESSION_TTL_HOURS: 12,
      demo: true,
      UPLOAD_MAX_MB: 50,
      AUTH_RATE_PER_MINUTE: 10,
      API_TOKEN_RATE_PER_MINUTE: 600,
      INSTANCE_MODE: 'national',
      ACTION_REMINDER_DAYS: 14,
      INDICATOR_REMINDER_DAYS: 14,
      EVIDENCE_MAX_MB: 20,
      EVIDENCE_TYPES: ['pdf'],
    } as Deps['settings'],
  };
  return buildApp({
    deps,
    sessionSecret: 'backup-test-secret-backup-test-secret',
    defaultLocale: 'en',
    databaseKind: 'pglite',
    webDir: '/nonexistent',
  });
}
