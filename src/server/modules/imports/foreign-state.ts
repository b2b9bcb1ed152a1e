/**
 * Another State's documents in a national installation. An NMIRF may import another State's
 * concluding observations on purpose (for reference, or to compare), but never without knowing:
 * the dry run names the countries and the installation's State, and the apply refuses until the
 * person confirms (`confirmForeignState`). The calendar keeps their due dates out either way
 * (calendar.repo `findReviewFacts`). An installation with no State profile yet has nothing to
 * compare with and is not warned.
 */
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { ImportOptions, ImportPreview } from '../../../shared/schemas/imports';
import type { Executor } from '../../http/context';
import { localize } from '../../lib/language';
import type { ImportPlan } from './build-plan';
import { findCountryNames, findInstallationState } from './foreign-state.repo';

export type ForeignState = NonNullable<ImportPreview['foreignState']>;

/** The plan's reviews of another State than the installation's, with their rows to write. */
export async function foreignStateOf(
  db: Executor,
  plan: Pick<ImportPlan, 'reviews' | 'rows'>,
  locale: Locale,
): Promise<ForeignState | null> {
  const state = await findInstallationState(db);
  if (!state) return null;
  const rows = new Map<string, number>();
  for (const review of plan.reviews.values()) {
    if (review.countryIso2 && review.countryIso2 !== state.country_iso2) rows.set(review.countryIso2, 0);
  }
  if (rows.size === 0) return null;
  const countryOf = new Map([...plan.reviews.values()].map((review) => [review.key, review.countryIso2]));
  for (const row of plan.rows) {
    const country = countryOf.get(row.reviewKey);
    if (country && rows.has(country) && row.action !== 'skip') rows.set(country, (rows.get(country) ?? 0) + 1);
  }
  const names = new Map((await findCountryNames(db, [...rows.keys()])).map((c) => [c.iso2, localize(c.name, locale)]));
  return {
    stateIso2: state.country_iso2,
    stateName: localize(state.country_name, locale) || state.country_iso2,
    countries: [...rows]
      .map(([iso2, recommendations]) => ({ iso2, name: names.get(iso2) || iso2, recommendations }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}

/** The apply's guard: another State's documents only with the person's confirmation. */
export function requireForeignConfirmation(foreign: ForeignState | null, options: ImportOptions): void {
  if (!foreign || options.confirmForeignState) return;
  const shown = foreign.countries.slice(0, 5).map((c) => c.name);
  const more = foreign.countries.length - shown.length;
  throw new AppError('FOREIGN_STATE', {
    params: { countries: more > 0 ? `${shown.join(', ')} (+${more})` : shown.join(', '), state: foreign.stateName },
    issues: [{ path: 'confirmForeignState', message: 'issues.foreignStateUnconfirmed' }],
  });
}
