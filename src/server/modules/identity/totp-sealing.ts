import type { Database } from '../../db/database';
import { isSealed, seal, UnsealError, unseal } from '../../lib/sealed';
import { findStoredTotpSecrets, setTotp } from './identity.repo';

export class EncryptionKeyError extends Error {
  override name = 'EncryptionKeyError';
}

/**
 * At start-up, after the migrations: two-step secrets stored in plaintext (before encryption
 * came, or restored from such a backup) are encrypted with the key; the encrypted ones are
 * checked to open with it. A key that opens none of them (another ENCRYPTION_KEY, or a lost
 * DATA_DIR/encryption-key) stops the start with one line naming the setting, before anyone is
 * locked out by "wrong code" answers. One transaction, so a second server starting at the same
 * time waits and then finds nothing left to do.
 */
export async function sealTotpSecrets(db: Database, key: Buffer): Promise<{ sealed: number }> {
  return db.transaction().execute(async (trx) => {
    const rows = await findStoredTotpSecrets(trx);
    const unopenable = rows.filter((row) =>
      [row.totp_secret, row.totp_pending_secret].some((value) => value && isSealed(value) && !opens(key, value)),
    );
    if (unopenable.length > 0)
      throw new EncryptionKeyError(
        `ENCRYPTION_KEY does not open the two-step sign-in secrets of ${unopenable.length} account(s): ` +
          'start with the key they were encrypted with (the setting, or the encryption-key file of the DATA_DIR they came from)',
      );
    let sealed = 0;
    for (const row of rows) {
      const change: { totp_secret?: string; totp_pending_secret?: string } = {};
      if (row.totp_secret && !isSealed(row.totp_secret)) change.totp_secret = seal(key, row.totp_secret);
      if (row.totp_pending_secret && !isSealed(row.totp_pending_secret))
        change.totp_pending_secret = seal(key, row.totp_pending_secret);
      if (Object.keys(change).length === 0) continue;
      await setTotp(trx, row.id, change);
      sealed++;
    }
    return { sealed };
  });
}

function opens(key: Buffer, value: string): boolean {
  try {
    unseal(key, value);
    return true;
  } catch (error) {
    if (error instanceof UnsealError) return false;
    throw error;
  }
}
