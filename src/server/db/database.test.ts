import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db';
import { openDatabase } from './database';
import { DataFolderInUseError } from './lock';
import { migrate } from './migrate';

const script = (body: string) => `
import { openDatabase } from './src/server/db/database.ts';
import { migrate } from './src/server/db/migrate.ts';
import { sql } from 'kysely';
${body}`;

function runTsx(code: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('the database', () => {
  it('migrations run once: a second run applies nothing', async () => {
    const handle = await createTestDatabase();
    try {
      expect(await migrate(handle.db)).toEqual([]);
      const names = await handle.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
      expect(names.map((row) => row.name)).toContain('0001_foundation.sql');
      const ext = await sql<{ u: string }>`select unaccent('Éducation') as u`.execute(handle.db);
      expect(ext.rows[0]?.u).toBe('Education');
    } finally {
      await handle.close();
    }
  });

  it('refuses a second process on a PGlite folder in use, naming the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'implementa-lock-'));
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataFolderInUseError);
      const other = runTsx(
        script(
          `try { await openDatabase({ dataDir: process.env.DIR }); console.log('opened'); } catch (e) { console.log(e.message); process.exit(3); }`,
        ),
        { DIR: dir },
      );
      expect(await other.exited).toBe(3);
      expect(other.output()).toContain(`The data folder ${dir} is in use`);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  }, 60_000);

  it('a kill -9 loses nothing committed, and the folder opens again at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'implementa-kill-'));
    const writer = runTsx(
      script(`
        const h = await openDatabase({ dataDir: process.env.DIR });
        await migrate(h.db);
        await sql\`create table kept (n int)\`.execute(h.db);
        for (let n = 1; n <= 50; n++) await sql\`insert into kept values (\${n})\`.execute(h.db);
        console.log('COMMITTED');
        setInterval(() => {}, 1000);`),
      { DIR: dir },
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (writer.output().includes('COMMITTED')) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      writer.exited.then(() => reject(new Error(writer.output())));
    });
    writer.child.kill('SIGKILL');
    await writer.exited;
    const reopened = await openDatabase({ dataDir: dir });
    try {
      const count = await sql<{ n: number }>`select count(*)::int as n from kept`.execute(reopened.db);
      expect(count.rows[0]?.n).toBe(50);
    } finally {
      await reopened.close();
    }
  }, 90_000);
});
