// PostgreSQL's codes for the constraints services turn into clear refusals
// (https://www.postgresql.org/docs/current/errcodes-appendix.html).

export const uniqueViolation = '23505';
export const foreignKeyViolation = '23503';
export const exclusionViolation = '23P01';
/** Text PostgreSQL cannot store: a NUL byte (22021 in a parameter, 22P05 in a JSON \u0000 escape). */
export const badTextCodes: ReadonlySet<string> = new Set(['22021', '22P05']);

/** The SQLSTATE of a database error, if that is what this is. */
export function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

// The database went away under the app (a restart, a failover, a terminated backend, a pooler
// restart) or cannot be reached yet: a retry later may succeed, so the request gets a 503.
// SQLSTATE classes and codes: 08 connection exception; 57P01 admin shutdown (pg_terminate_backend,
// a restart), 57P02 crash shutdown, 57P03 cannot connect now (starting or stopping), 57P05 idle
// session timeout; 53300 too many connections. Node's socket errors, and node-postgres's own
// messages for a connection that ended (these carry no code).
const lostCodes = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const lostMessages =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/** Whether `error` (or what it wraps) means the database connection was lost or refused. */
export function isConnectionLost(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = pgCode(current);
    if (code && (lostCodes.has(code) || code.startsWith('08') || socketCodes.has(code))) return true;
    if (current instanceof Error && lostMessages.test(current.message)) return true;
    // An AggregateError (a host name resolving to several addresses, all refused) or a wrapped cause.
    const inner = current as { errors?: unknown[]; cause?: unknown };
    current = inner.errors?.[0] ?? inner.cause;
  }
  return false;
}

/** The name of the constraint a database error broke (pg and PGlite both report it). */
export function pgConstraint(error: unknown): string | undefined {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/**
 * The payload field (and message) behind each unique key a person can run into, so that a race
 * lost at the database (two identical requests at once, both past the service's own check)
 * answers the same 409 naming the field. A key not listed still answers 409, without a field.
 */
const issueByConstraint: Record<string, { path: string; message: string }> = {
  saved_views_user_id_name_key: { path: 'name', message: 'errors.CONFLICT' },
  assignments_recommendation_id_entity_id_key: { path: 'entityId', message: 'issues.alreadyAssigned' },
  entities_subdivision_key: { path: 'subdivisionCode', message: 'issues.entity.codeTaken' },
  entities_identity_key: { path: 'name', message: 'issues.entity.nameTaken' },
  entity_people_seat_key: { path: 'seat', message: 'issues.entity.seatTaken' },
  clusters_name_key: { path: 'name', message: 'issues.clusterNameTaken' },
  indicators_code_key: { path: 'code', message: 'issues.indicator.codeTaken' },
  recommendation_links_pkey: { path: 'otherId', message: 'issues.linkExists' },
  users_email_key: { path: 'email', message: 'errors.EMAIL_TAKEN' },
  taxonomy_terms_taxonomy_code_key: { path: 'code', message: 'errors.CONFLICT' },
  bodies_pkey: { path: 'code', message: 'errors.CONFLICT' },
};

export function issueOfConstraint(constraint: string | undefined): { path: string; message: string } | undefined {
  return constraint ? issueByConstraint[constraint] : undefined;
}
