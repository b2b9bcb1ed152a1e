import { useT } from '../i18n/i18n-provider';

/** Previous / next over a server-side page, with the position and the total. */
export function Pager(props: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const { t, formatNumber } = useT();
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {t('pager.previous')}
      </button>
      <span className="pager-status">
        {t('pager.status', { page: formatNumber(props.page), pages: formatNumber(pages) })}
        {' · '}
        {t('pager.total', { count: props.total })}
      </span>
      <button type="button" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
