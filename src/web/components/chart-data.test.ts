import { describe, expect, it } from 'vitest';
import { chartColumns, chartCsv } from './chart-data';

const bound = (series: string, which: 'lower' | 'upper') => `${series} (${which})`;

describe('chart data', () => {
  it('puts each series and its bounds in columns', () => {
    const columns = chartColumns(
      [
        { label: 'Slovenia', values: [7, 5], lower: [5, 3], upper: [10, 8] },
        { label: 'Ljubljana', values: [null, 4] },
      ],
      bound,
    );
    expect(columns.map((column) => column.label)).toEqual([
      'Slovenia',
      'Slovenia (lower)',
      'Slovenia (upper)',
      'Ljubljana',
    ]);
  });

  it('writes CSV with quoting, empty cells for gaps and no formulas', () => {
    const csv = chartCsv(
      'Year',
      ['2016', '2023'],
      [
        { label: 'Ratio, per 100 000', values: [7.2, null] },
        { label: '=HYPERLINK("x")', values: [1, 2] },
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      `Year,"Ratio, per 100 000","'=HYPERLINK(""x"")"`,
      '2016,7.2,1',
      '2023,,2',
      '',
    ]);
  });
});
