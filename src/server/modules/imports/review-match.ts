/**
 * One review, one record: a file's reviews found in the register by symbol, or by body + country
 * + session (a UPR Info export names no symbol; a Working Group report A/HRC/59/15 is the UPR
 * Working Group's session 48), and their metadata merged: what is missing is filled, what is
 * known is never blanked or replaced.
 */
import type { FieldChange, ImportOptions } from '../../../shared/schemas/imports';
import type { HeldPosition } from '../../db/schema';
import type { Executor } from '../../http/context';
import { matchCountry } from './country-matcher';
import { findReviewsByCountries, findReviewsBySymbol, type ReviewRow } from './imports.repo';
import type { ParsedSource } from './parsers';
import { baseSymbol, type ReviewKey, uprCycleOfHrcSymbol } from './review-keys';

/** The review a State's views (UPR addendum) answer: the report's symbol, the State it names. */
export function positionsReviewOf(source: ParsedSource, options: ImportOptions): ReviewKey | undefined {
  const symbol = baseSymbol(source.review?.symbol) ?? baseSymbol(options.review.symbol);
  if (!symbol || !source.positions?.length) return undefined;
  const name = source.review?.country;
  return {
    key: `s:${symbol}`,
    bodyCode: 'UPR',
    symbol,
    countryIso2: (name ? matchCountry(name).iso2 : null) ?? options.review.countryIso2 ?? null,
    cycle: source.review?.cycle ?? uprCycleOfHrcSymbol(symbol),
    session: source.review?.session ?? null,
    // The addendum's own date is that of the views, not of the review.
    reviewDate: null,
  };
}

/** The stored review of each key: the same symbol, else the same body, country and session. */
export async function matchReviews(db: Executor, keys: ReviewKey[]): Promise<Map<string, ReviewRow>> {
  const symbols = [...new Set(keys.map((k) => k.symbol).filter((s): s is string => !!s))];
  const bySymbol = new Map((await findReviewsBySymbol(db, symbols)).map((r) => [r.symbol, r]));
  const sessionKeys = keys.filter((k) => k.countryIso2 && k.session !== null && !bySymbol.has(k.symbol));
  const candidates = [] as ReviewRow[];
  for (const bodyCode of new Set(sessionKeys.map((k) => k.bodyCode))) {
    const countries = [...new Set(sessionKeys.filter((k) => k.bodyCode === bodyCode).map((k) => k.countryIso2 ?? ''))];
    candidates.push(...(await findReviewsByCountries(db, bodyCode, countries)));
  }
  // Rows without a session (older imports) still match a key without one, as before.
  const unnumbered = keys.filter((k) => !k.symbol && k.countryIso2 && k.session === null);
  for (const bodyCode of new Set(unnumbered.map((k) => k.bodyCode))) {
    const countries = [...new Set(unnumbered.filter((k) => k.bodyCode === bodyCode).map((k) => k.countryIso2 ?? ''))];
    candidates.push(...(await findReviewsByCountries(db, bodyCode, countries)));
  }
  const found = new Map<string, ReviewRow>();
  for (const key of keys) {
    const stored =
      (key.symbol ? bySymbol.get(key.symbol) : undefined) ??
      candidates
        .filter(
          (r) =>
            r.body_code === key.bodyCode &&
            r.country_iso2 === key.countryIso2 &&
            r.session === key.session &&
            // Another document's review of the same session is not this one.
            (!key.symbol || !r.symbol),
        )
        // A symbol-keyed review first: a duplicate left by older imports is not chosen over it.
        .sort((a, b) => Number(!a.symbol) - Number(!b.symbol))[0];
    if (stored) found.set(key.key, stored);
  }
  return found;
}

/** What the file adds to a stored review's metadata: only what the register does not know yet. */
export function reviewChanges(stored: ReviewRow, review: ReviewKey): FieldChange[] {
  const changes: FieldChange[] = [];
  const fill = (field: string, before: unknown, after: unknown) => {
    if ((before === null || before === undefined) && after !== null && after !== undefined)
      changes.push({ field, before, after });
  };
  fill('symbol', stored.symbol, review.symbol);
  fill('country', stored.country_iso2, review.countryIso2);
  fill('session', stored.session, review.session);
  fill('cycle', stored.cycle, review.cycle);
  fill('review_date', stored.review_date, review.reviewDate);
  return changes;
}

/** The columns of a review filled by `reviewChanges`, to write. */
export function reviewPatch(changes: FieldChange[]) {
  const patch: { symbol?: string; country_iso2?: string; session?: number; cycle?: number; review_date?: string } = {};
  for (const change of changes) {
    if (change.field === 'symbol') patch.symbol = change.after as string;
    if (change.field === 'country') patch.country_iso2 = change.after as string;
    if (change.field === 'session') patch.session = change.after as number;
    if (change.field === 'cycle') patch.cycle = change.after as number;
    if (change.field === 'review_date') patch.review_date = change.after as string;
  }
  return patch;
}

export function sameHeld(a: HeldPosition, b: HeldPosition): boolean {
  return (
    a.number === b.number &&
    a.position === b.position &&
    a.positionSource === b.positionSource &&
    a.format === b.format &&
    a.fileName === b.fileName
  );
}

/** The held views after this file: its own replace those it names again, by number. */
export function mergeHeld(before: HeldPosition[], incoming: HeldPosition[]): HeldPosition[] {
  const numbers = new Set(incoming.map((held) => held.number));
  const kept = before.filter((held) => !numbers.has(held.number));
  const byNumber = new Map(before.map((held) => [held.number, held]));
  // An unchanged view keeps its first import's id, so that the same file again changes nothing.
  return [
    ...kept,
    ...incoming.map((held) => {
      const old = byNumber.get(held.number);
      return old && sameHeld(old, held) ? old : held;
    }),
  ];
}
