import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { encode, type ZodType } from 'zod';

type Encoding = 'br' | 'gzip';

interface Bytes {
  json: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

/** Below this, compressing costs more than it saves (as @fastify/compress's threshold). */
const threshold = 1024;

const compressors: Record<Encoding, (json: Buffer) => Promise<Buffer>> = {
  // Quality 5, not @fastify/compress's 4: done once per kept answer, so a little more effort is free.
  br: (json) =>
    promisify(brotliCompress)(json, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
      },
    }),
  gzip: (json) => promisify(gzip)(json, { level: 6 }),
};

/** The answer objects a memo keeps, with their bytes: dropped with the answer (decision 041). */
const kept = new WeakMap<object, Bytes>();

/**
 * The encoding to send: brotli, else gzip, when the client accepts it (q > 0); `*` counts for
 * both. Anything else (absent header, identity only, an unparsable one) gets plain JSON.
 */
export function acceptedEncoding(header: string | string[] | undefined): Encoding | null {
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/**
 * Sends an answer that a generation memo keeps (decision 028) as bytes kept beside it: its JSON
 * is encoded through the route's response schema once (what the zod serialiser would write,
 * unknown keys dropped), and compressed once per encoding, instead of on every request. A memo
 * hit hands back the same object, so it finds its bytes here; when the memo lets the answer go,
 * its bytes go with it. An answer not kept by a memo may be passed too: its bytes are then used
 * once and collected.
 */
export async function sendKept(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: object,
  schema: ZodType,
): Promise<FastifyReply> {
  let bytes = kept.get(answer);
  if (!bytes) {
    bytes = { json: Buffer.from(JSON.stringify(encode(schema, answer))) };
    kept.set(answer, bytes);
  }
  reply.header('content-type', 'application/json; charset=utf-8');
  if (bytes.json.length < threshold) return reply.send(bytes.json);
  appendVary(reply, 'accept-encoding');
  const encoding = acceptedEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(bytes.json);
  const own = bytes;
  let pending = own[encoding];
  if (!pending) {
    pending = compressors[encoding](own.json);
    own[encoding] = pending;
    // A failure is not kept: the next request tries again.
    pending.catch(() => {
      if (own[encoding] === pending) own[encoding] = undefined;
    });
  }
  const body = await pending;
  // Named, so @fastify/compress leaves it alone.
  return reply.header('content-encoding', encoding).header('content-length', body.length).send(body);
}

/**
 * Sends text compressed for this request alone, as @fastify/compress would: for a reply it does
 * not reach (the not-found handler's pages, which carry their first API answers: decision 041).
 */
export async function sendCompressed(
  request: FastifyRequest,
  reply: FastifyReply,
  text: string,
  contentType: string,
): Promise<FastifyReply> {
  const bytes = Buffer.from(text);
  reply.header('content-type', contentType);
  if (bytes.length < threshold) return reply.send(bytes);
  appendVary(reply, 'accept-encoding');
  const encoding = acceptedEncoding(request.headers['accept-encoding']);
  if (!encoding) return reply.send(bytes);
  const body = await compressors[encoding](bytes);
  return reply.header('content-encoding', encoding).header('content-length', body.length).send(body);
}

function appendVary(reply: FastifyReply, name: string): void {
  const current = reply.getHeader('vary');
  const values = String(current ?? '')
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter(Boolean);
  if (!values.includes(name)) reply.header('vary', [...values, name].join(', '));
}
