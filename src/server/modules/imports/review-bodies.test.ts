import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/db';
import { readFixture } from '../../../../tests/fixtures';
import type { DatabaseHandle } from '../../db/database';
import { bodies } from '../../seed/bodies';
import { buildPlan } from './build-plan';
import { parseTabular } from './parsers/tabular.parser';
import { symbolRe } from './parsers/treaty-body-co.parser';
import { resolveBody } from './review-keys';

const known = bodies.map((body) => ({ code: body.code, name: body.name as Record<string, string> }));

describe('resolveBody: the body column before the symbol', () => {
  it('files a Special Procedures visit report by its body, not as the UPR report its base symbol resembles', () => {
    expect(resolveBody('SR-HEALTH', 'A/HRC/53/65', known)).toBe('SR-HEALTH');
    expect(resolveBody('sr health', 'A/HRC/53/65', known)).toBe('SR-HEALTH');
    expect(resolveBody(undefined, 'A/HRC/53/65', known)).toBe('UPR');
  });

  it('reads a body by its code, its name in any of the six languages, or a code beside its name', () => {
    for (const body of bodies)
      for (const name of Object.values(body.name)) expect(resolveBody(name, null, known), name).toBe(body.code);
    expect(resolveBody('Human Rights Committee (CCPR)', 'CCPR/C/SVN/CO/4', known)).toBe('CCPR');
    expect(resolveBody('CRC - Committee on the Rights of the Child', null, known)).toBe('CRC');
  });

  it('never guesses an unknown body from the symbol', () => {
    expect(resolveBody('SR-WATER', 'A/HRC/51/24/Add.1', known)).toBeNull();
    expect(resolveBody('Lanzarote Committee', 'CRC/C/SVN/CO/3-4', known)).toBeNull();
    expect(resolveBody('GREVIO', null, known)).toBe('GREVIO');
  });

  it('reads a regional organisation’s concluding observations (two-letter code)', () => {
    expect(symbolRe.exec('CRPD/C/EU/CO/1')?.slice(0, 3)).toEqual(['CRPD/C/EU/CO/1', 'CRPD', 'EU']);
    expect(symbolRe.exec('E/C.12/EU/CO/1')?.[3]).toBe('EU');
    expect(resolveBody(undefined, 'CRPD/C/EU/CO/1', known)).toBe('CRPD');
  });
});

describe('a spreadsheet whose body column names no known body (real UPR Info export)', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());
  const file = 'upr-info/upr-info-sessions-14-17.sample.csv';
  const mapping = { text: 'Text', recommendingStates: 'From', country: 'To', session: 'Session' };

  it('refuses each row with a warning naming the row, the column and the value, never filing it as UPR', async () => {
    const parsed = await parseTabular(readFixture(file), 'upr-info.csv', { ...mapping, body: 'To-Org' });
    const columnMapping = { ...mapping, body: 'To-Org' };
    const plan = await buildPlan(handle.db, parsed, {
      stateMapping: {},
      columnMapping,
      review: { bodyCode: 'UPR' },
      confirmForeignState: false,
    });
    const withOrg = parsed.recommendations.filter((r) => r.body);
    expect(withOrg.length).toBeGreaterThan(100);
    const skipped = plan.rows.filter((row) => row.reason === 'missingBody');
    expect(skipped).toHaveLength(withOrg.length);
    const warnings = plan.warnings.filter((w) => w.message === 'issues.unknownBodyValue');
    expect(warnings).toHaveLength(withOrg.length);
    expect(warnings[0]).toEqual({
      location: { file: 'upr-info.csv', row: 2 },
      message: 'issues.unknownBodyValue',
      params: { body: 'OAS, OEI', column: 'To-Org' },
    });
    // Rows with an empty body cell take the import's default body.
    const filed = plan.rows.filter((row) => row.action === 'create');
    expect(filed).toHaveLength(parsed.recommendations.length - withOrg.length);
  });
});
