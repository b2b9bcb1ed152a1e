/**
 * The one error type of Implementa. Server code throws it; the HTTP layer maps its code to a
 * status in one place (httpStatusOf); the web client rebuilds it from the JSON body and shows
 * the message of `errors.<code>` in the user's language, filled with `params`.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'STALE_VERSION',
  'CONFLICT',
  'ENTITY_IN_USE',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'RATE_LIMITED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_USED',
  'API_TOKEN_INVALID',
  'API_TOKEN_REVOKED',
  'API_TOKEN_EXPIRED',
  'API_TOKEN_SCOPE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_FILE',
  'IMPORT_INVALID',
  'FOREIGN_STATE',
  'MAIL_FAILED',
  'SECTION_CHANGED',
  'PDF_ENGINE_MISSING',
  'PDF_CONVERSION_FAILED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  STALE_VERSION: 409,
  CONFLICT: 409,
  ENTITY_IN_USE: 409,
  EMAIL_TAKEN: 409,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  RATE_LIMITED: 429,
  TOKEN_INVALID: 400,
  TOKEN_EXPIRED: 410,
  TOKEN_USED: 410,
  // A machine's bearer token: unknown, revoked or expired answer 401 (send another token);
  // a token used beyond its scope answers 403 naming the scope.
  API_TOKEN_INVALID: 401,
  API_TOKEN_REVOKED: 401,
  API_TOKEN_EXPIRED: 401,
  API_TOKEN_SCOPE: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  IMPORT_INVALID: 422,
  // Another State's documents in a national installation: applied only once the person confirms.
  FOREIGN_STATE: 409,
  MAIL_FAILED: 502,
  // Someone saved the section first: the body carries their text (params) beside the user's own.
  SECTION_CHANGED: 409,
  PDF_ENGINE_MISSING: 503,
  PDF_CONVERSION_FAILED: 502,
  // The database connection was lost or refused (a restart, a failover): try again shortly.
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function httpStatusOf(code: ErrorCode): number {
  return statusByCode[code];
}

/** Where in a payload or a file the problem is: a field path, or file / row / column / paragraph. */
export interface ErrorIssue {
  path?: string;
  file?: string;
  row?: number;
  column?: string;
  paragraph?: string;
  page?: number;
  /** A message key (under the errors or issues namespace) or plain text from a library (zod). */
  message: string;
}

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly issues: ErrorIssue[];

  constructor(
    code: ErrorCode,
    options: { params?: ErrorParams; issues?: ErrorIssue[]; cause?: unknown; detail?: string } = {},
  ) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
  }

  get status(): number {
    return httpStatusOf(this.code);
  }

  toJSON(): AppErrorBody {
    return { error: { code: this.code, message: this.message, params: this.params, issues: this.issues } };
  }

  /** Rebuilds the error from a response body (web client); unknown shapes become INTERNAL. */
  static fromJSON(body: unknown): AppError {
    const error = (body as Partial<AppErrorBody> | null)?.error;
    if (error && typeof error.code === 'string' && (errorCodes as readonly string[]).includes(error.code)) {
      return new AppError(error.code as ErrorCode, {
        params: error.params ?? {},
        issues: error.issues ?? [],
        detail: error.message,
      });
    }
    return new AppError('INTERNAL');
  }
}

export interface AppErrorBody {
  error: { code: ErrorCode; message: string; params: ErrorParams; issues: ErrorIssue[] };
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
