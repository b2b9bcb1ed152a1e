import { type FormEvent, useEffect, useState } from 'react';
import {
  type Position,
  positions,
  type RecommendationDetail,
  updateRecommendationSchema,
} from '../../../shared/schemas/register';
import type { Taxonomy } from '../../../shared/schemas/taxonomies';
import { typedApi } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { pickText } from '../../components/localized';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { parseSdgTargets, positionLabel } from './labels';
import { TermPicker, type TermRef } from './term-picker';

const grades = ['A', 'B', 'C', 'D', 'E'] as const;

/**
 * Themes, affected persons, the NMIRF's own lists, SDG targets, position and follow-up grade,
 * edited together against one version. Terms are searched on the server, never listed whole.
 */
export function ClassificationForm(props: {
  detail: RecommendationDetail;
  onSaved: (detail: RecommendationDetail) => void;
  onStale: () => void;
}) {
  const i18n = useT();
  const { t, locale } = i18n;
  const { detail } = props;
  // The taxonomies themselves are few (the terms are many): the custom ones get a picker each.
  const taxonomies = useApi<Taxonomy[]>('/api/taxonomies');
  const customLists = (taxonomies.data ?? []).filter((taxonomy) => !taxonomy.builtin);
  const [themes, setThemes] = useState<TermRef[]>(detail.themeTerms);
  const [affected, setAffected] = useState<TermRef[]>(detail.affectedTerms);
  const [custom, setCustom] = useState<TermRef[]>(detail.customTerms);
  const [sdg, setSdg] = useState(detail.sdgTargets.join(', '));
  const [position, setPosition] = useState<string>(detail.position ?? '');
  const [grade, setGrade] = useState<string>(detail.followUpGrade ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit(updateRecommendationSchema, (input) =>
    typedApi.send('PATCH /api/recommendations/{id}', { path: { id: detail.id }, body: input }),
  );

  // A reload (after someone else's change) shows their values.
  useEffect(() => {
    setThemes(detail.themeTerms);
    setAffected(detail.affectedTerms);
    setCustom(detail.customTerms);
    setSdg(detail.sdgTargets.join(', '));
    setPosition(detail.position ?? '');
    setGrade(detail.followUpGrade ?? '');
  }, [detail]);

  const stale = form.error?.code === 'STALE_VERSION';
  const { onStale } = props;
  useEffect(() => {
    if (stale) onStale();
  }, [stale, onStale]);

  async function submit(event: FormEvent) {
    setNotice(null);
    const saved = await form.submit(
      {
        themeIds: themes.map((term) => term.id),
        affectedIds: affected.map((term) => term.id),
        // A term whose list has gone (taxonomy unknown) is dropped rather than refused.
        customTermIds: custom.filter((term) => term.taxonomy).map((term) => term.id),
        sdgTargets: parseSdgTargets(sdg),
        position: (position || null) as Position | null,
        ...(detail.followUp ? { followUpGrade: grade || null } : {}),
        version: detail.version,
      },
      event,
    );
    if (saved) {
      setNotice(t('recommendation.classificationSaved'));
      props.onSaved(saved);
    }
  }

  const termError = (field: string) =>
    Object.keys(form.fieldErrors).some((key) => key.startsWith(field)) ? t('issues.unknownTerm') : undefined;
  const sdgError = Object.keys(form.fieldErrors).some((key) => key.startsWith('sdgTargets'))
    ? t('register.sdgTargetsInvalid')
    : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorMessage error={form.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <TermPicker
        taxonomy="theme"
        legend={t('recommendation.themes')}
        label={t('recommendation.findTheme')}
        value={themes}
        error={termError('themeIds')}
        onChange={setThemes}
      />
      <TermPicker
        taxonomy="affected_person"
        legend={t('recommendation.affected')}
        label={t('recommendation.findAffected')}
        value={affected}
        error={termError('affectedIds')}
        onChange={setAffected}
      />
      {customLists.map((list) => {
        const name = pickText(list.name, locale) || list.code;
        return (
          <TermPicker
            key={list.code}
            taxonomy={list.code}
            legend={name}
            label={t('recommendation.findCustomTerm', { list: name })}
            value={custom.filter((term) => term.taxonomy === list.code)}
            error={termError('customTermIds')}
            onChange={(next) => setCustom([...custom.filter((term) => term.taxonomy !== list.code), ...next])}
          />
        );
      })}
      <div className="form-grid">
        <Field
          name="sdgTargets"
          label={t('recommendation.sdgTargets')}
          hint={t('register.sdgTargetsHint')}
          error={sdgError}
        >
          {(control) => (
            <input {...control} type="text" dir="ltr" value={sdg} onChange={(e) => setSdg(e.target.value)} />
          )}
        </Field>
        <Field name="position" label={t('recommendation.position')} error={form.fieldErrors.position}>
          {(control) => (
            <select {...control} value={position} onChange={(event) => setPosition(event.target.value)}>
              <option value="">{t('register.position.none')}</option>
              {positions.map((value) => (
                <option key={value} value={value}>
                  {positionLabel(value, i18n)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {detail.followUp ? (
          <Field name="followUpGrade" label={t('recommendation.followUpGrade')} error={form.fieldErrors.followUpGrade}>
            {(control) => (
              <select {...control} value={grade} onChange={(event) => setGrade(event.target.value)}>
                <option value="">{t('recommendation.notGraded')}</option>
                {grades.map((value) => (
                  <option key={value} value={value}>
                    {t(`recommendation.grade.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('recommendation.saveClassification')}
        </button>
      </div>
    </form>
  );
}
