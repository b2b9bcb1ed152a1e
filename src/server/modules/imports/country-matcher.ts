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

/** The articles UNTERM writes before or after a name: "the", "(the)", "la", "(l')", "el", "(los)"… */
const articles = "the|le|la|les|l'|el|los|las";
const trailingArticle = new RegExp(`\\((?:${articles})\\)`, 'g');
const leadingArticle = /^(?:(?:the|le|la|les|el|los|las)\s+|l')/;
const articleOnly = new RegExp(`^(?:${articles})$`, 'i');

/**
 * A name's key in any script: accents and Arabic vowel marks dropped, lower case, articles
 * ("the", "la", "(l')"…) and UNTERM's "*" (State of Palestine) removed, punctuation to spaces.
 */
export const normalise = memo((name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s*\*\s*$/, '')
    .replace(/&/g, ' and ')
    .replace(trailingArticle, ' ')
    .trim()
    .replace(leadingArticle, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim(),
);

/**
 * The forms a State is also cited by, from a UNTERM short name "X (Y)": "Y X" ("Bolivarian
 * Republic of Venezuela", "Боливарианская Республика Венесуэла"), Arabic "X (Y - Z)" as "Y X Z"
 * ("جمهورية فنزويلا البوليفارية"), and "X" alone ("Venezuela").
 */
export function invertedForms(name: string): string[] {
  const parts = /^(.+?)\s*\((.+)\)\s*\*?$/.exec(name.trim());
  if (!parts) return [];
  const [, head = '', inside = ''] = parts;
  if (articleOnly.test(inside.trim())) return [];
  const dash = /^(.*?)\s+-\s+(.*)$/.exec(inside);
  const inverted = dash ? `${dash[1]} ${head} ${dash[2]}` : `${inside} ${head}`;
  return [inverted, head];
}

type Country = (typeof countries)[number] & {
  unterm?: { short: Record<string, string>; formal: Record<string, string> };
};

const byName = new Map<string, string>();
const derived: [string, string][] = [];
for (const country of countries as Country[]) {
  const names = [
    ...Object.values(country.name),
    ...Object.values(country.unterm?.short ?? {}),
    ...Object.values(country.unterm?.formal ?? {}),
  ].filter(Boolean);
  for (const name of names) {
    byName.set(normalise(name), country.iso2);
    for (const form of invertedForms(name)) derived.push([normalise(form), country.iso2]);
  }
}
// Derived forms never displace a name as UNTERM writes it ("Congo" stays the Republic of the Congo).
for (const [key, iso2] of derived) if (key && !byName.has(key)) byName.set(key, iso2);

// The alias keys go through the same normalisation as the names they are compared with.
const aliasByKey = new Map(Object.entries(aliases).map(([name, iso2]) => [normalise(name), iso2]));

/** Matches a State name as written in a source to its ISO 3166 alpha-2 code. */
export const matchCountry = memo(matchUncached);

function matchUncached(name: string): CountryMatch {
  const key = normalise(name);
  if (!key) return { iso2: null, how: 'none' };
  const exact = byName.get(key);
  if (exact) return { iso2: exact, how: 'exact' };
  const alias = aliasByKey.get(key);
  if (alias) return { iso2: alias, how: 'alias' };
  for (const [known, iso2] of byName) {
    if (known.length > 5 && (key.startsWith(`${known} `) || known.startsWith(`${key} `))) return { iso2, how: 'fuzzy' };
  }
  return { iso2: null, how: 'none' };
}
