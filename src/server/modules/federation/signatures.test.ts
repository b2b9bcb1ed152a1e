import { describe, expect, it } from 'vitest';
import type { Ed25519Jwk } from '../../../shared/schemas/federation';
import { generateKeyPair, type IncomingRequest, SignatureError, signRequest, verifyRequest } from './signatures';

const key = generateKeyPair();
const other = generateKeyPair();
const url = 'http://hub.example:3001/api/federation/inbound/practices/7c1e8e4f-5f1e-4c3e-9d2a-0b6f3a525f1e';
const body = JSON.stringify({ revision: 3, practice: { level: 'national' } });
const token = 'imp_abcdefghijklmnopqrstuvwxyz012345';

async function signed(overrides: { now?: Date; nonce?: string } = {}): Promise<IncomingRequest> {
  const headers = await signRequest({
    method: 'PUT',
    url,
    body,
    token,
    keyId: key.keyId,
    privateKeyPem: key.privateKeyPem,
    ...overrides,
  });
  return { method: 'PUT', url, headers: { ...headers, host: 'hub.example:3001' }, rawBody: body };
}
const registered = async (keyId: string): Promise<Ed25519Jwk | null> => (keyId === key.keyId ? key.publicJwk : null);

async function refusal(request: IncomingRequest, lookup = registered): Promise<string> {
  try {
    await verifyRequest(request, lookup);
  } catch (error) {
    expect(error).toBeInstanceOf(SignatureError);
    return (error as Error).message;
  }
  throw new Error('the request was accepted');
}

describe('federation signatures (RFC 9421, Ed25519)', () => {
  it('a signed request verifies, naming its key and nonce', async () => {
    const verified = await verifyRequest(await signed({ nonce: 'nonce-0123456789abcdef' }), registered);
    expect(verified.keyId).toBe(key.keyId);
    expect(verified.nonce).toBe('nonce-0123456789abcdef');
  });

  it('the key id is the JWK thumbprint and the JWK holds only the public half', () => {
    expect(key.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: key.keyId });
    expect(JSON.stringify(key.publicJwk)).not.toContain('"d"');
  });

  it('a changed body fails the digest', async () => {
    const request = await signed();
    expect(await refusal({ ...request, rawBody: body.replace('3', '4') })).toMatch(/Content-Digest does not match/);
  });

  it('a changed body with a recomputed digest fails the signature', async () => {
    const request = await signed();
    const changed = body.replace('3', '4');
    const { contentDigest } = await import('./signatures');
    const headers = { ...request.headers, 'content-digest': contentDigest(changed) };
    expect(await refusal({ ...request, headers, rawBody: changed })).toMatch(/does not verify/);
  });

  it('a changed path, host, method, header or token fails the signature', async () => {
    const request = await signed();
    const otherPath = url.replace('7c1e8e4f', '00000000');
    expect(await refusal({ ...request, url: otherPath })).toMatch(/does not verify/);
    expect(await refusal({ ...request, url: url.replace('hub.example', 'evil.example') })).toMatch(/does not verify/);
    expect(await refusal({ ...request, method: 'DELETE' })).toMatch(/does not verify/);
    expect(await refusal({ ...request, headers: { ...request.headers, 'content-type': 'text/plain' } })).toMatch(
      /does not verify/,
    );
    expect(
      await refusal({ ...request, headers: { ...request.headers, authorization: 'Bearer imp_another_token_000000' } }),
    ).toMatch(/does not verify/);
  });

  it('a wrong key fails: signed by another key under the registered id, or an unknown key id', async () => {
    const forged = await signRequest({
      method: 'PUT',
      url,
      body,
      token,
      keyId: key.keyId,
      privateKeyPem: other.privateKeyPem,
    });
    expect(await refusal({ method: 'PUT', url, headers: forged, rawBody: body })).toMatch(/does not verify/);
    const unknown = await signRequest({
      method: 'PUT',
      url,
      body,
      token,
      keyId: other.keyId,
      privateKeyPem: other.privateKeyPem,
    });
    expect(await refusal({ method: 'PUT', url, headers: unknown, rawBody: body })).toMatch(/no active federation link/);
  });

  it('an expired or too old signature is refused, and one from the future too', async () => {
    expect(await refusal(await signed({ now: new Date(Date.now() - 10 * 60_000) }))).toMatch(/expired|too old/);
    expect(await refusal(await signed({ now: new Date(Date.now() + 10 * 60_000) }))).toMatch(/too old|refused/);
  });

  it('an unsigned request is refused', async () => {
    const request = await signed();
    const { signature: _s, 'signature-input': _i, ...headers } = request.headers;
    expect(await refusal({ ...request, headers })).toMatch(/not signed/);
  });
});
