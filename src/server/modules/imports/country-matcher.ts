import countries from '../../seed/data/countries.json' with { type: 'json' };

export type CountryMatch = { iso2: string; how: 'exact' | 'alias' | 'fuzzy' } | { iso2: null; how: 'none' };

/**
 * Names the UN and UPR Info have used for States that differ from today's UNTERM short names.
 * Keys are normalised (see normalise()).
 */
const aliases: Record<string, string> = {
  'bosnia and herzegovina': 'BA',
  'cape verde': 'CV',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  swaziland: 'SZ',
  'the former yugoslav republic of macedonia': 'MK',
  macedonia: 'MK',
  turkey: 'TR',
  'holy see': 'VA',
  palestine: 'PS',
  'state of palestine': 'PS',
  vietnam: 'VN',
  laos: 'LA',
  syria: 'SY',
  iran: 'IR',
  russia: 'RU',
  bolivia: 'BO',
  venezuela: 'VE',
  tanzania: 'TZ',
  moldova: 'MD',
  'south korea': 'KR',
  korea: 'KR',
  'north korea': 'KP',
  dprk: 'KP',
  'democratic republic of congo': 'CD',
  drc: 'CD',
  'congo brazzaville': 'CG',
  'republic of the congo': 'CG',
  'united kingdom': 'GB',
  uk: 'GB',
  'united states': 'US',
  usa: 'US',
  micronesia: 'FM',
  brunei: 'BN',
  'east timor': 'TL',
  'st lucia': 'LC',
  'st kitts and nevis': 'KN',
  'st vincent and the grenadines': 'VC',
  gambia: 'GM',
  bahamas: 'BS',
  netherlands: 'NL',
  'libyan arab jamahiriya': 'LY',
  burma: 'MM',
  'republic of congo': 'CG',
  'dpr korea': 'KP',
  'macedonia fyr': 'MK',
};

/**
 * A file names the same few hundred States and bodies thousands of times: each distinct name is
 * normalised and matched once. Bounded, as names come from uploaded files.
 */
function memo<T>(compute: (name: string) => T): (name: string) => T {
  const cache = new Map<string, T>();
  return (name) => {
    let value = cache.get(name);
    if (value === undefined) {
      if (cache.size >= 10_000) cache.clear();
      value = compute(name);
      cache.set(name, value);
    }
    return value;
  };
}

export const normalise = memo((name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\(the\)|^the\s+/g, ' ')
    .replace(/saint\b/g, 'st')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim(),
);

const byName = new Map<string, string>();
for (const country of countries) {
  for (const name of Object.values(country.name)) {
    if (name) byName.set(normalise(name), country.iso2);
  }
  // "Bolivia (Plurinational State of)" is also cited as "Bolivia".
  const en = country.name.en;
  if (en?.includes('(')) {
    const short = normalise(en.replace(/\s*\(.*\)\s*/, ''));
    if (!byName.has(short)) byName.set(short, country.iso2);
  }
}

/** Matches a State name as written in a source to its ISO 3166 alpha-2 code. */
export const matchCountry = memo(matchUncached);

function matchUncached(name: string): CountryMatch {
  const key = normalise(name);
  if (!key) return { iso2: null, how: 'none' };
  const exact = byName.get(key);
  if (exact) return { iso2: exact, how: 'exact' };
  const alias = aliases[key];
  if (alias) return { iso2: alias, how: 'alias' };
  for (const [known, iso2] of byName) {
    if (known.length > 5 && (key.startsWith(`${known} `) || known.startsWith(`${key} `))) return { iso2, how: 'fuzzy' };
  }
  return { iso2: null, how: 'none' };
}
