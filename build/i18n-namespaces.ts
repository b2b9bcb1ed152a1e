import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Which catalogue keys each page needs, found by reading the web sources (decision 010).
 *
 * The client loads the keys the shell uses at start ("core") and each page's own keys with the
 * page's chunk, so a first visit downloads a small part of the catalogue. A module uses a key when
 * one of its string literals is that key, or when a template literal starts with a prefix of it
 * (`register.facet.${name}`); catalogues.test.ts already forbids keys built any other way.
 */
export interface MessagePlan {
  /** Keys of the shell: what main.tsx reaches by static imports, and what the server sends. */
  core: string[];
  /** Route path → keys its page needs beyond the core. */
  pages: Record<string, string[]>;
  /** Route path → its page module, relative to the root (src/web/features/…). */
  modules: Record<string, string>;
  /** Route paths open without a session (those routes.tsx lists; nav.ts lists the signed-in ones). */
  publicPaths: string[];
}

/** Namespaces shown from what the server sends (error codes, field issues), whatever the page. */
const alwaysCore = ['errors.', 'issues.'];

/**
 * Server files that only the importers run: a key that the server names in these files alone is
 * shown only on the pages that import (their module names say "import"), so it loads with those
 * pages instead of with every page's first load.
 */
const importerFiles = /\/(?:modules\/imports\/|lib\/tabular\/|lib\/upload-body\.ts$|modules\/\w+\/(?:entity|observation)-import)/;
const importPage = /import[^/]*$/;

/** The `errors.`/`issues.` keys the server names only in importer files (tests excluded). */
function importerOnlyKeys(root: string): Set<string> {
  const files = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/'((?:issues|errors)\.[\w.]+)'/g))
          files.set(match[1] as string, [...(files.get(match[1] as string) ?? []), path]);
      }
    }
  };
  walk(join(root, 'src/server'));
  return new Set([...files].filter(([, paths]) => paths.every((path) => importerFiles.test(path))).map(([key]) => key));
}

const staticImport = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g;
/** A part of a page loaded later (`lazy(() => import('./x'))`): its keys belong to the page too. */
const dynamicImport = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
/** The page registries: their dynamic imports are the pages themselves, each with its own part. */
const registries = ['nav.ts', 'nav-hub.ts', 'routes.tsx'];
const keyLiteral = /'([A-Za-z][\w-]*\.[\w.-]*)'|"([A-Za-z][\w-]*\.[\w.-]*)"|`([A-Za-z][\w-]*\.[\w.-]*)(?:`|\$\{)/g;
const pageEntry = /path:\s*'([^']+)'[^{}]*?import\('(\.{1,2}\/[^']+)'\)/g;

function resolveModule(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

export function planMessages(root: string): MessagePlan {
  const english = JSON.parse(readFileSync(join(root, 'src/shared/i18n/messages/en.json'), 'utf8')) as Record<
    string,
    string
  >;
  const keys = Object.keys(english).sort();
  const keysFrom = (prefix: string) => keys.filter((key) => key.startsWith(prefix));
  const perModule = new Map<string, { keys: Set<string>; imports: string[] }>();

  const read = (file: string) => {
    let found = perModule.get(file);
    if (!found) {
      const code = readFileSync(file, 'utf8');
      const used = new Set<string>();
      for (const match of code.matchAll(keyLiteral)) {
        if (match[3] !== undefined) for (const key of keysFrom(match[3])) used.add(key);
        else {
          const key = (match[1] ?? match[2]) as string;
          if (key in english) used.add(key);
        }
      }
      const lazyParts = registries.some((name) => file.endsWith(`/web/${name}`)) ? [] : [...code.matchAll(dynamicImport)];
      const imports = [...code.matchAll(staticImport), ...lazyParts]
        .map((match) => resolveModule(file, match[1] as string))
        .filter((resolved): resolved is string => resolved !== null);
      found = { keys: used, imports };
      perModule.set(file, found);
    }
    return found;
  };
  const closure = (entry: string) => {
    const seen = new Set<string>();
    const used = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const found = read(file);
      for (const key of found.keys) used.add(key);
      for (const imported of found.imports) visit(imported);
    };
    visit(entry);
    return used;
  };

  const web = join(root, 'src/web');
  const core = closure(join(web, 'main.tsx'));
  const fromImporters = importerOnlyKeys(root);
  for (const prefix of alwaysCore) for (const key of keysFrom(prefix)) if (!fromImporters.has(key)) core.add(key);
  const pages: Record<string, string[]> = {};
  const modules: Record<string, string> = {};
  const publicPaths: string[] = [];
  for (const registry of registries) {
    const file = join(web, registry);
    for (const match of readFileSync(file, 'utf8').matchAll(pageEntry)) {
      const module = resolveModule(file, match[2] as string);
      if (!module) throw new Error(`${relative(root, file)}: page ${match[1]} imports ${match[2]}, not found`);
      const own = closure(module);
      if (importPage.test(module)) for (const key of fromImporters) own.add(key);
      pages[match[1] as string] = [...own].filter((key) => !core.has(key)).sort();
      modules[match[1] as string] = relative(root, module);
      if (registry === 'routes.tsx' && match[1] !== '*') publicPaths.push(match[1] as string);
    }
  }
  return { core: [...core].sort(), pages, modules, publicPaths };
}
