import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { useT } from '../../i18n/i18n-provider';
import { emptyIndicatorForm, IndicatorForm } from './indicator-form';

/** A new indicator: defined by the NMIRF secretariat, then filled by its data owner. */
export default function IndicatorNewPage() {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle>{t('indicators.newTitle')}</PageTitle>
      <p>
        <Link to="/indicators">{t('indicators.back')}</Link>
      </p>
      <p>{t('indicators.newIntro')}</p>
      <IndicatorForm
        initial={emptyIndicatorForm}
        submitLabel={t('indicators.create')}
        onSaved={(indicator) => navigate(`/indicators/${indicator.id}`)}
      />
    </>
  );
}
