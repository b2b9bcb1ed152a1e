import type { Database } from './db/database';
import type { Settings } from './env';
import type { FileStore } from './files';
import type { JobQueue } from './jobs/queue';
import type { Mailer } from './mail/mailer';

/** What services need from the outside world; built once in app.ts, replaced in tests. */
export interface Deps {
  db: Database;
  /** Sends mail for the job worker; services queue mail with queueMail (modules/outbox) instead. */
  mailer: Mailer;
  jobs: JobQueue;
  /** Bytes of attachments (evidence, action documents): a folder, or S3-compatible storage. */
  files: FileStore;
  settings: Pick<
    Settings,
    | 'publicUrl'
    | 'SIGN_IN_MAX_FAILURES'
    | 'SIGN_IN_LOCK_MINUTES'
    | 'SESSION_TTL_HOURS'
    | 'demo'
    | 'UPLOAD_MAX_MB'
    | 'AUTH_RATE_PER_MINUTE'
    | 'API_TOKEN_RATE_PER_MINUTE'
    | 'INSTANCE_MODE'
    | 'ACTION_REMINDER_DAYS'
    | 'INDICATOR_REMINDER_DAYS'
    | 'FEDERATION_RETRY_SECONDS'
    | 'EVIDENCE_MAX_MB'
    | 'EVIDENCE_TYPES'
    | 'HUB_ATTACHMENT_MAX_MB'
    | 'HUB_PRACTICE_WRITES_PER_HOUR'
    | 'encryptionKey'
    | 'oidc'
  >;
}
