import { describe, expect, it } from 'vitest';
import { chartSurface, contrastRatio, seriesColor, seriesPalette } from './chart-palette';

describe('chart palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  it('gives every series at least 3:1 against the chart surface', () => {
    for (const color of seriesPalette) expect(contrastRatio(color, chartSurface), color).toBeGreaterThanOrEqual(3);
  });

  it('keeps neighbouring series apart and cycles past the end', () => {
    const distinct = new Set(seriesPalette.map((color) => color.toLowerCase()));
    expect(distinct.size).toBe(seriesPalette.length);
    expect(seriesColor(seriesPalette.length)).toBe(seriesPalette[0]);
  });
});
