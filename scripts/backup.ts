/**
 * `npm run backup -- --out file`: the database of this installation (DATABASE_URL, or the PGlite
 * folder in DATA_DIR) into one file. PostgreSQL: pg_dump custom format, a consistent snapshot while
 * the app runs. PGlite: stop the app first (the folder lock refuses otherwise).
 */
import { backupPglite, backupPostgres } from '../src/server/db/backup';
import { loadSettings } from '../src/server/env';

const index = process.argv.indexOf('--out');
const out = index >= 0 ? process.argv[index + 1] : undefined;
if (!out) {
  console.error('Usage: npm run backup -- --out <file>');
  process.exit(2);
}
const settings = loadSettings();
try {
  if (settings.DATABASE_URL) backupPostgres(settings.DATABASE_URL, out);
  else await backupPglite(settings.dataDir, out);
  console.log(`Backed up ${settings.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${settings.dataDir}`} to ${out}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
