import { describe, expect, it } from 'vitest';
import { checkDisaggregation, overlaps, sameUnit } from './observation-rules';

const dimensions = [
  { key: 'sex', values: ['female', 'male'] },
  { key: 'age_group', values: ['15-49', '50+'] },
];

describe('observation rules', () => {
  it('spells disaggregation values as the indicator defines them', () => {
    expect(checkDisaggregation(dimensions, { sex: 'Female', age_group: '15–49' })).toEqual({
      value: { sex: 'female', age_group: '15-49' },
      problems: [],
    });
  });

  it('names a dimension or value the indicator does not define', () => {
    expect(checkDisaggregation(dimensions, { sex: 'unknown', disability: 'yes' }).problems).toEqual([
      { key: 'sex', message: 'issues.observation.unknownDimensionValue' },
      { key: 'disability', message: 'issues.observation.unknownDimension' },
    ]);
  });

  it('compares units without regard to case, spaces or digit grouping', () => {
    expect(sameUnit('per 100 000 live births', 'Per 100,000 live births')).toBe(true);
    expect(sameUnit('%', 'percent')).toBe(true);
    expect(sameUnit('per 1 000 live births', 'per 100 000 live births')).toBe(false);
  });

  it('finds periods that share a day', () => {
    expect(overlaps({ start: '2020-01-01', end: '2020-12-31' }, { start: '2020-12-31', end: '2021-12-31' })).toBe(true);
    expect(overlaps({ start: '2020-01-01', end: '2020-12-31' }, { start: '2021-01-01', end: '2021-12-31' })).toBe(
      false,
    );
  });
});
