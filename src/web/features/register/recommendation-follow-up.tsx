import { RecommendationActions } from '../actions/recommendation-actions';
import { RecommendationIndicators } from '../indicators/recommendation-indicators';
import { ProgressSection } from '../progress/recommendation-progress';

/**
 * What is done about a recommendation: actions, progress updates, indicators. Its own chunk,
 * loaded after the recommendation itself shows, to keep the page's first load in budget.
 */
export default function RecommendationFollowUp(props: { recommendationId: string }) {
  return (
    <>
      <RecommendationActions recommendationId={props.recommendationId} />
      <ProgressSection subject={{ kind: 'recommendation', id: props.recommendationId }} />
      <RecommendationIndicators recommendationId={props.recommendationId} />
    </>
  );
}
