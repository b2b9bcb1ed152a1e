import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../tests/free-port';

describe('start-up without a reachable database', () => {
  it('gives up after DATABASE_WAIT_SECONDS with one line naming DATABASE_URL (no password) and the cause', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: `postgres://implementa:s3cret-password@127.0.0.1:${port}/implementa`,
        DATABASE_WAIT_SECONDS: '2',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'implementa-startup-')),
        LOG_LEVEL: 'silent',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exit) => resolve(exit)));
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toContain(`DATABASE_URL=127.0.0.1:${port}/implementa`);
    expect(lines[0]).toContain('ECONNREFUSED');
    expect(lines[0]).not.toContain('s3cret-password');
    // Bounded: the wait (2 s) plus loading the server's modules on a busy machine.
    expect(Date.now() - started).toBeLessThan(90_000);
  }, 120_000);
});
