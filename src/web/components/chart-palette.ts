/**
 * Series colours for charts. Each passes WCAG 2.2's 3:1 contrast for graphics against the
 * surface (#ffffff) and neighbouring ones differ in hue and lightness, so a series stays
 * distinguishable for most colour-vision deficiencies (after Okabe–Ito, darkened to reach 3:1).
 */
export const seriesPalette = ['#0b5cad', '#b45309', '#1d7a46', '#a3227d', '#5b4bb7', '#8a5a00', '#0f6e82', '#b3261e'];

export const chartSurface = '#ffffff';

/** The colour of the n-th series, cycling through the palette. */
export function seriesColor(index: number, colors: readonly string[] = seriesPalette): string {
  return colors[index % colors.length] ?? '#0b5cad';
}

function channel(value: number): number {
  const scaled = value / 255;
  return scaled <= 0.04045 ? scaled / 12.92 : ((scaled + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => channel(Number.parseInt(part, 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
