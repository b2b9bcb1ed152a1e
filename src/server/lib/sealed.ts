import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets the server must read back (two-step sign-in keys), kept encrypted in the database:
 * AES-256-GCM with a fresh 96-bit nonce per value, stored as `v1:` + base64url(nonce ‖ tag ‖
 * ciphertext). The tag makes a wrong key or an altered value fail loudly instead of giving
 * garbage. The version prefix leaves room to change algorithm or key later; a value without
 * it is a plaintext one from before encryption (see identity/totp-sealing.ts).
 */
const prefix = 'v1:';

export class UnsealError extends Error {
  override name = 'UnsealError';
}

export function isSealed(value: string): boolean {
  return value.startsWith(prefix);
}

export function seal(key: Buffer, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return prefix + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
}

export function unseal(key: Buffer, sealed: string): string {
  if (!isSealed(sealed)) throw new UnsealError('not an encrypted value');
  const bytes = Buffer.from(sealed.slice(prefix.length), 'base64url');
  if (bytes.length < 28) throw new UnsealError('encrypted value too short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new UnsealError('the key does not open this value (another ENCRYPTION_KEY, or altered)');
  }
}
