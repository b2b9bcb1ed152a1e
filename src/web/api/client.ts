import { AppError, type ErrorCode } from '../../shared/errors';
import type { ApiRoutes } from './schema.gen';

/**
 * The one way the web client talks to the server: JSON in, JSON out, the CSRF header on writes,
 * and every failure turned into an AppError (the server's JSON error, or INTERNAL when the
 * network or the body fails us).
 */

let csrfToken: string | null = null;
let unauthenticatedListener: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers UNAUTHENTICATED (an expired session). */
export function onUnauthenticated(listener: (() => void) | null): void {
  unauthenticatedListener = listener;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** When a proxy or the framework answers without our JSON shape, the status still says something. */
const codeByStatus: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_FILE',
  429: 'RATE_LIMITED',
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A file sent as it is (uploads), not as JSON. */
class RawBody {
  constructor(readonly blob: Blob) {}
}

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = body instanceof RawBody;
  if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  let payload: unknown = null;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body.blob : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
    const text = await response.text();
    if (text) {
      try {
        payload = JSON.parse(text);
      } catch {
        payload = null;
      }
    }
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new AppError('INTERNAL', { cause, detail: 'network' });
  }
  if (!response.ok) throw errorOf(response.status, payload);
  return payload as T;
}

/** The error an answer carries, or one named by its status when it has none of our shape. */
function errorOf(status: number, payload: unknown): AppError {
  let error = AppError.fromJSON(payload);
  const fallback = codeByStatus[status];
  if (error.code === 'INTERNAL' && fallback && !(payload as { error?: unknown } | null)?.error) {
    error = new AppError(fallback);
  }
  if (error.code === 'UNAUTHENTICATED') unauthenticatedListener?.();
  return error;
}

/** GETs a file (an export) with the name the server gives it; an error answer throws as elsewhere. */
async function download(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch (cause) {
    throw new AppError('INTERNAL', { cause, detail: 'network' });
  }
  if (!response.ok) throw errorOf(response.status, await response.json().catch(() => null));
  const disposition = response.headers.get('content-disposition') ?? '';
  return { blob: await response.blob(), fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', withQuery(path, query), undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a file's bytes as application/octet-stream (the import upload). */
  upload: <T>(path: string, file: Blob, query?: Query) => request<T>('POST', withQuery(path, query), new RawBody(file)),
  download,
};

/**
 * POSTs a file's bytes like api.upload, reporting the share sent so far (0 to 1): fetch cannot
 * tell upload progress, XMLHttpRequest can. Same CSRF header and error handling as request().
 */
export function uploadWithProgress<T>(
  path: string,
  file: Blob,
  query: Query,
  onProgress: (share: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new AppError('INTERNAL', { detail: 'network' }));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(payload as T);
      let error = AppError.fromJSON(payload);
      const fallback = codeByStatus[xhr.status];
      if (error.code === 'INTERNAL' && fallback && !(payload as { error?: unknown } | null)?.error) {
        error = new AppError(fallback);
      }
      if (error.code === 'UNAUTHENTICATED') unauthenticatedListener?.();
      reject(error);
    };
    xhr.send(file);
  });
}

export function toAppError(error: unknown): AppError {
  return error instanceof AppError ? error : new AppError('INTERNAL', { cause: error });
}

/**
 * The generated types of every route (schema.gen.ts, from the server's OpenAPI document:
 * `npm run generate:api`): a call named by its route, `'GET /api/recommendations/{id}'`, is typed
 * by it (path parameters, query, body, answer) instead of by a type written at the call.
 */
export type ApiRoute = keyof ApiRoutes;
export type ApiAnswer<R extends ApiRoute> = ApiRoutes[R]['response'];
export type ApiBody<R extends ApiRoute> = ApiRoutes[R]['body'];
type RouteOf<M extends Method> = Extract<ApiRoute, `${M} ${string}`>;
type NoParams = Record<string, never>;

export type ApiInit<R extends ApiRoute> = (ApiRoutes[R]['path'] extends NoParams
  ? { path?: undefined }
  : { path: ApiRoutes[R]['path'] }) & { query?: ApiRoutes[R]['query']; signal?: AbortSignal };

/** The URL of a route with its `{params}` filled in (each encoded) and its query appended. */
export function urlOf<R extends ApiRoute>(route: R, init?: ApiInit<R>): string {
  const template = route.slice(route.indexOf(' ') + 1);
  const params = (init?.path ?? {}) as Record<string, string | number>;
  const path = template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
  return withQuery(path, init?.query as Query | undefined);
}

function methodOf(route: ApiRoute): Method {
  return route.slice(0, route.indexOf(' ')) as Method;
}

export const typedApi = {
  get: <R extends RouteOf<'GET'>>(route: R, init?: ApiInit<R>) =>
    request<ApiAnswer<R>>('GET', urlOf(route, init), undefined, init?.signal),
  send: <R extends Exclude<ApiRoute, RouteOf<'GET'>>>(route: R, init: ApiInit<R> & { body?: ApiBody<R> }) =>
    request<ApiAnswer<R>>(
      methodOf(route),
      urlOf(route, init),
      init.body ?? (methodOf(route) === 'POST' ? {} : undefined),
    ),
};
