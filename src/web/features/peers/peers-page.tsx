import { useState } from 'react';
import type { PeersQuery, PeersPage as PeersResult } from '../../../shared/schemas/peers';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { levelLabel, useLevels } from '../entities/labels';

const pageSize = 25;
const sorts = ['onTime', 'progress', 'name'] as const;

/**
 * Local governments of one level side by side: calls for input answered on time, recommendations
 * in progress and implemented. The person's own LRG is marked; the server pages and sorts.
 */
export default function PeersPage() {
  const i18n = useT();
  const { t, formatNumber } = i18n;
  const levels = useLevels();
  const [level, setLevel] = useState<number | undefined>(undefined);
  const [sort, setSort] = useState<PeersQuery['sort']>('onTime');
  const [page, setPage] = useState(1);
  const peers = useApi<PeersResult>('/api/peers', { level, sort, page, pageSize });
  const shownLevel = peers.data?.level ?? level ?? 1;

  return (
    <>
      <PageTitle>{t('peers.title')}</PageTitle>
      <p>{t('peers.intro')}</p>
      <section className="card" aria-labelledby="peers-title" aria-busy={peers.loading}>
        <h2 id="peers-title">{levelLabel(shownLevel, levels, i18n)}</h2>
        <div className="filters">
          <label>
            {t('peers.level')}{' '}
            <select
              value={shownLevel}
              onChange={(event) => {
                setLevel(Number(event.target.value));
                setPage(1);
              }}
            >
              {(levels.length > 0 ? levels.map((named) => named.level) : [1]).map((value) => (
                <option key={value} value={value}>
                  {levelLabel(value, levels, i18n)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('peers.sortBy')}{' '}
            <select
              value={sort}
              onChange={(event) => {
                setSort(event.target.value as PeersQuery['sort']);
                setPage(1);
              }}
            >
              {sorts.map((value) => (
                <option key={value} value={value}>
                  {t(`peers.sort.${value}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ErrorMessage error={peers.error} />
        {peers.loading && !peers.data ? <Loading /> : null}
        {peers.data ? (
          <>
            <div className="table-scroll">
              <table aria-labelledby="peers-title">
                <thead>
                  <tr>
                    <th scope="col">{t('peers.name')}</th>
                    <th scope="col">{t('peers.callsOnTime')}</th>
                    <th scope="col">{t('peers.recommendations')}</th>
                    <th scope="col">{t('peers.inProgress')}</th>
                    <th scope="col">{t('peers.implemented')}</th>
                  </tr>
                </thead>
                <tbody>
                  {peers.data.items.map((peer) => (
                    <tr key={peer.id} className={peer.mine ? 'row-mine' : undefined}>
                      <th scope="row">
                        {peer.name}
                        {peer.mine ? <span className="badge">{t('peers.mine')}</span> : null}
                      </th>
                      <td>
                        {peer.callsAsked === 0
                          ? t('peers.noCalls')
                          : t('peers.onTimeOf', {
                              onTime: formatNumber(peer.callsOnTime),
                              asked: formatNumber(peer.callsAsked),
                              share: formatNumber(peer.callsOnTime / peer.callsAsked, { style: 'percent' }),
                            })}
                      </td>
                      <td>{formatNumber(peer.recommendations)}</td>
                      <td>{formatNumber(peer.inProgress)}</td>
                      <td>{formatNumber(peer.implemented)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {peers.data.total > pageSize ? (
              <Pager page={peers.data.page} pageSize={peers.data.pageSize} total={peers.data.total} onPage={setPage} />
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
