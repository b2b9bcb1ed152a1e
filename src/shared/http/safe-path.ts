/**
 * The one check of a path we are asked to send a person to after signing in (`?next=`), used by
 * the sign-in page and by single sign-on's start. Only a page of this site passes: never another
 * origin (`//evil`, `/\evil`: browsers read a backslash as a slash), never the API (a redirect
 * to `/api/…` would make a signed-in browser fire a request of the attacker's choosing), never a
 * scheme (`javascript:`). Browsers drop tabs and newlines inside a URL (`/\t/evil` is `//evil`)
 * and decode percent-escapes on the way, so control characters are refused and every decoding
 * of the value must pass too.
 */
export const safePathMaxLength = 500;

const base = 'https://implementa.invalid';

function passes(path: string): boolean {
  if (!path.startsWith('/') || path.startsWith('//')) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point.
  if (path.includes('\\') || /[\u0000-\u001f\u007f]/.test(path)) return false;
  if (/^\/api(?:[/?#]|$)/i.test(path)) return false;
  try {
    return new URL(path, base).origin === base;
  } catch {
    return false;
  }
}

/** The path itself when it is a page of this site, else null. */
export function safeLocalPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > safePathMaxLength) return null;
  let current = value;
  // Each layer of encoding is decoded and checked: `%252F%252F` is `%2F%2F` is `//`.
  for (let layer = 0; layer < 4; layer += 1) {
    if (!passes(current)) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (decoded === current) return value;
    current = decoded;
  }
  return null;
}

/** Where to go after signing in: the asked path when it is safe, else the home page. */
export function safeNext(value: unknown): string {
  return safeLocalPath(value) ?? '/';
}
