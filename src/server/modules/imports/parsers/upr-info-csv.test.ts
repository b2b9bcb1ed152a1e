import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { parseUprInfoCsv } from './upr-info-csv.parser.js';

const files = [
  'upr-info-sessions-1-5.csv',
  'upr-info-sessions-6-9.csv',
  'upr-info-sessions-10-13.csv',
  'upr-info-sessions-14-17.csv',
];

describe('UPR Info CSV exports', async () => {
  const parsed = await Promise.all(
    files.map(
      async (f) => [f, await parseUprInfoCsv(readFixture(`upr-info/${f.replace('.csv', '.sample.csv')}`), f)] as const,
    ),
  );
  const pledges = await parseUprInfoCsv(readFixture('upr-info/upr-info-voluntary-pledges.sample.csv'), 'pledges.csv');

  // The fixtures sample the four files (33,082 rows) and the pledges (947): the counts are the
  // samples' data rows, as scripts/sample-fixtures.ts reports them.
  it('reads every recommendation row of the four samples', () => {
    expect(parsed.map(([, p]) => p.recommendations.length)).toEqual([363, 396, 431, 440]);
    expect(parsed.reduce((n, [, p]) => n + p.recommendations.length, 0)).toBe(1630);
    for (const [f, p] of parsed) {
      // Not UTF-8 and no byte order mark: the encoding is a guess, named in the dry run.
      expect(p.warnings).toEqual([
        { location: { file: f }, message: 'issues.encodingGuessed', params: { encoding: 'Mac Roman' } },
      ]);
      expect(new Set(p.recommendations.map((r) => r.position))).toEqual(new Set(['supported', 'noted']));
    }
  });

  it('reports the 4 exact duplicate rows: one in sessions 6-9, one in 14-17, two in the pledges', () => {
    const dups = [...parsed.map(([, p]) => p.duplicates), pledges.duplicates];
    expect(dups.map((d) => d.length)).toEqual([0, 1, 0, 1, 2]);
    for (const d of dups.flat()) expect(d.location.row).toBeGreaterThan(d.duplicateOf.row!);
  });

  it('maps one row exactly (first data row, Mac Roman decoded)', () => {
    const first = parsed[0]![1].recommendations[0]!;
    expect(first).toMatchObject({
      text: "Enact legislation and take effective measures to protect and promote women's rights, especially with regard to forced marriages, honour killings and access to education for all girls.",
      country: 'Afghanistan',
      recommendingStates: ['Austria'],
      position: 'supported',
      actionCategory: 5,
      issues: ['Rights of the Child', "Women's rights"],
      session: 5,
      cycle: 1,
      kind: 'recommendation',
      location: { file: 'upr-info-sessions-1-5.csv', row: 2 },
    });
    const all = parsed.flatMap(([, p]) => p.recommendations);
    // Mac Roman bytes 0x8E/0x8F are é/è: no replacement characters anywhere.
    expect(all.some((r) => /[éè]/.test(r.text))).toBe(true);
    expect(all.some((r) => r.text.includes('\ufffd'))).toBe(false);
    // "&#40;Unknown&#41;" is decoded.
    expect(all.some((r) => /&#\d+;/.test(`${r.text}${r.recommendingStates}`))).toBe(false);
    expect(all.some((r) => `${r.text} ${r.recommendingStates.join()}`.includes('(Unknown)'))).toBe(true);
    expect(new Set(all.map((r) => r.session))).toEqual(new Set(Array.from({ length: 17 }, (_, i) => i + 1)));
    expect(all.filter((r) => r.cycle === 2).length).toBeGreaterThan(0);
  });

  it('reads the voluntary pledges as pledges, without a position', () => {
    expect(pledges.recommendations).toHaveLength(256);
    expect(new Set(pledges.recommendations.map((r) => r.kind))).toEqual(new Set(['voluntary_pledge']));
    expect(pledges.recommendations.every((r) => r.position === undefined)).toBe(true);
  });

  it('warns of an unknown response with a catalogue key naming the cell, and imports the row without a position', async () => {
    const csv =
      'To,Text,From,Response,Action,Issue,Session\nSlovenia,Ratify the convention.,Austria,Maybe later,3,,20\n';
    const parsed = await parseUprInfoCsv(Buffer.from(csv), 'one.csv');
    expect(parsed.warnings).toEqual([
      { location: { file: 'one.csv', row: 2 }, message: 'issues.unknownResponse', params: { response: 'Maybe later' } },
    ]);
    expect(parsed.recommendations[0]?.position).toBeUndefined();
  });

  it('leaves out a session number that cannot be one (a damaged last cell, found by the fuzzer)', async () => {
    // The real sample with its last cell's "2" repeated 17 times: it once reached the integer column (500).
    const bytes = readFixture('upr-info/upr-info-sessions-1-5.sample.csv');
    const damaged = Buffer.concat([bytes, Buffer.from('2'.repeat(16))]);
    const p = await parseUprInfoCsv(damaged, 'damaged.csv');
    const last = p.recommendations.at(-1);
    expect(last?.session).toBeUndefined();
    expect(p.warnings).toContainEqual({
      location: { file: 'damaged.csv', row: last?.location.row },
      message: 'issues.implausibleSession',
      params: { session: '2'.repeat(17) },
    });
  });
});
