import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { locales } from '../shared/i18n/locales';
import { parseKinds } from './files/file-types';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Fastify's trustProxy: how many proxies stand in front (hop count), or their addresses. */
export type TrustProxy = false | number | string[];

/**
 * `true` trusted every X-Forwarded-For hop, so a client chose its own address by sending one
 * (unlimited sign-in attempts, forged audit IPs): only a hop count or the proxies' addresses.
 */
const trustProxySetting = z
  .string()
  .default('false')
  .transform((value, context): TrustProxy => {
    const text = value.trim().toLowerCase();
    if (text === 'false' || text === 'no' || text === '0') return false;
    if (/^\d+$/.test(text)) return Number(text);
    if (text === 'true' || text === 'yes') {
      context.addIssue({
        code: 'custom',
        message:
          'true trusts any X-Forwarded-For a client sends; give the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.1, 10.0.0.0/8)',
      });
      return z.NEVER;
    }
    const list = text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const bad = list.filter((part) => !isProxyAddress(part));
    if (bad.length > 0 || list.length === 0) {
      context.addIssue({
        code: 'custom',
        message: `not a hop count or a list of addresses/CIDRs: ${bad.join(', ') || value}`,
      });
      return z.NEVER;
    }
    return list;
  });

function isProxyAddress(text: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(text)) return true;
  const [address = '', bits, ...rest] = text.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix <= (version === 4 ? 32 : 128);
}

/** Every setting, checked once at boot; a wrong one stops the app with its name. */
const settingsSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** At start-up, how long to wait for PostgreSQL to answer before giving up. */
  DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * What this instance is (decision 034): a State's national instance (its register, entities,
   * reports and portal), or a knowledge hub hosting many countries' NMIRFs as members.
   */
  INSTANCE_MODE: z.enum(['national', 'hub']).default('national'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  /** Encrypts secrets kept in the database (two-step sign-in keys): AES-256-GCM, key derived by HKDF. */
  ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** OpenID Connect single sign-on: issuer, client id and secret together, or none (then off). */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends people back; default PUBLIC_URL/api/sso/callback (register it there). */
  OIDC_REDIRECT_URL: z.url().optional(),
  /** The provider's name on the sign-in button ("Sign in with …"); default the issuer's host. */
  OIDC_NAME: z.string().min(1).max(60).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Implementa <no-reply@implementa.localhost>'),
  DEFAULT_LOCALE: z.enum(locales).default('en'),
  DEMO: booleanString.optional(),
  /** The demo's year of work (decision 023); DEMO_YEAR=false keeps the demo as imported. */
  DEMO_YEAR: booleanString.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxySetting,
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Sign-in, reset and invitation attempts allowed per address and minute. */
  AUTH_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Requests allowed per API token and minute (RateLimit-* headers tell the machine where it stands). */
  API_TOKEN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Requests per minute per address on the public portal (anonymous readers, decision 032). */
  PUBLIC_RATE_PER_MINUTE: z.coerce.number().int().positive().default(600),
  UPLOAD_MAX_MB: z.coerce.number().positive().default(50),
  /** Who may read the API reference (/api/docs, /api/openapi.json). */
  API_DOCS: z.enum(['public', 'signed-in', 'off']).default('signed-in'),
  /** A mail that cannot be sent is tried again this many times, then marked failed. */
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(5),
  /** Wait before the first retry; each later one waits about twice as long as the one before. */
  MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Days before an action's end date when its responsible entity's focal points are reminded. */
  ACTION_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Days before an indicator's next due date when its data owner's focal points are reminded. */
  INDICATOR_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Federation (decision 038): wait before the first retry of a push to the hub; doubled each time, at most 6 hours. */
  FEDERATION_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How often the job worker looks for new jobs (pg-boss polling; at least half a second). */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Largest evidence file (progress updates, action documents), in megabytes. */
  EVIDENCE_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** Largest file attached to a hub's practice, in megabytes (decision 036). */
  HUB_ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** Practices one hub account may create or submit per hour (spam and abuse, decision 036). */
  HUB_PRACTICE_WRITES_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Kinds of evidence file accepted, by extension; each is checked by its content too. */
  EVIDENCE_TYPES: z
    .string()
    .default('pdf,docx,xlsx,csv,png,jpeg,odt,ods')
    .transform((value, context) => {
      const kinds = parseKinds(value);
      if (typeof kinds === 'string') {
        context.addIssue({ code: 'custom', message: kinds });
        return z.NEVER;
      }
      return kinds;
    }),
  /** S3-compatible storage for files; all four of endpoint, bucket and keys, or none (then DATA_DIR/files). */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

/** Single sign-on through one OpenID Connect provider (null: off). */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: URL;
  name: string;
}

export type Settings = z.output<typeof settingsSchema> & {
  publicUrl: string;
  sessionSecret: string;
  /** 32 bytes for AES-256-GCM, derived from ENCRYPTION_KEY (or the key file in DATA_DIR). */
  encryptionKey: Buffer;
  oidc: OidcSettings | null;
  demo: boolean;
  demoYear: boolean;
  dataDir: string;
};

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Reads settings from the environment. Without DATABASE_URL the app runs on PGlite in DATA_DIR
 * and is in demo mode unless DEMO=false. Outside production a missing SESSION_SECRET (or
 * ENCRYPTION_KEY) is made once and kept in DATA_DIR (files session-secret, encryption-key) so
 * that sessions and two-step sign-in survive a restart; production must set both.
 */
export function loadSettings(source: NodeJS.ProcessEnv = process.env): Settings {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = settingsSchema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new SettingsError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const s = parsed.data;
  const dataDir = resolve(s.DATA_DIR);
  const s3 = [s.S3_ENDPOINT, s.S3_BUCKET, s.S3_ACCESS_KEY_ID, s.S3_SECRET_ACCESS_KEY];
  if (s3.some(Boolean) && !s3.every(Boolean))
    throw new SettingsError(
      'Invalid settings:\n  S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set all four or none',
    );
  const oidcParts = [s.OIDC_ISSUER, s.OIDC_CLIENT_ID, s.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean))
    throw new SettingsError(
      'Invalid settings:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three for single sign-on, or none',
    );
  if (s.NODE_ENV === 'production') {
    if (!s.SESSION_SECRET) throw new SettingsError('Invalid settings:\n  SESSION_SECRET: required in production');
    if (!s.SMTP_URL) throw new SettingsError('Invalid settings:\n  SMTP_URL: required in production');
    if (!s.ENCRYPTION_KEY)
      throw new SettingsError(
        'Invalid settings:\n  ENCRYPTION_KEY: required in production (it encrypts two-step sign-in secrets in the database)',
      );
  }
  const publicUrl = (s.PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/$/, '');
  return {
    ...s,
    dataDir,
    publicUrl,
    sessionSecret: s.SESSION_SECRET ?? readOrCreateSecret(dataDir, 'session-secret'),
    encryptionKey: deriveEncryptionKey(s.ENCRYPTION_KEY ?? readOrCreateSecret(dataDir, 'encryption-key')),
    oidc:
      s.OIDC_ISSUER && s.OIDC_CLIENT_ID && s.OIDC_CLIENT_SECRET
        ? {
            issuer: new URL(s.OIDC_ISSUER),
            clientId: s.OIDC_CLIENT_ID,
            clientSecret: s.OIDC_CLIENT_SECRET,
            redirectUrl: new URL(s.OIDC_REDIRECT_URL ?? `${publicUrl}/api/sso/callback`),
            name: s.OIDC_NAME ?? new URL(s.OIDC_ISSUER).host,
          }
        : null,
    demo: s.DEMO ?? !s.DATABASE_URL,
    demoYear: s.DEMO_YEAR ?? true,
  };
}

/** Any text of 32 characters or more becomes a 256-bit key; the label keeps it apart from other uses. */
export function deriveEncryptionKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'implementa', 'database secrets v1', 32));
}

function readOrCreateSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
