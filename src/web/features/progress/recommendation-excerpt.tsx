import { Link } from 'react-router';
import type { ProgressSummary } from '../../../shared/schemas/progress';
import { useRecommendationName } from '../register/recommendation-name';

type Recommendation = NonNullable<ProgressSummary['recommendation']>;

/**
 * What a progress update is about, as a person recognises it: the recommendation's number and
 * review, linked to its page, and the first lines of its text in the reader's language (else the
 * original, marked with its language so it is read and shaped as such).
 */
export function RecommendationExcerpt(props: { recommendation: Recommendation; heading?: 'h2' | 'h3' }) {
  const nameOf = useRecommendationName();
  const Heading = props.heading ?? 'h3';
  const { recommendation } = props;
  return (
    <>
      <Heading className="recommendation-heading">
        <Link to={`/register/${recommendation.id}`}>{nameOf(recommendation)}</Link>
      </Heading>
      {recommendation.text ? (
        <p className="clamp subtle" lang={recommendation.textLang ?? undefined} dir="auto">
          {recommendation.text}
        </p>
      ) : null}
    </>
  );
}
