/** Test helper: the real files live in ../shared/data beside the repository root (also in CI). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const sharedData = resolve(process.cwd(), '..', 'shared', 'data');

export function dataPath(relative: string): string {
  return resolve(sharedData, relative);
}

export function readData(relative: string): Buffer {
  return readFileSync(dataPath(relative));
}

export function readJson<T>(relative: string): T {
  return JSON.parse(readData(relative).toString('utf8')) as T;
}
