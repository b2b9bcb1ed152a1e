import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import type { ReportDiff, ReportVersion } from '../../../shared/schemas/reports';
import { ErrorMessage } from '../../components/error-message';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';

const pageSize = 20;

/** The difference between two versions, section by section, words added and removed marked. */
function DiffView(props: { diff: ReportDiff }) {
  const { t } = useT();
  const changed = props.diff.sections.filter((section) => section.change !== 'same');
  if (changed.length === 0) return <p>{t('reports.diff.none')}</p>;
  return (
    <>
      {changed.map((section) => (
        <section key={section.sectionId} className="card diff" aria-label={section.heading}>
          <h3>
            {section.heading} <span className="subtle">{t(`reports.diff.change.${section.change}`)}</span>
          </h3>
          <p className="diff-text">
            {section.parts.map((part, index) =>
              part.added ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no identity but their place.
                <ins key={index}>{part.value}</ins>
              ) : part.removed ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                <del key={index}>{part.value}</del>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                <span key={index}>{part.value}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </>
  );
}

/** A report's versions (paged on the server) and the difference between any two. */
export default function ReportVersionsPage() {
  const { t, formatNumber, formatDateTime } = useT();
  const { id = '' } = useParams();
  const [page, setPage] = useState(1);
  const list = useApi<Page<ReportVersion>>(`/api/reports/${id}/versions`, { page, pageSize });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const ready = from && to && from !== to;
  const diff = useApi<ReportDiff>(ready ? `/api/reports/${id}/diff` : null, { from, to });
  const numbers = list.data?.items.map((version) => version.number) ?? [];

  return (
    <>
      <PageTitle>{t('reports.versions.title')}</PageTitle>
      <p>
        <Link to={`/reports/${id}`}>{t('reports.backToReport')}</Link>
      </p>
      <ErrorMessage error={list.error} />
      <ListCard list={list} count={(count) => t('reports.versions.count', { count })} filtered={false} onPage={setPage}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('reports.versions.number')}</th>
                <th scope="col">{t('reports.versions.note')}</th>
                <th scope="col">{t('reports.versions.by')}</th>
                <th scope="col">{t('reports.versions.at')}</th>
                <th scope="col">{t('reports.versions.words')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((version) => (
                <tr key={version.number}>
                  <td>{version.number}</td>
                  <td>{version.note ?? ''}</td>
                  <td>{version.createdBy ?? ''}</td>
                  <td>{formatDateTime(version.createdAt)}</td>
                  <td>{formatNumber(version.words)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
      <section className="card" aria-labelledby="diff-heading">
        <h2 id="diff-heading">{t('reports.diff.title')}</h2>
        <div className="filter-row">
          <div className="field">
            <label htmlFor="diff-from">{t('reports.diff.from')}</label>
            <select id="diff-from" value={from} onChange={(event) => setFrom(event.target.value)}>
              <option value="">—</option>
              {numbers.map((number) => (
                <option key={number} value={number}>
                  {number}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="diff-to">{t('reports.diff.to')}</label>
            <select id="diff-to" value={to} onChange={(event) => setTo(event.target.value)}>
              <option value="">—</option>
              {numbers.map((number) => (
                <option key={number} value={number}>
                  {number}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ErrorMessage error={diff.error} />
        <div aria-live="polite">{diff.data ? <DiffView diff={diff.data} /> : null}</div>
      </section>
    </>
  );
}
