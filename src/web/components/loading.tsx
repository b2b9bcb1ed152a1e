import { useT } from '../i18n/i18n-provider';

/** Announced politely; containers being filled carry aria-busy themselves. */
export function Loading() {
  const { t } = useT();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}
