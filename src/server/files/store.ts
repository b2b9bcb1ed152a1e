import { randomUUID } from 'node:crypto';

/**
 * Where the bytes of attachments live. The database holds the metadata and the key; a store
 * holds the bytes under that key: a folder by default (disk-store.ts), S3-compatible object
 * storage when configured (s3-store.ts).
 */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  /** Stores the bytes under the key; either all of them are stored or nothing is. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The bytes under the key; throws when there are none. */
  get(key: string): Promise<Buffer>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** A fresh key: random, so that names and contents never collide or leak into paths. */
export function newStorageKey(prefix = 'evidence'): string {
  const id = randomUUID();
  return `${prefix}/${id.slice(0, 2)}/${id}`;
}

const keyPattern = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** Keys come from newStorageKey; anything else (a "..", an absolute path) is refused. */
export function checkKey(key: string): string {
  if (!keyPattern.test(key) || key.includes('//')) throw new Error(`invalid storage key: ${key}`);
  return key;
}
