import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import { expect } from 'vitest';
import { type Client, cookieOf } from '../../../../tests/app';
import { testPassword } from '../../../../tests/factories';

/** Shared by the two-step sign-in tests (second-factor, totp-sealing): enrolment and the two steps. */

/** The code an authenticator app shows for that secret, `steps` periods from now. */
export const codeFor = (secret: string, steps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

/** Sets up and turns on the second factor for the client's account, as the settings page does. */
export async function enrol(client: Client): Promise<{ secret: string; firstCode: string; recoveryCodes: string[] }> {
  const setup = await client.request('POST', '/api/me/totp/setup');
  const { secret, uri } = setup.json() as { secret: string; uri: string };
  expect(uri).toMatch(/^otpauth:\/\/totp\/Implementa:.+\?.*secret=/);
  const firstCode = codeFor(secret);
  const enabled = await client.request('POST', '/api/me/totp/enable', { code: firstCode });
  expect(enabled.statusCode).toBe(200);
  return { secret, firstCode, recoveryCodes: enabled.json().recoveryCodes };
}

/** The password's half of a sign-in (the test password of tests/factories). */
export const passwordStep = (app: FastifyInstance, email: string) =>
  app.inject({ method: 'POST', url: '/api/session', payload: { email, password: testPassword } });

/** The code's half, with the cookie the password's half set. */
export const codeStep = (app: FastifyInstance, pending: LightMyRequestResponse, code: string) =>
  app.inject({
    method: 'POST',
    url: '/api/session/second-factor',
    payload: { code },
    headers: { cookie: cookieOf(pending) },
  });
