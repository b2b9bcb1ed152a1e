import { Link } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import type { ReviewSummary, SearchResult } from '../../../shared/schemas/register';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { ListCard } from '../../components/list-card';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useListPage } from '../../components/use-list-page';
import { useT } from '../../i18n/i18n-provider';
import { countryName } from './labels';

const filterKeys = ['body'] as const;

export default function ReviewsPage() {
  const { t, locale, formatDate } = useT();
  const { filters, apply, list, card } = useListPage<Page<ReviewSummary>, (typeof filterKeys)[number]>('/api/reviews', {
    filters: filterKeys,
    pageSize: 25,
  });
  // The bodies that have recommendations, with their names in this language, come with the register's facets.
  const bodies = useApi<SearchResult>('/api/recommendations', { pageSize: 1, lang: locale });

  return (
    <>
      <PageTitle>{t('reviews.title')}</PageTitle>
      <search aria-label={t('common.filters')}>
        <form className="filters card" onSubmit={(event) => event.preventDefault()}>
          <Field name="body" label={t('reviews.body')}>
            {(control) => (
              <select {...control} value={filters.body} onChange={(event) => apply({ body: event.target.value })}>
                <option value="">{t('common.all')}</option>
                {(bodies.data?.facets.body ?? []).map((body) => (
                  <option key={body.value} value={body.value}>
                    {body.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </form>
      </search>
      <ErrorMessage error={list.error} />
      <ListCard {...card} count={(count) => t('reviews.count', { count })}>
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('reviews.symbol')}</th>
                <th scope="col">{t('reviews.body')}</th>
                <th scope="col">{t('reviews.country')}</th>
                <th scope="col">{t('reviews.cycleSession')}</th>
                <th scope="col">{t('reviews.date')}</th>
                <th scope="col">{t('reviews.recommendations')}</th>
                <th scope="col">{t('reviews.followUpDue')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((review) => (
                <tr key={review.id}>
                  <td>
                    <Link to={`/reviews/${review.id}`}>{review.symbol ?? review.bodyName}</Link>
                  </td>
                  <td>{review.bodyName}</td>
                  <td>{review.countryIso2 ? countryName(review.countryIso2, locale) : ''}</td>
                  <td>
                    {[
                      review.cycle ? t('register.cycleN', { cycle: review.cycle }) : '',
                      review.session ? t('reviews.sessionN', { session: review.session }) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                  <td>
                    {review.reviewDate ? (
                      <time dateTime={review.reviewDate}>{formatDate(review.reviewDate)}</time>
                    ) : null}
                  </td>
                  <td>
                    <Link to={`/register?review=${review.id}`}>
                      {t('reviews.recommendationCount', { count: review.recommendationCount })}
                    </Link>
                  </td>
                  <td>
                    {review.followUpDue ? (
                      <time dateTime={review.followUpDue}>{formatDate(review.followUpDue)}</time>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListCard>
    </>
  );
}
