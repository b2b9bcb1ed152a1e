import { type ReactNode, useId } from 'react';
import type { Page } from '../../shared/schemas/common';
import { useT } from '../i18n/i18n-provider';
import { Loading } from './loading';
import { Pager } from './pager';
import type { ApiState } from './use-api';

/**
 * A server-side page of records: its count as heading, the table (labelled by that heading), a
 * note when filters match nothing, and the pager when there is more than one page.
 */
export function ListCard<T>(props: {
  /** Read only: a page that carries more than its rows (counts by status) fits as it is. */
  list: Pick<ApiState<Page<T>>, 'data' | 'loading'>;
  count: (total: number) => string;
  filtered: boolean;
  onPage: (page: number) => void;
  toolbar?: ReactNode;
  children: (page: Page<T>, labelId: string) => ReactNode;
}) {
  const { t } = useT();
  const labelId = useId();
  const { data, loading } = props.list;
  if (!data && !loading) return null;
  return (
    <div className="card" aria-busy={loading}>
      {props.toolbar}
      {data ? (
        <>
          <h2 id={labelId} className="list-count">
            {props.count(data.total)}
          </h2>
          {data.items.length > 0 ? (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
            <section className="table-scroll" aria-labelledby={labelId} tabIndex={0}>
              {props.children(data, labelId)}
            </section>
          ) : props.filtered ? (
            <p>{t('common.noResults')}</p>
          ) : null}
          {data.total > data.pageSize ? (
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={props.onPage} />
          ) : null}
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}
