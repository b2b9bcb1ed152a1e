import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from './env';

const dataDir = () => mkdtempSync(join(tmpdir(), 'implementa-env-'));

describe('settings', () => {
  it('defaults to PGlite in ./data, demo mode, port 3000', () => {
    const settings = loadSettings({ DATA_DIR: dataDir() });
    expect(settings).toMatchObject({
      PORT: 3000,
      demo: true,
      DEFAULT_LOCALE: 'en',
      publicUrl: 'http://localhost:3000',
    });
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it('keeps a generated session secret across restarts outside production', () => {
    const dir = dataDir();
    const first = loadSettings({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadSettings({ DATA_DIR: dir }).sessionSecret).toBe(first);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(first);
  });

  it('names each wrong setting', () => {
    expect(() => loadSettings({ PORT: 'eighty', DATA_DIR: dataDir() })).toThrow(/PORT/);
    expect(() => loadSettings({ DATABASE_URL: 'mysql://x', DATA_DIR: dataDir() })).toThrow(
      /DATABASE_URL: must start with postgres/,
    );
    expect(() => loadSettings({ DEFAULT_LOCALE: 'de', DATA_DIR: dataDir() })).toThrow(/DEFAULT_LOCALE/);
    expect(() => loadSettings({ SESSION_SECRET: 'short', DATA_DIR: dataDir() })).toThrow(
      /SESSION_SECRET: must be at least 32/,
    );
    expect(() => loadSettings({ SMTP_URL: 'http://mail', DATA_DIR: dataDir() })).toThrow(/SMTP_URL/);
  });

  it('requires a session secret and SMTP in production', () => {
    expect(() => loadSettings({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' })).toThrow(
      /SESSION_SECRET: required/,
    );
    expect(() =>
      loadSettings({ NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', SESSION_SECRET: 'x'.repeat(40) }),
    ).toThrow(/SMTP_URL: required/);
  });

  it('runs without demo data on a PostgreSQL server unless asked', () => {
    expect(loadSettings({ DATABASE_URL: 'postgres://h/db', DATA_DIR: dataDir() }).demo).toBe(false);
    expect(loadSettings({ DATABASE_URL: 'postgres://h/db', DEMO: 'true', DATA_DIR: dataDir() }).demo).toBe(true);
  });
});
