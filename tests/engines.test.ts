import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * Decision 018: every installed package's `engines` accepts the Node the project runs on, so that
 * `npm ci` prints no EBADENGINE. The lockfile records each package's `engines`; this reads them
 * the way npm does (npm-install-checks: semver with prereleases included, `node` and `npm` keys)
 * and checks them against the running Node and against the lowest Node that package.json's own
 * `engines` promises, so a machine on a newer Node still catches a package that would warn on
 * the oldest one.
 */

interface LockEntry {
  version?: string;
  engines?: Record<string, string> | string[];
}

interface Mismatch {
  path: string;
  version: string | undefined;
  key: 'node' | 'npm';
  required: string;
  current: string;
}

const root = join(import.meta.dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** The lock entries whose `engines` reject the given Node (and npm, when known). */
function engineMismatches(packages: Record<string, LockEntry>, current: { node: string; npm?: string }): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const [path, entry] of Object.entries(packages)) {
    // The root entry is the project itself; an array `engines` is an old form npm ignores.
    if (path === '' || !entry.engines || Array.isArray(entry.engines)) continue;
    for (const key of ['node', 'npm'] as const) {
      const required = entry.engines[key];
      const version = current[key];
      if (!required || !version) continue;
      if (!semver.satisfies(version, required, { includePrerelease: true })) {
        mismatches.push({ path, version: entry.version, key, required, current: version });
      }
    }
  }
  return mismatches;
}

/** npm's version when the tests run under npm or npx (`npm/11.19.1 node/v20.20.2 …`). */
function runningNpm(): string | undefined {
  return /\bnpm\/(\S+)/.exec(process.env.npm_config_user_agent ?? '')?.[1];
}

describe('engines (decision 018)', () => {
  const lock = readJson('package-lock.json') as { packages: Record<string, LockEntry> };
  const projectRange = (readJson('package.json') as { engines: { node: string } }).engines.node;
  const lowest = semver.minVersion(projectRange)?.version;

  it('the running Node is one the project supports', () => {
    expect(semver.satisfies(process.versions.node, projectRange), `${process.versions.node} vs ${projectRange}`).toBe(
      true,
    );
  });

  it('every locked package accepts the running Node (npm ci prints no EBADENGINE)', () => {
    expect(engineMismatches(lock.packages, { node: process.versions.node, npm: runningNpm() })).toEqual([]);
  });

  it('every locked package accepts the lowest Node package.json promises', () => {
    expect(lowest).toBeDefined();
    expect(engineMismatches(lock.packages, { node: lowest ?? '' })).toEqual([]);
  });

  it('reports a package that wants a newer Node, as npm would', () => {
    const packages: Record<string, LockEntry> = {
      '': { engines: { node: '>=1' } },
      'node_modules/kysely': { version: '0.29.9', engines: { node: '>=22.0.0' } },
      'node_modules/ical-generator': { version: '11.1.2', engines: { node: '22 || >=24.0.0' } },
      'node_modules/glob': { version: '13.0.6', engines: { node: '18 || 20 || >=22' } },
      'node_modules/chart.js': { version: '4.6.1', engines: { pnpm: '>=8' } },
      'node_modules/old': { version: '1.0.0', engines: ['node >= 0.4'] },
    };
    expect(engineMismatches(packages, { node: '20.20.2', npm: '11.19.1' }).map((m) => m.path)).toEqual([
      'node_modules/kysely',
      'node_modules/ical-generator',
    ]);
    expect(engineMismatches(packages, { node: '22.12.0' })).toEqual([]);
  });
});
