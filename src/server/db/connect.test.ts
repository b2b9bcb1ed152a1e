import { describe, expect, it } from 'vitest';
import { isConnectionLost } from '../lib/pg-errors';
import { causeOf, describeDatabaseUrl } from './connect';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('a lost database connection, told apart from other errors', () => {
  it('counts terminated backends, restarts, refused sockets and node-postgres’s own messages', () => {
    expect(isConnectionLost(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isConnectionLost(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isConnectionLost(withCode('terminating connection due to idle-session timeout', '57P05'))).toBe(true);
    expect(isConnectionLost(withCode('connection failure', '08006'))).toBe(true);
    expect(isConnectionLost(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isConnectionLost(withCode('read ECONNRESET', 'ECONNRESET'))).toBe(true);
    expect(isConnectionLost(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionLost(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    // localhost resolving to ::1 and 127.0.0.1, both refused: an AggregateError without a message.
    expect(isConnectionLost(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''))).toBe(
      true,
    );
  });

  it('leaves constraint violations, syntax errors and plain bugs alone', () => {
    expect(isConnectionLost(withCode('duplicate key value', '23505'))).toBe(false);
    expect(isConnectionLost(withCode('syntax error at or near', '42601'))).toBe(false);
    expect(isConnectionLost(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isConnectionLost(undefined)).toBe(false);
  });
});

describe('the start-up line', () => {
  it('names DATABASE_URL by host, port and database, never the password', () => {
    expect(describeDatabaseUrl('postgres://app:s3cret@db.internal:6432/implementa')).toBe(
      'db.internal:6432/implementa',
    );
    expect(describeDatabaseUrl('postgresql://app@db.internal/implementa')).toBe('db.internal:5432/implementa');
  });

  it('gives the cause in one line, from an AggregateError too', () => {
    const refused = new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], '');
    expect(causeOf(refused)).toBe('connect ECONNREFUSED ::1:5432');
    expect(causeOf(withCode('database "x"\n does not exist', '3D000'))).toBe('database "x" does not exist');
  });
});
