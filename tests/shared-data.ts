import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared real data beside the repository (../shared/data), in tests and benchmarks. */
export const sharedData = resolve(process.cwd(), '..', 'shared', 'data');

export function readShared(path: string): Buffer {
  return readFileSync(join(sharedData, path));
}
