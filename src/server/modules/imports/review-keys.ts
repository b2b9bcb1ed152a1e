import type { ImportOptions } from '../../../shared/schemas/imports';
import countries from '../../seed/data/countries.json' with { type: 'json' };
import { matchCountry, normalise } from './country-matcher';
import type { ParsedRecommendation, ParsedSource } from './parsers';

/** The review (outcome document) a parsed recommendation belongs to. */
export interface ReviewKey {
  key: string;
  bodyCode: string;
  symbol: string | null;
  countryIso2: string | null;
  cycle: number | null;
  session: number | null;
  reviewDate: string | null;
}

export interface KnownBody {
  code: string;
  name: Record<string, string>;
}

const iso2ByIso3 = new Map(countries.map((country) => [country.iso3, country.iso2]));
const tbSymbol = /^(CERD|CRPD|CCPR|CEDAW|CAT|CRC|CMW|CED|SPT)\/C\//;

/** UPR sessions 1–12 were cycle 1, 13–26 cycle 2, 27–40 cycle 3, 41 on cycle 4. */
export function uprCycleOfSession(session: number | null | undefined): number | null {
  if (!session) return null;
  if (session <= 12) return 1;
  if (session <= 26) return 2;
  if (session <= 40) return 3;
  return 4;
}

/**
 * The cycle of a UPR Working Group report from its Human Rights Council session (A/HRC/28/15 was
 * adopted at the 28th session: cycle 2). Reports of cycle 1 went to sessions 8–21, cycle 2 to
 * 22–36, cycle 3 to 37–51, cycle 4 from 52 on.
 */
export function uprCycleOfHrcSymbol(symbol: string | null): number | null {
  const session = Number(/^A\/HRC\/(\d+)\//.exec(symbol ?? '')?.[1]);
  if (!session) return null;
  if (session <= 21) return 1;
  if (session <= 36) return 2;
  if (session <= 51) return 3;
  return 4;
}

/** The base symbol of a review: an addendum's views belong to the report they answer. */
export function baseSymbol(symbol: string | undefined | null): string | null {
  if (!symbol) return null;
  return (
    symbol
      .replace(/\s+/g, '')
      .replace(/[,;:.]+$/, '')
      .replace(/\/Add\.\d+$/i, '') || null
  );
}

/** The body a symbol names: "CRPD/C/…", "E/C.12/…" (CESCR), a UPR Working Group report "A/HRC/<n>/<n>". */
function bodyOfSymbol(symbol: string | null): string | null {
  if (symbol?.startsWith('A/HRC/') && !/\/Add\.\d+/.test(symbol)) return 'UPR';
  return tbSymbol.exec(symbol ?? '')?.[1] ?? (symbol?.startsWith('E/C.12/') ? 'CESCR' : null);
}

/**
 * The body a cell names: its code ("SR-HEALTH", "sr health"), its name in one of the six
 * languages, or a code beside its name ("Human Rights Committee (CCPR)", "CRC - Committee on…").
 */
function bodyOfName(name: string, bodies: KnownBody[]): string | null {
  const key = normalise(name);
  if (!key) return null;
  if (key === 'upr' || key.includes('universal periodic review')) return 'UPR';
  for (const body of bodies) {
    if (normalise(body.code) === key) return body.code;
    if (Object.values(body.name).some((label) => label && normalise(label) === key)) return body.code;
  }
  const words = ` ${key} `;
  const coded = bodies.filter((body) => body.code.length >= 3 && words.includes(` ${normalise(body.code)} `));
  return coded.length === 1 ? (coded[0]?.code ?? null) : null;
}

/**
 * The body of a row. The body column decides when it names one: a Special Procedures visit report
 * `A/HRC/…/Add.1` filed by "SR-HEALTH" is not a UPR report because its base symbol looks like one.
 * A name no known body has gives null (the row is refused, naming the value), never the
 * symbol's guess; only a row that names no body is resolved by its symbol.
 */
export function resolveBody(name: string | undefined, symbol: string | null, bodies: KnownBody[]): string | null {
  if (name?.trim()) return bodyOfName(name, bodies);
  return bodyOfSymbol(symbol);
}

function countryOf(rec: ParsedRecommendation, source: ParsedSource, options: ImportOptions): string | null {
  const code = source.review?.countryCode;
  if (code && iso2ByIso3.has(code)) return iso2ByIso3.get(code) ?? null;
  const name = rec.country ?? source.review?.country;
  if (name) {
    const match = matchCountry(name);
    if (match.iso2) return match.iso2;
  }
  return options.review.countryIso2 ?? null;
}

/** Finds the review of a row, or says which field is missing. */
export function reviewKeyOf(
  rec: ParsedRecommendation,
  source: ParsedSource,
  options: ImportOptions,
  bodies: KnownBody[],
): ReviewKey | { missing: 'body' | 'country' } {
  const symbol =
    baseSymbol(rec.documentSymbol) ??
    baseSymbol(source.review?.symbol) ??
    baseSymbol(/A\/HRC\/\d+\/\d+/.exec(rec.positionSource ?? '')?.[0]) ??
    baseSymbol(options.review.symbol);
  const bodyName = rec.body ?? source.review?.body;
  // The import's default body fills rows that name none, never a row whose body is unknown.
  const bodyCode = resolveBody(bodyName, symbol, bodies) ?? (bodyName?.trim() ? null : options.review.bodyCode) ?? null;
  if (!bodyCode) return { missing: 'body' };
  const countryIso2 = countryOf(rec, source, options);
  const session = rec.session ?? source.review?.session ?? null;
  const cycle =
    rec.cycle ??
    source.review?.cycle ??
    options.review.cycle ??
    (bodyCode === 'UPR' ? (uprCycleOfHrcSymbol(symbol) ?? uprCycleOfSession(session)) : null);
  if (!symbol && !countryIso2) return { missing: 'country' };
  return {
    key: symbol ? `s:${symbol}` : `u:${bodyCode}:${countryIso2}:${session ?? ''}`,
    bodyCode,
    symbol,
    countryIso2,
    cycle,
    session,
    reviewDate: rec.date ?? source.review?.date ?? options.review.date ?? null,
  };
}
