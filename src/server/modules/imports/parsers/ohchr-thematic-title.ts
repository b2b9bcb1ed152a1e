/**
 * The review an OHCHR thematic list belongs to, from its page header: "UPR of Slovenia (4th Cycle
 * - 48th Session) Thematic list of recommendations". The table names no State, session or date;
 * without this the list's review had none (issue 13).
 */
import type { ParsedReview } from './types.js';

/** The text of a WordprocessingML part: its runs joined (a number may be split across runs). */
function partText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g)]
    .map((m) => (m[1] === undefined ? ' ' : m[1]))
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const title = /UPR of (.+?)\s*\(\s*(\d+)\s*(?:st|nd|rd|th)\s+Cycle\s*[-–—]\s*(\d+)\s*(?:st|nd|rd|th)\s+Session\s*\)/i;

/** State, cycle and session named in the headers, if one of them has the title. */
export function thematicListReview(headers: (string | undefined)[]): ParsedReview | undefined {
  for (const xml of headers) {
    const m = xml ? title.exec(partText(xml)) : null;
    if (m?.[1]) return { body: 'UPR', country: m[1].trim(), cycle: Number(m[2]), session: Number(m[3]) };
  }
  return undefined;
}
