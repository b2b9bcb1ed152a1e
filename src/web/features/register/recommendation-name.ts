import { useCallback } from 'react';
import type { RecommendationRef } from '../../../shared/schemas/register';
import { useT } from '../../i18n/i18n-provider';

/** "140.7 (A/HRC/59/15)", or the review alone when the recommendation has no number. */
export function useRecommendationName() {
  const { t } = useT();
  return useCallback(
    (item: Pick<RecommendationRef, 'number' | 'reviewSymbol' | 'bodyCode'>) =>
      item.number
        ? t('register.resultTitle', { number: item.number, symbol: item.reviewSymbol ?? item.bodyCode })
        : (item.reviewSymbol ?? item.bodyCode),
    [t],
  );
}
