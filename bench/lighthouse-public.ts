// The public portal's page types for the Lighthouse part (issue 18, item 3): signed out, found by
// following the portal's own links from its home, as a reader would.

export interface PublicTarget {
  name: string;
  path: string;
}

async function text(baseUrl: string, path: string): Promise<string> {
  const response = await fetch(new URL(path, baseUrl));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

const first = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];

/**
 * Each public page type of a running portal in English (one in Arabic: the widget, right to left).
 * A type the portal has nothing for (no published review, no LRG) is left out and named in `missing`.
 */
export async function publicTargets(baseUrl: string): Promise<{ targets: PublicTarget[]; missing: string[] }> {
  const home = await text(baseUrl, '/public/en/');
  const rec = first(home, /href="(\/public\/en\/recommendations\/[0-9a-f-]{36})/);
  const review = first(home, /href="(\/public\/en\/reviews\/[0-9a-f-]{36})"/);
  // An LRG's page above all (the page an LRG embeds and links to); else any entity.
  const lrg =
    first(home, /href="(\/public\/en\/entities\/[0-9a-f-]{36})">[^<]*<\/a> · Local or regional government/) ??
    first(home, /href="(\/public\/en\/entities\/[0-9a-f-]{36})"/);
  const register = await text(baseUrl, '/public/en/recommendations');
  const anyRec = rec ?? first(register, /href="(\/public\/en\/recommendations\/[0-9a-f-]{36})"/);
  const recPage = anyRec ? await text(baseUrl, anyRec) : '';
  const theme =
    first(recPage, /href="(\/public\/en\/themes\/\d+)"/) ?? first(register, /href="(\/public\/en\/themes\/\d+)"/);
  const widget = lrg?.replace('/public/en/entities/', '/public/ar/widgets/entities/');
  const all: [string, string | undefined][] = [
    ['public: home (overview and dashboard)', '/public/en/'],
    ['public: register search', '/public/en/recommendations?q=education'],
    ['public: recommendation', anyRec],
    ['public: entity (LRG)', lrg],
    ['public: review', review],
    ['public: theme', theme],
    ['public: open data and dictionary', '/public/en/data'],
    ['public: widget (ar)', widget],
    ['public: widget snippet page', lrg && `/public/en/widgets?subject=entity:${lrg.split('/').at(-1)}`],
  ];
  return {
    targets: all.flatMap(([name, path]) => (path ? [{ name, path }] : [])),
    missing: all.filter(([, path]) => !path).map(([name]) => name),
  };
}
