/**
 * The API answers the server sent with the page (server/http/page-boot.ts, decision 041): who is
 * signed in, and for some pages their first data, keyed by the URL the client would ask. Each is
 * used by the first view that shows it, and only while the page is fresh: a later visit to the
 * same address (a client-side navigation) asks the server again.
 */
const elementId = 'implementa-answers';
/** Past this (ms since the page's navigation started), what the page came with is not used. */
const freshForMs = 30_000;

let answers: Map<string, unknown> | null = null;

function read(): Map<string, unknown> {
  if (answers) return answers;
  answers = new Map();
  const element = document.getElementById(elementId);
  if (element?.textContent) {
    try {
      for (const [url, answer] of Object.entries(JSON.parse(element.textContent) as Record<string, unknown>)) {
        answers.set(url, answer);
      }
    } catch {
      // A page without usable answers asks for them, as it did before.
    }
  }
  element?.remove();
  return answers;
}

/**
 * The answer the page came with for this URL; undefined when there is none (then fetch it). It
 * stays until `usedBootAnswer` says it was shown: a render that suspends (a lazy chunk, a
 * catalogue part) is thrown away by React and renders again, and must find it again.
 */
export function peekBootAnswer<T>(url: string): T | undefined {
  const found = read();
  if (!found.has(url) || performance.now() >= freshForMs) return undefined;
  return found.get(url) as T;
}

/** The answer is on screen: a later request for the URL asks the server. */
export function usedBootAnswer(url: string): void {
  read().delete(url);
}
