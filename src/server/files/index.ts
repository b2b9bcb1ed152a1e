import { join } from 'node:path';
import { createDiskStore } from './disk-store';
import { createS3Store } from './s3-store';
import type { FileStore } from './store';

export interface FileSettings {
  dataDir: string;
  S3_ENDPOINT?: string | undefined;
  S3_BUCKET?: string | undefined;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
}

/** S3-compatible storage when its settings are there (env.ts checks they come together), else DATA_DIR/files. */
export function createFileStore(settings: FileSettings): FileStore {
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = settings;
  if (S3_ENDPOINT && S3_BUCKET && S3_ACCESS_KEY_ID && S3_SECRET_ACCESS_KEY)
    return createS3Store({
      endpoint: S3_ENDPOINT,
      bucket: S3_BUCKET,
      region: settings.S3_REGION,
      accessKeyId: S3_ACCESS_KEY_ID,
      secretAccessKey: S3_SECRET_ACCESS_KEY,
    });
  return createDiskStore(join(settings.dataDir, 'files'));
}

export type { FileStore } from './store';
