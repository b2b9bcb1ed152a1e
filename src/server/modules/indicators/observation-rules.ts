/** Rules an observation must keep, shared by the form's route and the import. Pure. */
import type { IndicatorDimension } from '../../db/schema';

export interface DisaggregationProblem {
  key: string;
  message: 'issues.observation.unknownDimension' | 'issues.observation.unknownDimensionValue';
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The disaggregation with each value spelled as the indicator defines it (matched without regard
 * to case, accents or punctuation), and each key or value the indicator does not define.
 */
export function checkDisaggregation(
  dimensions: readonly IndicatorDimension[],
  input: Record<string, string>,
): { value: Record<string, string>; problems: DisaggregationProblem[] } {
  const value: Record<string, string> = {};
  const problems: DisaggregationProblem[] = [];
  for (const [key, given] of Object.entries(input)) {
    const dimension = dimensions.find((d) => d.key === key);
    if (!dimension) {
      problems.push({ key, message: 'issues.observation.unknownDimension' });
      continue;
    }
    const match = dimension.values.find((allowed) => fold(allowed) === fold(given));
    if (match === undefined) problems.push({ key, message: 'issues.observation.unknownDimensionValue' });
    else value[key] = match;
  }
  return { value, problems };
}

const unitAliases = new Map<string, string>([
  ['%', 'percent'],
  ['per cent', 'percent'],
  ['percentage', 'percent'],
  ['pct', 'percent'],
]);

/** A unit reduced to what matters: case, spaces and digit grouping ("100 000" = "100,000") do not. */
export function unitKey(unit: string): string {
  const folded = unit.trim().toLowerCase().replace(/\s+/g, ' ');
  const alias = unitAliases.get(folded) ?? folded;
  return alias.replace(/(\d)[\s,.\u00a0\u202f](?=\d{3}\b)/g, '$1').replace(/[^\p{L}\p{N}%]+/gu, '');
}

export const sameUnit = (a: string, b: string) => unitKey(a) === unitKey(b);

/** Whether two periods (days included at both ends) share a day. */
export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  a.start <= b.end && b.start <= a.end;

/** A canonical text of a disaggregation (keys sorted), to compare and group observations. */
export function disaggregationKey(value: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
}
