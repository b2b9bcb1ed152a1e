import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engine = dirname(fileURLToPath(import.meta.url));
const root = resolve(engine, '../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of `file` (static, re-export or dynamic), resolved to a path without extension. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import\(|^import)\s*'(\.[^']+)'/gm)].map((match) => match[1] as string);
  return specifiers.map((specifier) => resolve(dirname(file), specifier).replace(/\.(js|ts|tsx)$/, ''));
}

describe('the search engine’s face (decision 015)', () => {
  it('is the only file of the engine imported from outside it', () => {
    const face = [engine, join(engine, 'index')];
    const outside = ['src', 'bench', 'tests', 'scripts']
      .flatMap((dir) => sources(join(root, dir)))
      .filter((file) => !file.startsWith(`${engine}/`));
    expect(outside.length).toBeGreaterThan(100);
    const reaching = outside.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(`${engine}/`) && !face.includes(target))
        .map((target) => `${relative(root, file)} → ${relative(root, target)}`),
    );
    expect(reaching).toEqual([]);
  });

  it('is imported, so the check above reads real imports', () => {
    const register = join(root, 'src/server/modules/register/search.service.ts');
    expect(importsOf(register)).toContain(engine);
  });
});
