import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ReportDetail, ReportSection } from '../../../shared/schemas/reports';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { ReportActions } from './report-actions';
import { AnnexSelection } from './report-annex';
import { ReportSettings } from './report-settings';
import { SectionEditor } from './section-editor';

/** Where a section's text came from: the validated updates pulled in, with entity and period. */
function SourcesPanel(props: { section: ReportSection }) {
  const { t, formatDate } = useT();
  const formatDay = (day: string) => formatDate(day, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Map(props.section.recommendations.map((rec) => [rec.id, rec.number]));
  return (
    <section className="card" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('reports.sources.title')}</h2>
      {props.section.sources.length === 0 ? <p>{t('reports.sources.none')}</p> : null}
      <ul className="plain-list">
        {props.section.sources.map((source) => {
          const period =
            [source.periodStart, source.periodEnd]
              .filter((day): day is string => Boolean(day))
              .map(formatDay)
              .join(' – ') || '—';
          return (
            <li key={source.updateId}>
              <strong>{source.entityName}</strong>{' '}
              {t('reports.sources.item', {
                numbers: source.recommendationIds.map((id) => numbers.get(id) ?? '?').join(', '),
                period,
              })}{' '}
              <Link
                to={`/progress/${source.updateId}`}
                aria-label={t('reports.sources.openNamed', { entity: source.entityName, period })}
              >
                {t('reports.sources.open')}
              </Link>
            </li>
          );
        })}
      </ul>
      <h3>{t('reports.sources.recommendations')}</h3>
      <ul className="plain-list">
        {props.section.recommendations.map((rec) => (
          <li key={rec.id}>
            {rec.present ? (
              <Link to={`/register/${rec.id}`}>{rec.number ?? '—'}</Link>
            ) : (
              <span>{rec.number ?? '—'}</span>
            )}{' '}
            <span className="subtle">{rec.excerpt}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The report editor: counts against the limits with warnings, the outline, the chosen section's
 * editor with its sources, the LRG annex, and the coordinator's steps (versions, consultation,
 * approval, export).
 */
export default function ReportPage() {
  const { t, formatNumber } = useT();
  const { id = '' } = useParams();
  const report = useApi<ReportDetail>(`/api/reports/${id}`);
  const [selected, setSelected] = useState<string | null>(null);
  const data = report.data;
  if (!data) return report.error ? <ErrorMessage error={report.error} /> : <Loading />;
  const section = data.sections.find((item) => item.id === selected) ?? data.sections[0];
  const { counts } = data;

  function onSaved(saved: ReportSection) {
    report.setData((current) => {
      if (!current) return current;
      const before = current.sections.find((item) => item.id === saved.id)?.words ?? 0;
      const sections = current.sections.map((item) => (item.id === saved.id ? saved : item));
      // The main count may hold more than the sections (the LRGs printed as a chapter).
      const main = current.counts.main - before + saved.words;
      return {
        ...current,
        sections,
        counts: { ...current.counts, main, mainOver: main > current.counts.mainLimit },
      };
    });
  }

  return (
    <>
      <PageTitle>{data.title}</PageTitle>
      <p>
        <Link to="/reports">{t('reports.back')}</Link>
      </p>
      <p>
        {t(`reports.type.${data.type}`)} · {data.bodyCode} ·{' '}
        <span className={`badge badge-report-${data.status}`}>{t(`reports.status.${data.status}`)}</span>
        {data.consultationVersion ? ` · ${t('reports.inConsultation', { number: data.consultationVersion })}` : ''}
      </p>
      <section className="card" aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('reports.counts.title')}</h2>
        <p>{t('reports.counts.main', { count: formatNumber(counts.main), limit: formatNumber(counts.mainLimit) })}</p>
        <p>
          {counts.annexLimit === null
            ? t('reports.annex.count', { count: formatNumber(counts.annex) })
            : t('reports.annex.countLimit', {
                count: formatNumber(counts.annex),
                limit: formatNumber(counts.annexLimit),
              })}
        </p>
        {counts.mainOver ? (
          <p className="field-error" role="alert">
            {t('reports.counts.mainOver', { over: formatNumber(counts.main - counts.mainLimit) })}
          </p>
        ) : null}
        {counts.annexOver ? (
          <p className="field-error" role="alert">
            {t('reports.counts.annexOver', { over: formatNumber(counts.annex - (counts.annexLimit ?? 0)) })}
          </p>
        ) : null}
        {data.missingRecommendations.map((missing) => (
          <p key={missing.id} className="field-error">
            {t('reports.missingRecommendation', { number: missing.number ?? '?' })}
          </p>
        ))}
        <p className="subtle">{t('reports.counts.rule')}</p>
      </section>
      <div className="report-layout">
        <nav aria-labelledby="outline-heading" className="card">
          <h2 id="outline-heading">{t('reports.outline.title')}</h2>
          <ol>
            {data.sections.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="button-link"
                  aria-current={item.id === section?.id ? 'true' : undefined}
                  onClick={() => setSelected(item.id)}
                >
                  {item.heading}
                </button>{' '}
                <span className="subtle">{t('reports.outline.words', { count: item.words })}</span>
              </li>
            ))}
          </ol>
        </nav>
        {section ? (
          <div>
            <h2>{section.heading}</h2>
            <SectionEditor
              key={section.id}
              reportId={data.id}
              section={section}
              otherWords={counts.main - section.words}
              wordLimit={counts.mainLimit}
              disabled={!data.canEdit}
              onSaved={onSaved}
            />
            <SourcesPanel section={section} />
          </div>
        ) : null}
      </div>
      <ReportSettings report={data} onChange={(next) => report.setData(() => next)} />
      <AnnexSelection report={data} onChange={(next) => report.setData(() => next)} />
      <ReportActions report={data} onChanged={report.reload} />
    </>
  );
}
