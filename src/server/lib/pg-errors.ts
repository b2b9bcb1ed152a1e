// PostgreSQL's codes for the constraints services turn into clear refusals
// (https://www.postgresql.org/docs/current/errcodes-appendix.html).

export const uniqueViolation = '23505';
export const foreignKeyViolation = '23503';
export const exclusionViolation = '23P01';

/** The SQLSTATE of a database error, if that is what this is. */
export function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
