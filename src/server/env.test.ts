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

  it('requires ENCRYPTION_KEY in production; elsewhere keeps a generated one in DATA_DIR', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', SESSION_SECRET: 'x'.repeat(40) };
    expect(() => loadSettings({ ...production, SMTP_URL: 'smtp://mail' })).toThrow(
      /ENCRYPTION_KEY: required in production/,
    );
    expect(() => loadSettings({ ENCRYPTION_KEY: 'short', DATA_DIR: dataDir() })).toThrow(
      /ENCRYPTION_KEY: must be at least 32/,
    );
    const dir = dataDir();
    const first = loadSettings({ DATA_DIR: dir }).encryptionKey;
    expect(first).toHaveLength(32);
    expect(loadSettings({ DATA_DIR: dir }).encryptionKey.equals(first)).toBe(true);
    expect(readFileSync(join(dir, 'encryption-key'), 'utf8').length).toBeGreaterThanOrEqual(32);
    const given = loadSettings({ ENCRYPTION_KEY: 'k'.repeat(40), DATA_DIR: dataDir() }).encryptionKey;
    expect(given.equals(loadSettings({ ENCRYPTION_KEY: 'k'.repeat(40), DATA_DIR: dataDir() }).encryptionKey)).toBe(
      true,
    );
  });

  it('turns single sign-on on with issuer, client id and secret together, off with none', () => {
    expect(loadSettings({ DATA_DIR: dataDir() }).oidc).toBeNull();
    expect(() => loadSettings({ OIDC_ISSUER: 'https://id.example.org', DATA_DIR: dataDir() })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three/,
    );
    expect(() => loadSettings({ OIDC_ISSUER: 'not a url', DATA_DIR: dataDir() })).toThrow(/OIDC_ISSUER/);
    const oidc = loadSettings({
      OIDC_ISSUER: 'https://id.example.org/realms/gov',
      OIDC_CLIENT_ID: 'implementa',
      OIDC_CLIENT_SECRET: 'secret',
      PUBLIC_URL: 'https://implementa.example.org/',
      DATA_DIR: dataDir(),
    }).oidc;
    expect(oidc?.redirectUrl.href).toBe('https://implementa.example.org/api/sso/callback');
    expect(oidc?.name).toBe('id.example.org');
  });

  it('runs without demo data on a PostgreSQL server unless asked', () => {
    expect(loadSettings({ DATABASE_URL: 'postgres://h/db', DATA_DIR: dataDir() }).demo).toBe(false);
    expect(loadSettings({ DATABASE_URL: 'postgres://h/db', DEMO: 'true', DATA_DIR: dataDir() }).demo).toBe(true);
  });
});

describe('TRUST_PROXY', () => {
  const load = (value: string) => loadSettings({ TRUST_PROXY: value, DATA_DIR: dataDir() }).TRUST_PROXY;

  it('takes a hop count or a list of proxy addresses and CIDRs', () => {
    expect(load('false')).toBe(false);
    expect(load('1')).toBe(1);
    expect(load('2')).toBe(2);
    expect(load('10.0.0.1, 10.1.0.0/16,::1')).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
    expect(loadSettings({ DATA_DIR: dataDir() }).TRUST_PROXY).toBe(false);
  });

  it('refuses true, which let a client choose its address, naming the setting', () => {
    expect(() => load('true')).toThrow(/TRUST_PROXY: true trusts any X-Forwarded-For/);
    expect(() => load('yes')).toThrow(/TRUST_PROXY/);
    expect(() => load('10.0.0.1, proxy.local')).toThrow(/TRUST_PROXY: not a hop count .*proxy\.local/);
    expect(() => load('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
  });
});
