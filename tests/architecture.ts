import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The layout rules of ARCHITECTURE.md as a checker over source text: it reads import statements
// with a regular expression (no parser: the code is Biome-formatted, one statement per line
// start) and names the file and the import of every break. Pure over { path, text }, so its own
// test can feed it small trees that break each rule.

export interface SourceFile {
  /** Relative to the project root, with forward slashes: `src/server/modules/calls/calls.repo.ts`. */
  path: string;
  text: string;
}

export interface RuleOptions {
  /**
   * Files that may import another module's repository, by path, with the reason: the read models
   * ARCHITECTURE.md names ("may read any table, write only their own"), reusing the owner's SQL
   * condition rather than copying it.
   */
  readModels?: Record<string, string>;
  /** Files still allowed SQL outside a repository, by path, with the reason. */
  sqlAllowed?: Record<string, string>;
}

export const roomDir = 'src/server/lib/';
const modulesDir = 'src/server/modules/';

const staticImport =
  /^(?:import|export)\s+(?:type\s+)?(?:(?:\*(?:\s+as\s+\w+)?|\{[^}]*\}|\w+(?:\s*,\s*(?:\{[^}]*\}|\*\s+as\s+\w+))?)\s+from\s+)?['"]([^'"]+)['"]/gm;
const dynamicImport = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative specifiers a file imports (static, re-exported or dynamic), in order. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const pattern of [staticImport, dynamicImport]) {
    for (const match of text.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

/** The file an import names, as a project path (extensions and index files tried in order). */
function resolve(from: string, specifier: string, known: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, '');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (known.has(candidate)) return candidate;
  }
  return base;
}

export const moduleOf = (file: string): string | null =>
  file.startsWith(modulesDir) ? file.slice(modulesDir.length).split('/')[0]! : null;

const treeOf = (file: string) =>
  file.startsWith('src/web/')
    ? 'web'
    : file.startsWith('src/server/')
      ? 'server'
      : file.startsWith('src/shared/')
        ? 'shared'
        : null;

/** Test code arranges and inspects data as it needs: SQL and any repository are allowed there. */
const isTestCode = (file: string) => /\.(test|fixture)\.tsx?$/.test(file) || file.startsWith('tests/');

/**
 * Seeds write reference and demo data the way a migration does (SQL, any repository): they run
 * once at setup, outside every module and request.
 */
const isSeed = (file: string) => file.startsWith('src/server/seed/');

/** Where SQL may be written: repositories, the database layer, the shared room, seeds, tests. */
const mayHoldSql = (file: string) =>
  file.endsWith('.repo.ts') ||
  file.startsWith('src/server/db/') ||
  file.startsWith(roomDir) ||
  isSeed(file) ||
  isTestCode(file);

// A tagged sql template (not the word in a comment's backticks), or a Kysely query builder start.
const sqlPattern =
  /(?<![\w`.'])sql(?:<[^>`]*>)?`|(?<![\w`])sql\.(?:raw|ref|join|lit|id|table)\(|\.(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto)\(/;

/** Every break of the rules, one line each naming the file and the import (empty: all hold). */
export function checkArchitecture(files: SourceFile[], options: RuleOptions = {}): string[] {
  const known = new Set(files.map((file) => file.path));
  const problems: string[] = [];
  const edges = new Map<string, Map<string, string>>(); // module → module → first `file → import` seen

  for (const file of files) {
    const fromModule = moduleOf(file.path);
    const fromTree = treeOf(file.path);
    if (!mayHoldSql(file.path) && fromTree === 'server' && !options.sqlAllowed?.[file.path]) {
      const line = file.text.split('\n').findIndex((text) => sqlPattern.test(text));
      if (line >= 0) problems.push(`SQL outside a repository: ${file.path}:${line + 1}`);
    }
    for (const specifier of importsOf(file.text)) {
      const target = resolve(file.path, specifier, known);
      if (!target) continue;
      const toTree = treeOf(target);
      if (fromTree && toTree && fromTree !== toTree && toTree !== 'shared')
        problems.push(`${fromTree} imports ${toTree}: ${file.path} imports '${specifier}'`);
      const toModule = moduleOf(target);
      if (file.path.startsWith(roomDir) && toModule)
        problems.push(`the room imports a module: ${file.path} imports '${specifier}'`);
      if (!toModule || toModule === fromModule) continue;
      if (
        target.endsWith('.repo.ts') &&
        !isTestCode(file.path) &&
        !isSeed(file.path) &&
        !options.readModels?.[file.path]
      )
        problems.push(`repository of another module: ${file.path} imports '${specifier}' (${toModule}'s repository)`);
      if (fromModule && !isTestCode(file.path)) {
        const targets = edges.get(fromModule) ?? new Map<string, string>();
        if (!targets.has(toModule)) targets.set(toModule, `${file.path} imports '${specifier}'`);
        edges.set(fromModule, targets);
      }
    }
  }
  for (const cycle of cyclesOf(edges)) {
    const steps = cycle.map((from, i) => `  ${edges.get(from)!.get(cycle[(i + 1) % cycle.length]!)}`);
    problems.push(`module cycle ${[...cycle, cycle[0]].join(' → ')}:\n${steps.join('\n')}`);
  }
  return problems;
}

/** One cycle per strongly connected group of modules (Tarjan), each printed from its first module by name. */
function cyclesOf(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.map((group) => shortestCycle(edges, group));
}

/** The shortest way round from the group's first module back to itself, inside the group. */
function shortestCycle(edges: Map<string, Map<string, string>>, group: string[]): string[] {
  const members = new Set(group);
  const start = [...group].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return group;
}

/** Every .ts/.tsx file under the given folders of the project at `root`. */
export function readSources(root: string, folders: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name))
        files.push({ path: relative, text: readFileSync(path.join(root, relative), 'utf8') });
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}
