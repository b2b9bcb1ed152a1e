// `npm start`: runs the prebuilt server (dist/server/main.js) and web client (dist/web), building
// them first only when they are missing or older than their sources, so that a fresh clone still
// starts with `npm install && npm start` and a production start transpiles nothing.
// Plain JavaScript on purpose: it must run before anything is built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
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
