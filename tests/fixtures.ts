import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The real files the tests read, kept in the repository (tests/fixtures, sources in its
 * README.md): copies of the project's shared data, and samples of its large CSVs that
 * scripts/sample-fixtures.ts regenerates. Benchmarks read the full files through --data.
 */
export const fixtures = resolve(import.meta.dirname, 'fixtures');

export function fixturePath(relative: string): string {
  return resolve(fixtures, relative);
}

export function readFixture(relative: string): Buffer {
  return readFileSync(fixturePath(relative));
}

export function readFixtureJson<T>(relative: string): T {
  return JSON.parse(readFixture(relative).toString('utf8')) as T;
}
