import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../../../tests/fixtures.js';
import { decodeText, fastRecords, readCsv } from '../../../lib/tabular/csv';

const options = { relax_column_count: true, skip_empty_lines: true, bom: true };

describe('CSV reading', () => {
  it('reads what csv-parse reads, or leaves irregular text to it', () => {
    const texts = [
      '',
      '\n',
      'a',
      'a,b\n',
      'a,b,\n',
      ',\n,',
      '\n\na,b\n\n\nc\n',
      '"a""b",c\n',
      '"a\nb",""\n',
      '"",""',
      'x,"y"',
      '"a,b",c,"d\n\ne"\n\n',
      '\ufeffh1,h2\n1,2',
      'a,"b"c',
      'a,b"c',
      '"unclosed',
      ' "a",b',
      '"a" ,b',
    ];
    for (const text of texts) {
      const fast = fastRecords(text, ',');
      if (fast === undefined) expect(() => parse(text, options), JSON.stringify(text)).toThrow();
      else expect(fast, JSON.stringify(text)).toEqual(parse(text, options));
    }
    expect(fastRecords('a;"b;c"\n', ';')).toEqual([['a', 'b;c']]);
  });

  it('reports a broken quote with its row and column, as csv-parse finds it', () => {
    const refusal = (text: string) => {
      try {
        readCsv(text, 'bad.csv');
      } catch (error) {
        return (error as { issues: unknown[] }).issues;
      }
      throw new Error('read without error');
    };
    expect(refusal('h1,h2\n1,2\n3,x"y')).toEqual([
      { file: 'bad.csv', row: 3, column: 'h2', message: 'issues.csv.quotes' },
    ]);
    expect(refusal('h1,h2\n1,"2\n3,4')).toEqual([
      expect.objectContaining({ file: 'bad.csv', message: 'issues.csv.quotes' }),
    ]);
  });

  it('decodes Mac Roman and Windows-1252 as iconv-lite does', () => {
    const bytes = Buffer.from(Array.from({ length: 255 }, (_, i) => i + 1));
    for (const encoding of ['macintosh', 'windows-1252'] as const)
      expect(decodeText(bytes, encoding)).toBe(iconv.decode(bytes, encoding));
    const uprInfo = readFixture('upr-info/upr-info-sessions-1-5.sample.csv');
    expect(decodeText(uprInfo, 'macintosh')).toBe(iconv.decode(uprInfo, 'macintosh'));
  });
});
