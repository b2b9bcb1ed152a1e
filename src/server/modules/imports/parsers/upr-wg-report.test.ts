import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { parseUprAddendum } from './upr-addendum.parser.js';
import { parseUprWgReport } from './upr-wg-report.parser.js';

const wgFile = 'upr-reports/A_HRC_59_15_Slovenia_working-group-report.pdf';
const addFile = 'upr-reports/A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf';

describe('UPR Working Group report A/HRC/59/15 (Slovenia)', async () => {
  const parsed = await parseUprWgReport(readFixture(wgFile), 'wg.pdf');
  const byNumber = new Map(parsed.recommendations.map((r) => [r.number, r]));

  it('finds all 254 recommendations 140.1–140.254 in order, all to be examined', () => {
    expect(parsed.recommendations.map((r) => r.number)).toEqual(Array.from({ length: 254 }, (_, i) => `140.${i + 1}`));
    expect(new Set(parsed.recommendations.map((r) => r.position))).toEqual(new Set(['pending']));
    expect(parsed.warnings).toEqual([]);
  });

  it('reads the review from the document', () => {
    expect(parsed.review).toEqual({
      symbol: 'A/HRC/59/15',
      body: 'UPR',
      country: 'Slovenia',
      countryCode: 'SVN',
      date: '2025-03-24',
      session: 48,
      cycle: 4,
    });
  });

  it('splits out the recommending States (checked against the PDF text)', () => {
    expect(byNumber.get('140.1')?.recommendingStates).toEqual([
      'Algeria',
      'Cabo Verde',
      'Paraguay',
      'South Sudan',
      'Sri Lanka',
      'Togo',
      'Uruguay',
      'Bolivarian Republic of Venezuela',
    ]);
    expect(byNumber.get('140.7')?.recommendingStates).toEqual(['Maldives', 'Portugal']);
    expect(byNumber.get('140.11')?.recommendingStates).toEqual(['North Macedonia']);
    expect(byNumber.get('140.167')?.recommendingStates).toEqual(['Venezuela (Bolivarian Republic of)']);
    expect(byNumber.get('140.254')?.recommendingStates).toEqual(['Iraq']);
    for (const r of parsed.recommendations) expect(r.recommendingStates.length, r.number).toBeGreaterThan(0);
  });

  it('cleans the text: no States, no running headers, no page numbers, lines joined', () => {
    expect(byNumber.get('140.7')?.text).toBe(
      'Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights',
    );
    // 140.145 runs over the page break 18 → 19: footer, page number and header are not in its text.
    expect(byNumber.get('140.145')?.text).toBe(
      'Increase the budget on environmental protection to improve the implementation and enforcement of environmental laws and policies ensuring the enjoyment of the right to a clean, healthy and sustainable environment',
    );
    expect(byNumber.get('140.145')?.recommendingStates).toEqual(['Timor-Leste']);
    expect(byNumber.get('140.21')?.text).toBe(
      'Continue strengthening the Interministerial Commission on Human Rights, guided by international best practices as consolidated in the Marrakech Guidance Framework, and consider joining the International Network of National Mechanisms for Implementation, Reporting and Follow-Up',
    );
    expect(byNumber.get('140.254')?.location).toEqual({ file: 'wg.pdf', paragraph: '140.254', page: 25 });
    for (const r of parsed.recommendations) {
      expect(r.text, r.number).not.toMatch(/GE\.25|A\/HRC\/59\/15|\(\w[^)]*\)\s*$|[;.]$|\s{2}/);
      expect(r.lang).toBe('en');
    }
  });
});

describe('UPR addendum A/HRC/59/15/Add.1 (the State’s views)', async () => {
  const parsed = await parseUprAddendum(readFixture(addFile), 'add1.pdf');
  const positions = new Map(parsed.positions?.map((p) => [p.number, p.position]));

  it('gives one position to each of the 254 recommendations: 217 supported, 37 noted, as the text says', () => {
    expect(parsed.positions).toHaveLength(254);
    expect([...positions.keys()].sort()).toEqual(Array.from({ length: 254 }, (_, i) => `140.${i + 1}`).sort());
    expect([...positions.values()].filter((p) => p === 'supported')).toHaveLength(217);
    expect([...positions.values()].filter((p) => p === 'noted')).toHaveLength(37);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads lists with stray full stops and both "accepted" sections', () => {
    // "140.35. 140.36" and "140.160. 140.161" are typos in the list of section I.
    expect(positions.get('140.35')).toBe('supported');
    expect(positions.get('140.36')).toBe('supported');
    expect(positions.get('140.161')).toBe('supported');
    // Section II: accepted and considered already implemented.
    expect(positions.get('140.11')).toBe('supported');
    expect(positions.get('140.252')).toBe('supported');
    // Section III: noted; 140.241 is commented under "140.240-241" there but listed as accepted.
    expect(positions.get('140.1')).toBe('noted');
    expect(positions.get('140.253')).toBe('noted');
    expect(positions.get('140.241')).toBe('supported');
    expect(parsed.positions?.[0]?.positionSource).toBe('A/HRC/59/15/Add.1');
    expect(parsed.review?.symbol).toBe('A/HRC/59/15');
  });
});
