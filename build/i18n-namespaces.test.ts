import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modulePages } from '../src/web/nav';
import { planMessages } from './i18n-namespaces';
import { partName } from './i18n-plugin';

describe('catalogue parts', () => {
  const plan = planMessages(resolve('.'));

  it('finds every page of the navigation registry and the public pages', () => {
    for (const page of modulePages) expect(plan.modules[page.path], page.path).toMatch(/^src\/web\/features\//);
    for (const path of ['/sign-in', '/forgot-password', '/reset-password', '/accept-invitation', '*']) {
      expect(plan.modules[path], path).toBeDefined();
    }
  });

  it('puts the shell and what the server sends in the core', () => {
    expect(plan.core).toContain('shell.skipToContent');
    expect(plan.core).toContain('nav.register');
    expect(plan.core.filter((key) => key.startsWith('errors.')).length).toBeGreaterThan(10);
    expect(plan.core).toContain('issues.required');
  });

  it('loads what only the importers send with the pages that import, not with every page', () => {
    // A dry-run warning of the PDF parsers, and a refusal of the spreadsheet readers.
    for (const key of ['issues.unreliableTextLayer', 'issues.sheetTooLarge']) {
      expect(plan.core, key).not.toContain(key);
      expect(plan.pages['/imports/new'], key).toContain(key);
    }
    expect(plan.pages['/entities/import']).toContain('issues.sheetTooLarge');
    expect(plan.pages['/register'] ?? []).not.toContain('issues.sheetTooLarge');
    // Named by other modules too: stays in the core.
    expect(plan.core).toContain('issues.required');
  });

  it("gives a page its literal keys and its template families, and not other pages' keys", () => {
    const peers = plan.pages['/peers'] ?? [];
    expect(peers).toContain('peers.title');
    expect(peers).toEqual(expect.arrayContaining(['peers.sort.onTime', 'peers.sort.progress', 'peers.sort.name']));
    const signIn = plan.pages['/sign-in'] ?? [];
    expect(signIn.some((key) => key.startsWith('calls.'))).toBe(false);
    expect(signIn.some((key) => key.startsWith('mail.'))).toBe(false);
  });

  it("includes the keys of parts a page loads later (lazy sections), not other pages' keys from the registries", () => {
    expect(plan.pages['/register/:id']).toContain('progress.add');
    expect(plan.core.some((key) => key.startsWith('reports.'))).toBe(false);
  });

  it('names parts safely for chunk files', () => {
    expect(partName('/inbox/:callId/:entityId')).toBe('inbox_callId_entityId');
    expect(partName('/')).toBe('home');
    expect(partName('*')).toBe('not_found');
  });
});
