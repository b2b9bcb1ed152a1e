import { useCallback } from 'react';
import type { Page } from '../../../shared/schemas/common';
import { paragraphNumberPattern, type RecommendationRef, type SearchResult } from '../../../shared/schemas/register';
import { api, typedApi } from '../../api/client';
import { useT } from '../../i18n/i18n-provider';

const optionsShown = 8;

/**
 * Options for a picker of recommendations and clusters, paged by the server as the user types:
 * a paragraph number finds by number, anything else searches the words as the register does
 * (in the reader’s scope). Every picker of recommendations or clusters uses it: calls for input,
 * actions, indicators, links between recommendations, the batch edit’s cluster.
 */
export function useRecommendationOptions() {
  const { locale } = useT();
  const loadRecommendations = useCallback(
    async (text: string, signal: AbortSignal): Promise<Page<RecommendationRef>> => {
      if (paragraphNumberPattern.test(text))
        return api.get<Page<RecommendationRef>>(
          '/api/recommendations/by-number',
          { number: text, pageSize: optionsShown, lang: locale },
          signal,
        );
      const found = await api.get<SearchResult>(
        '/api/recommendations',
        { q: text, pageSize: optionsShown, lang: locale },
        signal,
      );
      return {
        ...found,
        items: found.items.map(({ id, number, bodyCode, reviewSymbol, text }) => ({
          id,
          number,
          bodyCode,
          reviewSymbol,
          text,
        })),
      };
    },
    [locale],
  );
  const loadClusters = useCallback(
    (text: string, signal: AbortSignal) =>
      typedApi.get('GET /api/clusters', { query: { q: text, pageSize: optionsShown }, signal }),
    [],
  );
  return { loadRecommendations, loadClusters };
}
