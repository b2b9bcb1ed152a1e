import type { LocalizedText } from '../../db/schema';
import type { Executor } from '../../http/context';

/** The installation's State (state_profile), if it has been set up. */
export function findInstallationState(
  db: Executor,
): Promise<{ country_iso2: string; country_name: LocalizedText } | undefined> {
  return db.selectFrom('state_profile').select(['country_iso2', 'country_name']).where('id', '=', 1).executeTakeFirst();
}

export function findCountryNames(db: Executor, iso2: string[]): Promise<{ iso2: string; name: LocalizedText }[]> {
  if (iso2.length === 0) return Promise.resolve([]);
  return db.selectFrom('countries').select(['iso2', 'name']).where('iso2', 'in', iso2).execute();
}
