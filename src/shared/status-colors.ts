/**
 * One colour per implementation status, for every chart that shows statuses. Statuses are the
 * installation's own terms: the default codes have a fixed colour (grey for not started, blue,
 * amber, green, violet), and any other status takes the next unused colour of the fallback list.
 * Every colour passes WCAG's 3:1 for graphics against the chart surface and the page background
 * (status-colors.test.ts computes it); hues and lightness differ so that neighbours stay apart.
 */
export const knownStatusColors: Readonly<Record<string, string>> = {
  not_started: '#5f6b7a',
  in_progress: '#0b5cad',
  partially_implemented: '#b45309',
  implemented: '#1d7a46',
  not_applicable: '#6b4fa8',
};

export const fallbackStatusColors = [
  '#0f6e82',
  '#a3227d',
  '#8a5a00',
  '#b3261e',
  '#4d6b1f',
  '#3949ab',
  '#7a4b2a',
  '#ad1457',
] as const;

/** The colours of these status codes, in order: known ones fixed, others from the fallback list. */
export function statusColors(codes: readonly string[]): string[] {
  const used = new Set(codes.flatMap((code) => (knownStatusColors[code] ? [knownStatusColors[code]] : [])));
  const spare = fallbackStatusColors.filter((color) => !used.has(color));
  let next = 0;
  return codes.map((code) => {
    const known = knownStatusColors[code];
    if (known) return known;
    // Past the end of the list, colours repeat: the table view still tells the statuses apart.
    const color = spare[next % spare.length] ?? fallbackStatusColors[0];
    next += 1;
    return color;
  });
}
