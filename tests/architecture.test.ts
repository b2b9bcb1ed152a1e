import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, importsOf, readSources, type SourceFile } from './architecture';

// The layout rules of ARCHITECTURE.md ("Rules the build enforces"), checked over every file under
// src/. Test code (*.test.ts, *.fixture.ts, tests/) and seeds may use SQL and any repository to
// arrange and inspect data; bench/ and scripts/ are outside src/ and not checked.

const root = fileURLToPath(new URL('..', import.meta.url));

/** The read models ARCHITECTURE.md names, where they reuse the owner's SQL condition rather than copy it. */
const readModels = {
  'src/server/modules/dashboards/dashboards.repo.ts':
    "read model: counts actions with the actions list's own scope and overdue conditions (actionInScope, actionOverdue)",
  'src/server/modules/reports/reports.sources.repo.ts':
    "read model: scopes a report with the register's own filters (applyFilters: a cycle, clusters, a saved view)",
  'src/server/modules/peers/peers.repo.ts':
    "read model: compares LRGs with the calls tracker's own answered-on-time table expression (progressTable)",
};

describe('the layout rules', () => {
  it('hold for every file under src/', () => {
    const problems = checkArchitecture(readSources(root, ['src']), {
      readModels,
    });
    expect(problems.join('\n')).toBe('');
  });
});

describe('the checker', () => {
  const file = (path: string, ...lines: string[]): SourceFile => ({ path, text: lines.join('\n') });
  const calls = (...lines: string[]) => file('src/server/modules/calls/calls.service.ts', ...lines);

  it('reads static, type-only, multi-line, re-exported and dynamic imports, not words in comments', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      'import {',
      '  c,',
      '  d,',
      "} from './cd.js';",
      "export { e } from './e';",
      "export * from './f';",
      "import './g';",
      "const h = await import('./h');",
      " * import nothing from 'here' (a comment)",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['../b', './a', './cd.js', './e', './f', './g', './h']);
  });

  it('fails on a module cycle and prints it with the imports that close it', () => {
    const problems = checkArchitecture([
      calls("import { recordSubmission } from '../progress/progress.service';"),
      file('src/server/modules/progress/progress.service.ts', "import { findCall } from '../calls/calls.service';"),
      file('src/server/modules/progress/progress.repo.ts'),
    ]);
    expect(problems).toEqual([
      [
        'module cycle calls → progress → calls:',
        "  src/server/modules/calls/calls.service.ts imports '../progress/progress.service'",
        "  src/server/modules/progress/progress.service.ts imports '../calls/calls.service'",
      ].join('\n'),
    ]);
  });

  it('fails on a longer cycle too, and not on a chain without one', () => {
    const chain = [
      file('src/server/modules/a/a.service.ts', "import { b } from '../b/b.service';"),
      file('src/server/modules/b/b.service.ts', "import { c } from '../c/c.service';"),
    ];
    expect(checkArchitecture(chain)).toEqual([]);
    const cycle = [...chain, file('src/server/modules/c/c.service.ts', "import { a } from '../a/a.service';")];
    expect(checkArchitecture(cycle)[0]).toMatch(/^module cycle a → b → c → a:/);
  });

  it("fails on another module's repository, unless the importer is a named read model", () => {
    const tree = [
      calls("import { findUserById } from '../users/users.repo';"),
      file('src/server/modules/users/users.repo.ts'),
    ];
    expect(checkArchitecture(tree)).toEqual([
      "repository of another module: src/server/modules/calls/calls.service.ts imports '../users/users.repo' (users's repository)",
    ]);
    expect(
      checkArchitecture(tree, { readModels: { 'src/server/modules/calls/calls.service.ts': 'a reason' } }),
    ).toEqual([]);
  });

  it("allows a module's own repository, and any repository in test code and seeds", () => {
    expect(
      checkArchitecture([
        calls("import { findCall } from './calls.repo';"),
        file('src/server/modules/calls/calls.test.ts', "import { insertUser } from '../users/users.repo';"),
        file('src/server/seed/demo-state.ts', "import { insertUser } from '../modules/users/users.repo';"),
      ]),
    ).toEqual([]);
  });

  it('fails on SQL outside repositories, the database layer, the room, seeds and tests', () => {
    const sqlLines = [
      'await sql`select 1`.execute(db);',
      'const n = sql<number>`count(*)`;',
      "await db.selectFrom('calls').selectAll().execute();",
      "await trx.insertInto('calls').values(row).execute();",
      "await trx.updateTable('calls').set(patch).execute();",
      "await trx.deleteFrom('calls').execute();",
      "const column = sql.ref('c.title');",
    ];
    for (const line of sqlLines) {
      expect(checkArchitecture([calls('// the service', line)])).toEqual([
        'SQL outside a repository: src/server/modules/calls/calls.service.ts:2',
      ]);
    }
    const allowed = [
      'src/server/modules/calls/calls.repo.ts',
      'src/server/db/database.ts',
      'src/server/lib/versioned.ts',
      'src/server/seed/demo-state.ts',
      'src/server/modules/calls/calls.test.ts',
      'src/server/modules/calls/calls.fixture.ts',
    ];
    for (const path of allowed) expect(checkArchitecture([file(path, sqlLines[0]!)])).toEqual([]);
    // The word in a comment's backticks is not SQL.
    expect(checkArchitecture([calls('// hands the compiled `sql` to the driver')])).toEqual([]);
  });

  it('fails on web importing server, server importing web, and shared importing either', () => {
    const problems = checkArchitecture([
      file('src/web/features/calls/calls-page.tsx', "import type { Deps } from '../../../server/deps';"),
      file('src/server/app.ts', "import { routes } from '../web/routes';"),
      file('src/shared/errors.ts', "import { ping } from '../server/db/database';"),
      file('src/web/main.tsx', "import { locales } from '../shared/i18n/locales';"),
      file('src/server/main.ts', "import { locales } from '../shared/i18n/locales';"),
    ]);
    expect(problems).toEqual([
      "web imports server: src/web/features/calls/calls-page.tsx imports '../../../server/deps'",
      "server imports web: src/server/app.ts imports '../web/routes'",
      "shared imports server: src/shared/errors.ts imports '../server/db/database'",
    ]);
  });

  it('fails when the room imports a module', () => {
    expect(
      checkArchitecture([
        file('src/server/lib/guards.ts', "import { canCalls } from '../modules/calls/calls.policy';"),
      ]),
    ).toEqual(["the room imports a module: src/server/lib/guards.ts imports '../modules/calls/calls.policy'"]);
  });
});
