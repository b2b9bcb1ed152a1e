/**
 * `npm run check:security:backup`: PostgreSQL's backup round trip (PGlite's runs in npm test,
 * src/server/db/backup.test.ts). The demo State into a fresh database → pg_dump → pg_restore into
 * another fresh database: every table's row count and checksum identical; restoring over the now
 * non-empty database is refused without --force and works with it. Needs postgresql-client of the
 * server's major version.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BackupError, backupPostgres, restorePostgres, tableChecksums } from '../../src/server/db/backup';
import { openDatabase } from '../../src/server/db/database';
import { prepareDatabase } from '../../src/server/db/prepare';
import { seedDemoRegister, seedDemoState } from '../../src/server/seed/demo-state';
import { defaultServerUrl, option } from './app-process';

const serverUrl = option('server', process.env.TEST_DATABASE_URL ?? defaultServerUrl);
const names = [1, 2].map(() => `implementa_backup_${randomBytes(5).toString('hex')}`);
const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
};
const root = mkdtempSync(join(tmpdir(), 'implementa-backup-'));
const file = join(root, 'backup.dump');
let failed = false;
try {
  for (const name of names) await admin(`create database ${name}`);
  const [source, target] = names.map(urlOf) as [string, string];
  const started = performance.now();
  const handle = await openDatabase({ url: source });
  await prepareDatabase(handle.db);
  await seedDemoState(handle.db);
  await seedDemoRegister(handle.db);
  const before = await tableChecksums(handle.db);
  await handle.close();
  backupPostgres(source, file);
  await restorePostgres(target, file, false);
  const restored = await openDatabase({ url: target });
  const after = await tableChecksums(restored.db);
  await restored.close();
  const differing = before.filter((sum, index) => JSON.stringify(sum) !== JSON.stringify(after[index]));
  console.log(`| tables | rows | differing tables | seconds |\n|---|---|---|---|`);
  console.log(
    `| ${before.length} | ${before.reduce((total, sum) => total + sum.rows, 0)} | ${differing.length + Math.abs(before.length - after.length)} | ${((performance.now() - started) / 1000).toFixed(1)} |`,
  );
  if (differing.length > 0 || before.length !== after.length) {
    failed = true;
    for (const sum of differing) console.log(`differs: ${sum.table}`);
  }
  try {
    await restorePostgres(target, file, false);
    console.log('restore over a non-empty database was NOT refused');
    failed = true;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.log(`refused without --force: ${error.message}`);
  }
  await restorePostgres(target, file, true);
  const forced = await openDatabase({ url: target });
  const again = await tableChecksums(forced.db);
  await forced.close();
  if (JSON.stringify(again) !== JSON.stringify(before)) {
    console.log('restore with --force differs');
    failed = true;
  } else console.log('restore with --force: identical');
} finally {
  for (const name of names) await admin(`drop database if exists ${name} with (force)`);
  rmSync(root, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
