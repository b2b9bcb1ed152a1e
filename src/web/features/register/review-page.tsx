import { Link, useParams } from 'react-router';
import { type ApiAnswer, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { countryName, mechanismLabel, statusLabelOf, useStatusTerms } from './labels';
import { PublicationCard } from './publication-card';

export default function ReviewPage() {
  const i18n = useT();
  const { t, locale, formatDate, formatNumber } = i18n;
  const { id = '' } = useParams();
  const review = useApi<ApiAnswer<'GET /api/reviews/{id}'>>(
    urlOf('GET /api/reviews/{id}', { path: { id } }),
    // The server answers in the reader's language; `lang` only reloads the page when it changes.
    { lang: locale },
  );
  const statuses = useStatusTerms();
  const data = review.data;
  if (!data) {
    return (
      <>
        <PageTitle>{t('reviews.titleOne')}</PageTitle>
        <ErrorMessage error={review.error} />
        {review.loading ? <Loading /> : null}
      </>
    );
  }
  const counts = Object.entries(data.statusCounts).sort((a, b) => b[1] - a[1]);
  const total = data.recommendationCount || 1;

  return (
    <>
      <PageTitle>{data.symbol ?? data.bodyName}</PageTitle>
      <p>
        <Link to="/reviews">{t('reviews.back')}</Link>
      </p>
      <div className="home-grid">
        <PublicationCard subject="review" id={data.id} />
        <section className="card" aria-labelledby="review-facts">
          <h2 id="review-facts">{t('reviews.about')}</h2>
          <dl className="facts">
            <dt>{t('reviews.body')}</dt>
            <dd>
              {data.bodyName}
              <span className="block subtle">{mechanismLabel(data.mechanism, i18n)}</span>
            </dd>
            {data.countryIso2 ? (
              <>
                <dt>{t('reviews.country')}</dt>
                <dd>{countryName(data.countryIso2, locale)}</dd>
              </>
            ) : null}
            {data.cycle ? (
              <>
                <dt>{t('recommendation.cycle')}</dt>
                <dd>{t('register.cycleN', { cycle: data.cycle })}</dd>
              </>
            ) : null}
            {data.session ? (
              <>
                <dt>{t('recommendation.session')}</dt>
                <dd>{data.session}</dd>
              </>
            ) : null}
            <dt>{t('reviews.date')}</dt>
            <dd>{data.reviewDate ? <time dateTime={data.reviewDate}>{formatDate(data.reviewDate)}</time> : '—'}</dd>
            <dt>{t('reviews.recommendations')}</dt>
            <dd>
              <Link to={`/register?review=${data.id}`}>
                {t('reviews.openInRegister', { count: data.recommendationCount })}
              </Link>
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="review-follow-up">
          <h2 id="review-follow-up">{t('reviews.followUp')}</h2>
          {data.followUpParagraphs.length > 0 ? (
            <>
              <p>{t('reviews.followUpParagraphs', { count: data.followUpParagraphs.length })}</p>
              <ul className="tag-list">
                {data.followUpParagraphs.map((paragraph) => (
                  <li key={paragraph}>
                    <span className="tag">{t('imports.location.paragraph', { paragraph })}</span>
                  </li>
                ))}
              </ul>
              <dl className="facts">
                {data.followUpMonths ? (
                  <>
                    <dt>{t('reviews.followUpMonths')}</dt>
                    <dd>{t('reviews.months', { count: data.followUpMonths })}</dd>
                  </>
                ) : null}
                <dt>{t('reviews.followUpDue')}</dt>
                <dd>
                  {data.followUpDue ? <time dateTime={data.followUpDue}>{formatDate(data.followUpDue)}</time> : '—'}
                </dd>
              </dl>
            </>
          ) : (
            <p className="subtle">{t('reviews.noFollowUp')}</p>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="review-status">
        <h2 id="review-status">{t('reviews.statusCounts')}</h2>
        <table className="bar-table" aria-labelledby="review-status">
          <thead>
            <tr>
              <th scope="col">{t('recommendation.status')}</th>
              <th scope="col">{t('reviews.recommendations')}</th>
              <th scope="col">{t('reviews.share')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([status, count]) => {
              const share = count / total;
              return (
                <tr key={status}>
                  <th scope="row">
                    <Link to={`/register?review=${data.id}&status=${encodeURIComponent(status)}`}>
                      {statusLabelOf(statuses, status, locale)}
                    </Link>
                  </th>
                  <td>{formatNumber(count)}</td>
                  <td>
                    <span className="bar" aria-hidden="true">
                      <span className="bar-fill" style={{ inlineSize: `${Math.round(share * 100)}%` }} />
                    </span>
                    {formatNumber(share, { style: 'percent' })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}
