// `npm start`: runs the prebuilt server (dist/server/main.js) and web client (dist/web), building
// them first only when they are missing or older than their sources, so that a fresh clone still
// starts with `npm install && npm start` and a production start transpiles nothing.
// Plain JavaScript on purpose: it must run before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');

// `npm run start:hub` (--hub): the demo knowledge hub (decisions 034, 035) beside the demo State of
// `npm start`: its own port (3001) and data folder (./data-hub), so that the two run side by side
// and never share a folder (the folder lock refuses a second process on one). HUB_PORT,
// HUB_DATA_DIR, HUB_DATABASE_URL and HUB_PUBLIC_URL set the hub's own where needed; the State's
// PORT, DATA_DIR, DATABASE_URL and PUBLIC_URL are never taken for the hub's.
if (process.argv.includes('--hub')) {
  const hub = {
    INSTANCE_MODE: 'hub',
    PORT: process.env.HUB_PORT ?? '3001',
    DATA_DIR: process.env.HUB_DATA_DIR ?? './data-hub',
    DATABASE_URL: process.env.HUB_DATABASE_URL,
    PUBLIC_URL: process.env.HUB_PUBLIC_URL,
  };
  for (const [name, value] of Object.entries(hub)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
// Written by build/server.ts, the last step of `npm run build`.
const stamp = join(root, 'dist/.built');
const outputs = [join(root, 'dist/web/index.html'), join(root, 'dist/server/main.js'), stamp];
const inputs = ['src', 'build', 'index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];

function newestUnder(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || /\.test\.tsx?$/.test(entry.name)) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function outdated() {
  if (process.env.SKIP_BUILD === '1') return false;
  if (outputs.some((file) => !existsSync(file))) return 'not built yet';
  const built = statSync(stamp).mtimeMs;
  const changed = inputs.find((input) => newestUnder(join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : false;
}

const reason = outdated();
if (reason) {
  console.log(`Building the web client and the server (${reason}); this takes about a minute…`);
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(root, 'dist/server/main.js')).href);
