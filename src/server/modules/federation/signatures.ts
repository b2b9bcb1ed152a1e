import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { createSigner, createVerifier, httpbis } from 'http-message-signatures';
import type { Ed25519Jwk } from '../../../shared/schemas/federation';

// Signed requests between a national instance and a hub (decision 038): HTTP Message Signatures
// (RFC 9421) by the http-message-signatures library, Ed25519 keys, over the method, the authority,
// the path and query, the content type, the body's Content-Digest (RFC 9530, sha-256) and the
// bearer token, with created/expires, the key id and a nonce. This file holds no database: the
// hub's routes look the key up and remember the nonces (federation-inbound.service.ts).

/** The components every federation request signs; the hub refuses a signature that leaves one out. */
export const coveredComponents = [
  '@method',
  '@authority',
  '@path',
  '@query',
  'content-type',
  'content-digest',
  'authorization',
] as const;
export const requiredParams = ['created', 'expires', 'keyid', 'nonce'] as const;
/** A signature lives this long; the hub accepts one created at most this long ago (and 30 s ahead). */
export const signatureWindowSeconds = 300;
export const clockToleranceSeconds = 30;

export interface KeyPair {
  keyId: string;
  privateKeyPem: string;
  publicJwk: Ed25519Jwk;
}

/** A fresh Ed25519 key pair; the key id is the JWK thumbprint (RFC 7638) of its public half. */
export function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: 'OKP'; crv: 'Ed25519'; x: string };
  const keyId = jwkThumbprint(jwk);
  return {
    keyId,
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: keyId },
  };
}

export function jwkThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The public key of a registered JWK; throws on one that is not an Ed25519 key. */
export function publicKeyOf(jwk: Ed25519Jwk): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
}

/** `sha-256=:…:` (RFC 9530) of a body. */
export function contentDigest(body: string | Buffer): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

export interface OutgoingRequest {
  method: 'PUT' | 'DELETE';
  url: string;
  body: string;
  token: string;
  keyId: string;
  privateKeyPem: string;
  /** Tests move the clock. */
  now?: Date;
  nonce?: string;
}

/** The headers of a signed federation request: content type, digest, bearer token, signature. */
export async function signRequest(request: OutgoingRequest): Promise<Record<string, string>> {
  const created = request.now ?? new Date();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-digest': contentDigest(request.body),
    authorization: `Bearer ${request.token}`,
  };
  const signed = await httpbis.signMessage(
    {
      key: createSigner(createPrivateKey(request.privateKeyPem), 'ed25519', request.keyId),
      name: 'federation',
      fields: [...coveredComponents],
      params: ['created', 'expires', 'nonce', 'keyid', 'alg'],
      paramValues: {
        created,
        expires: new Date(created.getTime() + signatureWindowSeconds * 1000),
        nonce: request.nonce ?? randomBytes(16).toString('base64url'),
      },
    },
    { method: request.method, url: request.url, headers },
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

export interface IncomingRequest {
  method: string;
  /** The URL as the sender addressed it: scheme, the Host header, path and query. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

/** Why a signed request was refused, in words for the sender's log (the hub answers 401 with it). */
export class SignatureError extends Error {
  override name = 'SignatureError';
}

export interface VerifiedSignature {
  keyId: string;
  nonce: string;
  expires: Date;
}

/**
 * Checks a request's digest and signature with the key its `keyid` names (`lookup` answers null
 * for an unknown key), that it covers every component above, and its time window. The nonce is
 * returned for the caller to refuse one seen before.
 */
export async function verifyRequest(
  request: IncomingRequest,
  lookup: (keyId: string) => Promise<Ed25519Jwk | null>,
  now = new Date(),
): Promise<VerifiedSignature> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  const header = (name: string): string | undefined => headers[name];
  const digest = header('content-digest');
  if (!digest) throw new SignatureError('the request has no Content-Digest header');
  const expected = Buffer.from(contentDigest(request.rawBody));
  const given = Buffer.from(digest.trim());
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new SignatureError('the Content-Digest does not match the body');
  if (!header('signature') || !header('signature-input')) throw new SignatureError('the request is not signed');

  let seen: { keyId: string; nonce: string; created: number; expires: number } | null = null;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  let result: boolean | null;
  try {
    result = await httpbis.verifyMessage(
      {
        keyLookup: async (params) => {
          const keyId = typeof params.keyid === 'string' ? params.keyid : '';
          const jwk = keyId ? await lookup(keyId) : null;
          if (!jwk) throw new SignatureError(`no active federation link has the key ${keyId || '(none)'}`);
          seen = {
            keyId,
            nonce: typeof params.nonce === 'string' ? params.nonce : '',
            created: params.created instanceof Date ? params.created.getTime() / 1000 : Number(params.created),
            expires: Number(params.expires),
          };
          return { id: keyId, algs: ['ed25519'], verify: createVerifier(publicKeyOf(jwk), 'ed25519') };
        },
        requiredParams: [...requiredParams],
        requiredFields: [...coveredComponents],
        maxAge: signatureWindowSeconds,
        tolerance: clockToleranceSeconds,
        notAfter: nowSeconds,
      },
      { method: request.method, url: request.url, headers },
    );
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    throw new SignatureError(`the signature is refused: ${(error as Error).message}`);
  }
  if (result !== true || !seen) throw new SignatureError('the signature does not verify with the registered key');
  const { keyId, nonce, created, expires } = seen as { keyId: string; nonce: string; created: number; expires: number };
  if (!/^[\w-]{16,100}$/.test(nonce)) throw new SignatureError('the signature has no usable nonce');
  if (!Number.isFinite(expires) || expires - created > signatureWindowSeconds)
    throw new SignatureError(`a signature may live ${signatureWindowSeconds} s at most`);
  return { keyId, nonce, expires: new Date(expires * 1000) };
}
