/**
 * `npm run restore -- --from file [--force]`: a backup made by `npm run backup` into DATABASE_URL
 * (pg_restore) or into the PGlite folder in DATA_DIR, with the app stopped. A database that already
 * holds tables is replaced only with --force.
 */
import { restorePglite, restorePostgres } from '../src/server/db/backup';
import { loadSettings } from '../src/server/env';

const index = process.argv.indexOf('--from');
const from = index >= 0 ? process.argv[index + 1] : undefined;
const force = process.argv.includes('--force');
if (!from) {
  console.error('Usage: npm run restore -- --from <file> [--force]');
  process.exit(2);
}
const settings = loadSettings();
try {
  if (settings.DATABASE_URL) await restorePostgres(settings.DATABASE_URL, from, force);
  else await restorePglite(from, settings.dataDir, force);
  console.log(`Restored ${from} into ${settings.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${settings.dataDir}`}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
