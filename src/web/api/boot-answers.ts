/**
 * The API answers the server sent with the page (server/http/page-boot.ts, decision 041): who is
 * signed in, and for some pages their first data, keyed by the URL the client would ask. Each is
 * used once, by the first request for that URL, and only while the page is fresh: a later visit
 * to the same address (a client-side navigation) asks the server again.
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

/** The answer the page came with for this URL, once; undefined when there is none (then fetch it). */
export function takeBootAnswer<T>(url: string): T | undefined {
  const found = read();
  if (!found.has(url)) return undefined;
  const answer = found.get(url) as T;
  found.delete(url);
  return performance.now() < freshForMs ? answer : undefined;
}
