import { Link, useNavigate, useSearchParams } from 'react-router';
import type { RecommendationDetail } from '../../../shared/schemas/register';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { ActionForm, emptyActionForm } from './action-form';

/** A new action; from a recommendation's page it comes with that recommendation already linked. */
export default function ActionNewPage() {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const recommendationId = params.get('recommendation');
  const recommendation = useApi<RecommendationDetail>(
    recommendationId ? `/api/recommendations/${recommendationId}` : null,
    { lang: locale },
  );
  const from = recommendation.data;

  return (
    <>
      <PageTitle>{t('actions.newTitle')}</PageTitle>
      <p>
        <Link to="/actions">{t('actions.back')}</Link>
      </p>
      <p>{t('actions.newIntro')}</p>
      <ErrorMessage error={recommendation.error} />
      {recommendationId && !from && recommendation.loading ? (
        <Loading />
      ) : (
        <ActionForm
          initial={{
            ...emptyActionForm,
            recommendations: from
              ? [
                  {
                    id: from.id,
                    number: from.number,
                    bodyCode: from.bodyCode,
                    reviewSymbol: from.reviewSymbol,
                    text: from.text,
                  },
                ]
              : [],
          }}
          submitLabel={t('actions.create')}
          onSaved={(action) => navigate(`/actions/${action.id}`)}
        />
      )}
    </>
  );
}
