/**
 * Splits a UPR recommendation paragraph such as
 *   "118.7 Ratify the Second Optional Protocol … (Argentina) (Côte d’Ivoire) (Namibia) (Togo);"
 * into its number, its clean text and the recommending States as written.
 *
 * A paragraph may hold several asks, each closed by its own States:
 *   "Consider … (Chile); Consider ratifying … (Nepal);" → text "Consider … Consider ratifying …".
 * Parenthesised groups that are not State names stay in the text: "(the Paris Principles)",
 * "(Maputo Protocol)", "(2017– 2022)". A State name is recognised by its shape (capitalised words,
 * no digits, no acronym, not ending in an instrument noun) rather than by a list, so that new or
 * renamed States ("Türkiye", "Netherlands (Kingdom of the)") still work.
 */
import { squash } from './common.js';

export interface UprParagraph {
  number?: string;
  text: string;
  recommendingStates: string[];
}

const numberRe = /^(\d{1,3}\.\d{1,3})\.?\s+/;
/** a run of parenthesised groups (one nested level) closing a segment: then ';', '.' or the end */
const runRe = /((?:\s*\((?:[^()]|\([^()]*\))*\))+)\s*(?:[;.,](?=\s|$)|$)/g;
const groupRe = /\(((?:[^()]|\([^()]*\))*)\)/g;
const connectors = new Set([
  'of',
  'the',
  'former',
  'and',
  'da',
  'de',
  'del',
  'des',
  'du',
  'y',
  'et',
  'la',
  'los',
  'las',
  'le',
  'di',
  'e',
]);
const instrumentNouns =
  /\b(Protocol|Convention|Covenant|Rules|Principles|Guidelines|Act|Law|Code|Plan|Strategy|Programme|Program|Policy|Agenda|Declaration|Charter|Statute|Framework|Initiative|Fund|Commission|Committee|Council|Court|Office|Ombudsman|Institution|Mechanism|Treaty|Agreement|Procedure|Goals?)$/;

export function isStateName(name: string): boolean {
  // Older reports write "(the former Yugoslav Republic of Macedonia)"; "the Paris Principles" is
  // still refused below by its instrument noun.
  const value = squash(name).replace(/^the (former )?(?=\p{Lu})/u, '');
  if (value.length < 3 || value.length > 70 || /[\d,;:]/.test(value)) return false;
  if (!/^\p{Lu}/u.test(value) || instrumentNouns.test(value.replace(/\s*\(.*\)$/, ''))) return false;
  const words = value
    .replace(/[()]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  return words.every(
    (w) =>
      connectors.has(w) ||
      /^d[’']\p{Lu}/u.test(w) ||
      (/^\p{Lu}/u.test(w) && !(w.length > 2 && w === w.toUpperCase() && /\p{L}{3}/u.test(w))),
  );
}

/** "(Portugal, Slovakia)" (older reports) holds two States; undefined when not all are States. */
function stateNames(group: string): string[] | undefined {
  const whole = squash(group);
  if (isStateName(whole)) return [whole];
  const parts = whole.split(/\s*,\s*(?:and\s+)?|\s+and\s+(?=\p{Lu})/u);
  return parts.length > 1 && parts.every(isStateName) ? parts : undefined;
}

function cleanSegment(text: string): string {
  return squash(text)
    .replace(/[\s;,:]+$/u, '')
    .replace(/\s+\.$/, '.')
    .replace(/\.$/, '');
}

/** Parses the paragraph as one recommendation, whatever numbers its text embeds. */
export function parseUprParagraph(paragraph: string): UprParagraph {
  const source = squash(paragraph);
  const numberMatch = numberRe.exec(source);
  const body = numberMatch ? source.slice(numberMatch[0].length) : source;
  const texts: string[] = [];
  const states: string[] = [];
  let start = 0;
  for (const run of body.matchAll(runRe)) {
    const groups = [...run[1]!.matchAll(groupRe)].map((g) => ({ names: stateNames(g[1]!), raw: g[0] }));
    let firstState = groups.length;
    while (firstState > 0 && groups[firstState - 1]!.names) firstState--;
    if (firstState === groups.length) continue; // no State closes this run: it is part of the text
    const kept = groups.slice(0, firstState).map((g) => g.raw);
    texts.push(cleanSegment(`${body.slice(start, run.index)} ${kept.join(' ')}`));
    states.push(...groups.slice(firstState).flatMap((g) => g.names ?? []));
    start = run.index + run[0].length;
  }
  const tail = cleanSegment(body.slice(start));
  if (tail) texts.push(tail);
  return { number: numberMatch?.[1], text: squash(texts.filter(Boolean).join(' ')), recommendingStates: states };
}

/**
 * Splits a paragraph in which the source (or an earlier segmentation) merged several numbered
 * recommendations: "… (Bahamas) (Nigeria); 118.17. Consider … (Chile);" gives 118.16 and 118.17.
 * A new recommendation starts only right after a closing ';' and with the same paragraph prefix.
 */
export function splitUprParagraphs(paragraph: string): UprParagraph[] {
  const source = squash(paragraph);
  const prefix = numberRe.exec(source)?.[1]?.split('.')[0];
  if (!prefix) return [parseUprParagraph(source)];
  const splitter = new RegExp(`;\\s+(?=${prefix}\\.\\d{1,3}\\.?\\s+\\p{Lu})`, 'gu');
  return source.split(splitter).map((part) => parseUprParagraph(part));
}
