import { lazy, Suspense, useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import { directionOf, isLocale, type Locale, languageName, localeNames, locales } from '../../../shared/i18n/locales';
import type { RecommendationDetail } from '../../../shared/schemas/register';
import { type ApiAnswer, api, toAppError, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { FallbackText } from '../../components/fallback-lang';
import { Loading } from '../../components/loading';
import { OnDemandDetails } from '../../components/on-demand-details';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { AssignmentsPanel } from '../assignments/assignments-panel';
import { countryName, locationText, positionLabel, statusLabelOf, useStatusTerms } from './labels';
import { PublicationCard } from './publication-card';
import { StatusForm } from './status-form';

const RecommendationFollowUp = lazy(() => import('./recommendation-follow-up'));
// Editing forms load when their disclosure opens: reading a recommendation ships no zod (decision 029).
const ClassificationForm = lazy(() =>
  import('./classification-form').then((module) => ({ default: module.ClassificationForm })),
);
const LinkForm = lazy(() => import('./link-form').then((module) => ({ default: module.LinkForm })));

export default function RecommendationPage() {
  const i18n = useT();
  const { t, locale, formatDate, formatDateTime } = i18n;
  const { id = '' } = useParams();
  const { can } = useSession();
  const canEdit = can('register:edit');
  const detail = useApi<ApiAnswer<'GET /api/recommendations/{id}'>>(
    urlOf('GET /api/recommendations/{id}', { path: { id } }),
    // The server answers in the reader's language; `lang` only reloads the page when it changes.
    { lang: locale },
  );
  const statuses = useStatusTerms();
  const [linkError, setLinkError] = useState<AppError | null>(null);
  const { reload, setData } = detail;
  const onSaved = useCallback((next: RecommendationDetail) => setData(() => next), [setData]);

  const data = detail.data;
  if (!data) {
    return (
      <>
        <PageTitle>{t('recommendation.titleLoading')}</PageTitle>
        <ErrorMessage error={detail.error} />
        {detail.loading ? <Loading /> : null}
      </>
    );
  }

  const symbol = data.review.symbol ?? data.review.bodyName;
  const title = data.number
    ? t('recommendation.title', { number: data.number, symbol })
    : t('recommendation.titleNoNumber', { symbol });
  const history = [...data.statusHistory].sort((a, b) => b.changedAt.localeCompare(a.changedAt));

  async function unlink(otherId: string) {
    setLinkError(null);
    try {
      await api.delete(`/api/recommendations/${id}/links/${otherId}`);
      reload();
    } catch (error) {
      setLinkError(toAppError(error));
    }
  }

  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        <Link to="/register">{t('recommendation.backToRegister')}</Link>
      </p>
      <ErrorMessage error={detail.error} />
      <div className="detail-grid">
        <div className="detail-main">
          <RecommendationText detail={data} />
          <PublicationCard subject="recommendation" id={data.id} />
          <section className="card" aria-labelledby="classification-title">
            <h2 id="classification-title">{t('recommendation.classification')}</h2>
            <dl className="facts">
              <dt>{t('recommendation.themes')}</dt>
              <dd>{termList(data.themeTerms, t('common.none'))}</dd>
              <dt>{t('recommendation.affected')}</dt>
              <dd>{termList(data.affectedTerms, t('common.none'))}</dd>
              {data.issueTerms.length > 0 ? (
                <>
                  <dt>{t('recommendation.issues')}</dt>
                  <dd>{termList(data.issueTerms, '')}</dd>
                </>
              ) : null}
              {data.customTerms.length > 0 ? (
                <>
                  <dt>{t('recommendation.customTerms')}</dt>
                  <dd>{termList(data.customTerms, '')}</dd>
                </>
              ) : null}
              <dt>{t('recommendation.sdgTargets')}</dt>
              <dd>
                {termList(
                  data.sdgTargets.map((code, index) => ({ id: index, label: t('register.sdgTarget', { code }) })),
                  t('common.none'),
                )}
              </dd>
            </dl>
            {canEdit ? (
              <OnDemandDetails summary={t('recommendation.editClassification')}>
                <ClassificationForm detail={data} onSaved={onSaved} onStale={reload} />
              </OnDemandDetails>
            ) : null}
          </section>
          <section className="card" aria-labelledby="links-title">
            <h2 id="links-title">{t('recommendation.links')}</h2>
            <ErrorMessage error={linkError} />
            {data.links.length > 0 ? (
              <ul className="link-list">
                {data.links.map((link) => {
                  const label = link.number
                    ? t('register.resultTitle', { number: link.number, symbol: link.reviewSymbol ?? link.bodyCode })
                    : (link.reviewSymbol ?? link.bodyCode);
                  return (
                    <li key={link.id}>
                      <span className="badge">{t(`register.links.${link.kind}`)}</span>{' '}
                      <Link to={`/register/${link.id}`}>{label}</Link>
                      <p className="subtle clamp">{link.text}</p>
                      {canEdit ? (
                        <button
                          type="button"
                          className="button-link"
                          aria-label={t('recommendation.unlinkNamed', { name: label })}
                          onClick={() => unlink(link.id)}
                        >
                          {t('recommendation.unlink')}
                        </button>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="subtle">{t('recommendation.noLinks')}</p>
            )}
            {canEdit ? (
              <OnDemandDetails summary={t('recommendation.linkAdd')}>
                <LinkForm detail={data} onLinked={reload} />
              </OnDemandDetails>
            ) : null}
            <h3>{t('recommendation.clusters')}</h3>
            {data.clusters.length > 0 ? (
              <ul>
                {data.clusters.map((cluster) => (
                  <li key={cluster.id}>
                    <Link to={`/register?cluster=${cluster.id}`}>{cluster.name}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="subtle">{t('recommendation.noClusters')}</p>
            )}
          </section>
        </div>
        <div className="detail-side">
          <AssignmentsPanel recommendationId={data.id} localLevels={data.localLevels} />
          <Suspense fallback={<Loading />}>
            <RecommendationFollowUp recommendationId={data.id} />
          </Suspense>
          <section className="card" aria-labelledby="status-title">
            <h2 id="status-title">{t('recommendation.status')}</h2>
            <p className="current-status">
              <span className={`badge badge-status-${data.status}`}>
                {statusLabelOf(statuses, data.status, locale)}
              </span>
            </p>
            {canEdit ? <StatusForm detail={data} statuses={statuses} onSaved={onSaved} onStale={reload} /> : null}
            <h3 id="history-title">{t('recommendation.history')}</h3>
            <ol className="status-history" aria-labelledby="history-title">
              {history.map((change) => (
                <li key={`${change.changedAt}-${change.status}`}>
                  <p className="history-status">
                    {change.previousStatus
                      ? t('recommendation.historyChange', {
                          from: statusLabelOf(statuses, change.previousStatus, locale),
                          to: statusLabelOf(statuses, change.status, locale),
                        })
                      : statusLabelOf(statuses, change.status, locale)}
                  </p>
                  <p className="subtle">
                    <time dateTime={change.changedAt}>{formatDateTime(change.changedAt)}</time>
                    {' · '}
                    {change.changedBy ?? t('recommendation.bySystem')}
                  </p>
                  {change.cause.kind === 'import' ? (
                    <p className="history-note">{t('recommendation.fromImport')}</p>
                  ) : null}
                  {change.note ? <p className="history-note">{change.note}</p> : null}
                </li>
              ))}
            </ol>
          </section>
          <section className="card" aria-labelledby="about-title">
            <h2 id="about-title">{t('recommendation.about')}</h2>
            <dl className="facts">
              <dt>{t('recommendation.review')}</dt>
              <dd>
                <Link to={`/reviews/${data.review.id}`}>{symbol}</Link>
                <span className="block subtle">{data.review.bodyName}</span>
              </dd>
              {data.review.cycle ? (
                <>
                  <dt>{t('recommendation.cycle')}</dt>
                  <dd>{t('register.cycleN', { cycle: data.review.cycle })}</dd>
                </>
              ) : null}
              {data.review.session ? (
                <>
                  <dt>{t('recommendation.session')}</dt>
                  <dd>{data.review.session}</dd>
                </>
              ) : null}
              {data.review.reviewDate ? (
                <>
                  <dt>{t('recommendation.date')}</dt>
                  <dd>
                    <time dateTime={data.review.reviewDate}>{formatDate(data.review.reviewDate)}</time>
                  </dd>
                </>
              ) : null}
              {data.recommendingStates.length > 0 ? (
                <>
                  <dt>{t('recommendation.recommendingStates')}</dt>
                  <dd>{data.recommendingStates.map((state) => countryName(state, locale)).join(', ')}</dd>
                </>
              ) : null}
              {data.position ? (
                <>
                  <dt>{t('recommendation.position')}</dt>
                  <dd>
                    {positionLabel(data.position, i18n)}
                    {data.positionSource ? (
                      <span className="block subtle">
                        {t('recommendation.positionSource', { source: data.positionSource })}
                      </span>
                    ) : null}
                  </dd>
                </>
              ) : null}
              <dt>{t('recommendation.followUp')}</dt>
              <dd>
                {data.followUp ? t('recommendation.followUpYes') : t('recommendation.followUpNo')}
                {data.followUpDue ? (
                  <span className="block">
                    {t('recommendation.followUpDue', { date: formatDate(data.followUpDue) })}
                  </span>
                ) : null}
                {data.followUpGrade ? (
                  <span className="block">
                    {t('recommendation.followUpGradeIs', {
                      grade: t(`recommendation.grade.${data.followUpGrade}`),
                    })}
                  </span>
                ) : null}
              </dd>
            </dl>
            <h3>{t('recommendation.sources')}</h3>
            <ul className="source-list">
              {data.sources.map((source) => (
                <li key={`${source.importId}-${source.location.paragraph ?? source.location.row ?? ''}`}>
                  {canEdit ? (
                    <a href={`/api/imports/${source.importId}/original`} download>
                      {source.fileName}
                    </a>
                  ) : (
                    <span>{source.fileName}</span>
                  )}
                  <span className="block subtle">{locationText(source.location, t)}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}

function termList(terms: { id: number; label: string; lang?: string | undefined }[], none: string) {
  if (terms.length === 0) return none;
  return (
    <ul className="tag-list">
      {terms.map((term) => (
        <li key={term.id}>
          <FallbackText className="tag" text={term.label} lang={term.lang} />
        </li>
      ))}
    </ul>
  );
}

/** The text in the reader's language when it exists, else the original; the reader may switch. */
function RecommendationText(props: { detail: RecommendationDetail }) {
  const { t, locale } = useT();
  const { detail } = props;
  const available = locales.filter((code) => Boolean(detail.texts[code]));
  const initial: Locale = detail.texts[locale] ? locale : detail.originalLang;
  const [chosen, setChosen] = useState<Locale>(initial);
  const lang = isLocale(chosen) && detail.texts[chosen] ? chosen : (available[0] ?? detail.originalLang);
  const text = detail.texts[lang] ?? detail.text;
  return (
    <section className="card" aria-labelledby="text-title">
      <div className="card-header">
        <h2 id="text-title">{t('recommendation.text')}</h2>
        {available.length > 1 ? (
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('recommendation.textLanguage')}</legend>
            {available.map((code) => (
              <label key={code} lang={code}>
                <input
                  type="radio"
                  name="text-language"
                  value={code}
                  checked={lang === code}
                  onChange={() => setChosen(code)}
                />
                {localeNames[code]}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      <div lang={lang} dir={directionOf(lang)} className="recommendation-text">
        {detail.heading ? <p className="recommendation-heading">{detail.heading}</p> : null}
        <p className="prose">{detail.subItems.length > 0 ? leadOf(text, detail.subItems) : text}</p>
        {detail.subItems.length > 0 && lang === detail.originalLang ? (
          <ol className="sub-items">
            {detail.subItems.map((item) => (
              <li key={item.label}>
                <span className="sub-item-label">{`${item.label.replace(/[().]/g, '')})`}</span> {item.text}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
      <p className="subtle">
        {t('recommendation.originalLanguage', { language: languageName(detail.originalLang, locale) })}
        {lang !== detail.originalLang ? ` · ${t('recommendation.translation')}` : ''}
      </p>
    </section>
  );
}

/**
 * The stored text is the whole paragraph, each sub-item once ("chapeau\n(a) …\n(b) …", see
 * ARCHITECTURE.md); with the sub-items shown as a list, the chapeau alone comes first: the text up
 * to where the first sub-item starts, so that no sub-item is shown twice.
 */
function leadOf(text: string, subItems: { label: string; text: string }[]): string {
  const first = subItems[0];
  if (!first) return text;
  const at = text.indexOf(first.text.slice(0, 30));
  if (at <= 0) return text;
  const label = first.label.replace(/[().]/g, '');
  const lead = text.slice(0, at).trimEnd();
  const marker = [`(${label})`, `${label})`, `${label}.`].find((item) => lead.endsWith(item));
  return (marker ? lead.slice(0, -marker.length) : lead).trim();
}
