import { describe, expect, it } from 'vitest';
import { chartSurface, contrastRatio } from '../../components/chart-palette';
import { fallbackStatusColors, knownStatusColors, statusColors } from './status-colors';

/** Where charts are drawn in light mode: the card surface, and the page background around it. */
const backgrounds = [chartSurface, '#f4f6f9'];

describe('status colours', () => {
  const all = [...Object.values(knownStatusColors), ...fallbackStatusColors];

  it.each(all)('%s has at least 3:1 contrast against the chart backgrounds', (color) => {
    for (const background of backgrounds) expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(3);
  });

  it('gives every colour once', () => {
    expect(new Set(all.map((color) => color.toLowerCase())).size).toBe(all.length);
  });

  it('keeps the colour of a known status wherever it appears, and gives unknown ones distinct fallbacks', () => {
    const colors = statusColors(['implemented', 'under_review', 'not_started', 'withdrawn']);
    expect(colors[0]).toBe(knownStatusColors.implemented);
    expect(colors[2]).toBe(knownStatusColors.not_started);
    expect(colors[1]).toBe(fallbackStatusColors[0]);
    expect(colors[3]).toBe(fallbackStatusColors[1]);
    expect(statusColors(['withdrawn', 'implemented'])).toEqual([
      fallbackStatusColors[0],
      knownStatusColors.implemented,
    ]);
  });

  it('repeats fallbacks only once they run out', () => {
    const codes = Array.from({ length: fallbackStatusColors.length + 1 }, (_, index) => `custom_${index}`);
    const colors = statusColors(codes);
    expect(new Set(colors.slice(0, fallbackStatusColors.length)).size).toBe(fallbackStatusColors.length);
    expect(colors.at(-1)).toBe(fallbackStatusColors[0]);
  });
});
