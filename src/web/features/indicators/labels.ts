import { useCallback } from 'react';
import { isBuiltinDimension } from '../../../shared/schemas/indicator-dimensions';
import { useT } from '../../i18n/i18n-provider';

/** A dimension's name: built-in ones in the reader's language, custom ones as their owner wrote them. */
export function useDimensionLabel() {
  const { t } = useT();
  return useCallback(
    (dimension: { key: string; label?: string | undefined }) =>
      isBuiltinDimension(dimension.key)
        ? t(`indicators.dimension.${dimension.key}`)
        : (dimension.label ?? dimension.key),
    [t],
  );
}

/**
 * A period as readers say it: a calendar year as "2021", any other span as two days. The server's
 * own labels ("2021", "2021-01-01/2021-06-30") are kept for the CSV of the charts.
 */
export function useFormatPeriod() {
  const { t, formatDate } = useT();
  return useCallback(
    (start: string, end: string) => {
      const year = start.slice(0, 4);
      if (start === `${year}-01-01` && end === `${year}-12-31`) return year;
      const day = (value: string) => formatDate(value, { dateStyle: 'medium', timeZone: 'UTC' });
      return t('indicators.periodRange', { start: day(start), end: day(end) });
    },
    [t, formatDate],
  );
}

/** Disaggregation values as "Sex: female · Age group: 15–49", or the total when there are none. */
export function useFormatDisaggregation(dimensions: readonly { key: string; label?: string | undefined }[]) {
  const { t } = useT();
  const labelOf = useDimensionLabel();
  return useCallback(
    (values: Record<string, string>) => {
      const entries = Object.entries(values);
      if (entries.length === 0) return t('indicators.total');
      return entries
        .map(([key, value]) => `${labelOf(dimensions.find((d) => d.key === key) ?? { key })}: ${value}`)
        .join(' · ');
    },
    [t, labelOf, dimensions],
  );
}
