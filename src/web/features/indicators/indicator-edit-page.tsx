import { Link, useNavigate, useParams } from 'react-router';
import type { IndicatorDetail } from '../../../shared/schemas/indicators';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { formStateOf, IndicatorForm } from './indicator-form';

/** Changes an indicator's definition at the version read (a concurrent edit answers 409). */
export default function IndicatorEditPage() {
  const { t, locale } = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useApi<IndicatorDetail>(`/api/indicators/${id}`);
  const indicator = detail.data;
  return (
    <>
      <PageTitle>
        {indicator ? t('indicators.editTitle', { code: indicator.code }) : t('indicators.titleLoading')}
      </PageTitle>
      <p>
        <Link to={`/indicators/${id}`}>{t('indicators.backToIndicator')}</Link>
      </p>
      <ErrorMessage error={detail.error} />
      {indicator ? (
        <IndicatorForm
          key={indicator.version}
          initial={formStateOf(indicator, locale)}
          indicatorId={indicator.id}
          version={indicator.version}
          submitLabel={t('common.save')}
          onSaved={(saved) => navigate(`/indicators/${saved.id}`, { state: { saved: true } })}
        />
      ) : detail.loading ? (
        <Loading />
      ) : null}
    </>
  );
}
