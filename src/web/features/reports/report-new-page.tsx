import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../../shared/schemas/common';
import type { ReviewSummary } from '../../../shared/schemas/register';
import {
  createReportSchema,
  defaultWordLimits,
  type LrgPlacement,
  type ReportDetail,
  type ReportGrouping,
  type ReportType,
  reportGroupingsByType,
  reportTypesFor,
} from '../../../shared/schemas/reports';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { type ReportScope, ReportScopeFields } from './report-scope';
import { LrgPlacementChoice } from './report-settings';

interface Body {
  code: string;
  mechanism: string;
  name: string;
}

/**
 * A new report: the mechanism's body, the report type, the reviews concerned (none: all of the
 * body's recommendations) narrowed to a cycle, clusters or a saved view, the outline the type
 * allows, the symbol, where the LRGs' contributions go, and the word limits (defaults by type,
 * counted as the UN counts).
 */
export default function ReportNewPage() {
  const { t, formatNumber } = useT();
  const navigate = useNavigate();
  const bodies = useApi<Body[]>('/api/bodies');
  const [bodyCode, setBodyCode] = useState('');
  const body = bodies.data?.find((item) => item.code === bodyCode);
  const types = reportTypesFor(body?.mechanism);
  const [type, setType] = useState<ReportType>('upr_mid_term');
  const effectiveType = types.includes(type) ? type : (types[0] ?? 'upr_national');
  const [title, setTitle] = useState('');
  const [grouping, setGrouping] = useState<ReportGrouping>('theme');
  const groupings = reportGroupingsByType[effectiveType];
  const effectiveGrouping = groupings.includes(grouping) ? grouping : (groupings[0] ?? 'theme');
  const [reviewIds, setReviewIds] = useState<string[]>([]);
  const [scope, setScope] = useState<ReportScope>({ cycle: undefined, clusterIds: [], viewId: undefined });
  const [symbol, setSymbol] = useState('');
  const [lrgPlacement, setLrgPlacement] = useState<LrgPlacement>('annex');
  const [wordLimit, setWordLimit] = useState('');
  const [annexWordLimit, setAnnexWordLimit] = useState('');
  const reviews = useApi<Page<ReviewSummary>>(bodyCode ? '/api/reviews' : null, { body: bodyCode, pageSize: 100 });
  const form = useSubmit(createReportSchema, (input) => api.post<ReportDetail>('/api/reports', input));

  async function submit(event: FormEvent) {
    const created = await form.submit(
      {
        bodyCode,
        type: effectiveType,
        title,
        reviewIds,
        cycle: body?.mechanism === 'upr' ? scope.cycle : undefined,
        clusterIds: scope.clusterIds,
        viewId: scope.viewId,
        grouping: effectiveGrouping,
        symbol,
        lrgPlacement,
        wordLimit: wordLimit ? Number(wordLimit) : undefined,
        annexWordLimit: annexWordLimit ? Number(annexWordLimit) : null,
      },
      event,
    );
    if (created) navigate(`/reports/${created.id}`);
  }

  return (
    <>
      <PageTitle>{t('reports.newTitle')}</PageTitle>
      <p>
        <Link to="/reports">{t('reports.back')}</Link>
      </p>
      <p>{t('reports.newIntro')}</p>
      <form onSubmit={submit} noValidate aria-busy={form.busy} className="card">
        <ErrorMessage error={form.error ?? bodies.error} />
        <Field name="bodyCode" label={t('reports.fields.body')} error={form.fieldErrors.bodyCode}>
          {(control) => (
            <select
              {...control}
              value={bodyCode}
              onChange={(event) => {
                setBodyCode(event.target.value);
                setReviewIds([]);
              }}
            >
              <option value="">{t('reports.chooseBody')}</option>
              {(bodies.data ?? []).map((item) => (
                <option key={item.code} value={item.code}>
                  {item.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="type" label={t('reports.fields.type')} error={form.fieldErrors.type}>
          {(control) => (
            <select {...control} value={effectiveType} onChange={(event) => setType(event.target.value as ReportType)}>
              {types.map((item) => (
                <option key={item} value={item}>
                  {t(`reports.type.${item}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="title" label={t('reports.fields.title')} error={form.fieldErrors.title}>
          {(control) => <input {...control} value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        {bodyCode ? (
          <fieldset className="choice-list">
            <legend>{t('reports.fields.reviews')}</legend>
            <p className="field-hint">{t('reports.reviewsHint')}</p>
            {(reviews.data?.items ?? []).map((review) => (
              <label key={review.id}>
                <input
                  type="checkbox"
                  checked={reviewIds.includes(review.id)}
                  onChange={(event) =>
                    setReviewIds(
                      event.target.checked ? [...reviewIds, review.id] : reviewIds.filter((id) => id !== review.id),
                    )
                  }
                />
                <span>
                  {review.symbol ?? review.bodyName}{' '}
                  <span className="subtle">{t('reports.reviewCount', { count: review.recommendationCount })}</span>
                </span>
              </label>
            ))}
            {form.fieldErrors.reviewIds ? (
              <p className="field-error" role="alert">
                {form.fieldErrors.reviewIds}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        {bodyCode ? (
          <ReportScopeFields
            mechanism={body?.mechanism}
            reviews={reviews.data?.items ?? []}
            scope={scope}
            onChange={setScope}
            errors={form.fieldErrors}
          />
        ) : null}
        <fieldset className="choice-list">
          <legend>{t('reports.fields.grouping')}</legend>
          {groupings.map((item) => (
            <label key={item}>
              <input
                type="radio"
                name="grouping"
                value={item}
                checked={effectiveGrouping === item}
                onChange={() => setGrouping(item)}
              />
              <span>
                {t(
                  item === 'recommendation' && effectiveType === 'upr_mid_term'
                    ? 'reports.grouping.matrix'
                    : `reports.grouping.${item}`,
                )}
              </span>
            </label>
          ))}
        </fieldset>
        <Field
          name="symbol"
          label={t('reports.fields.symbol')}
          hint={t('reports.symbolHint')}
          error={form.fieldErrors.symbol}
        >
          {(control) => (
            <input
              {...control}
              dir="ltr"
              value={symbol}
              placeholder="A/HRC/WG.6/…/1"
              onChange={(event) => setSymbol(event.target.value)}
            />
          )}
        </Field>
        <LrgPlacementChoice value={lrgPlacement} onChange={setLrgPlacement} />
        <Field
          name="wordLimit"
          label={t('reports.fields.wordLimit')}
          hint={`${t('reports.wordLimitHint', { count: formatNumber(defaultWordLimits[effectiveType]) })} ${t('reports.counts.rule')}`}
          error={form.fieldErrors.wordLimit}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              inputMode="numeric"
              value={wordLimit}
              placeholder={String(defaultWordLimits[effectiveType])}
              onChange={(event) => setWordLimit(event.target.value)}
            />
          )}
        </Field>
        <Field
          name="annexWordLimit"
          label={t('reports.fields.annexWordLimit')}
          hint={t('reports.annexLimitHint')}
          error={form.fieldErrors.annexWordLimit}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              inputMode="numeric"
              value={annexWordLimit}
              onChange={(event) => setAnnexWordLimit(event.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={form.busy}>
            {t('reports.create')}
          </button>
        </div>
      </form>
    </>
  );
}
