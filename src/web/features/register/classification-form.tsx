import { type FormEvent, useEffect, useState } from 'react';
import {
  type Position,
  positions,
  type RecommendationDetail,
  updateRecommendationSchema,
} from '../../../shared/schemas/register';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { pickText } from '../../components/localized';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { parseSdgTargets, positionLabel, useAllTerms } from './labels';

const grades = ['A', 'B', 'C', 'D', 'E'] as const;

/** Themes, SDG targets, position and follow-up grade, edited together against one version. */
export function ClassificationForm(props: {
  detail: RecommendationDetail;
  onSaved: (detail: RecommendationDetail) => void;
  onStale: () => void;
}) {
  const i18n = useT();
  const { t, locale } = i18n;
  const { detail } = props;
  const themes = useAllTerms('theme');
  const [themeIds, setThemeIds] = useState(detail.themeTerms.map((term) => term.id));
  const [addTheme, setAddTheme] = useState('');
  const [sdg, setSdg] = useState(detail.sdgTargets.join(', '));
  const [position, setPosition] = useState<string>(detail.position ?? '');
  const [grade, setGrade] = useState<string>(detail.followUpGrade ?? '');
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit(updateRecommendationSchema, (input) =>
    api.patch<RecommendationDetail>(`/api/recommendations/${detail.id}`, input),
  );

  // A reload (after someone else's change) shows their values.
  useEffect(() => {
    setThemeIds(detail.themeTerms.map((term) => term.id));
    setSdg(detail.sdgTargets.join(', '));
    setPosition(detail.position ?? '');
    setGrade(detail.followUpGrade ?? '');
  }, [detail]);

  const stale = form.error?.code === 'STALE_VERSION';
  const { onStale } = props;
  useEffect(() => {
    if (stale) onStale();
  }, [stale, onStale]);

  const labelOf = (id: number) => {
    const term = themes.find((item) => item.id === id);
    return term
      ? pickText(term.label, locale)
      : (detail.themeTerms.find((item) => item.id === id)?.label ?? String(id));
  };
  const available = themes
    .filter((term) => !themeIds.includes(term.id))
    .sort((a, b) => pickText(a.label, locale).localeCompare(pickText(b.label, locale)));

  async function submit(event: FormEvent) {
    setNotice(null);
    const saved = await form.submit(
      {
        themeIds,
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

  const sdgError = Object.keys(form.fieldErrors).some((key) => key.startsWith('sdgTargets'))
    ? t('register.sdgTargetsInvalid')
    : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorMessage error={form.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <fieldset>
        <legend>{t('recommendation.themes')}</legend>
        {themeIds.length > 0 ? (
          <ul className="chip-list">
            {themeIds.map((id) => (
              <li key={id} className="chip">
                <span>{labelOf(id)}</span>
                <button
                  type="button"
                  className="button-link"
                  aria-label={t('recommendation.removeTheme', { name: labelOf(id) })}
                  onClick={() => setThemeIds(themeIds.filter((item) => item !== id))}
                >
                  {t('recommendation.remove')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="subtle">{t('common.none')}</p>
        )}
        <div className="inline-create">
          <Field name="addTheme" label={t('recommendation.addTheme')}>
            {(control) => (
              <select {...control} value={addTheme} onChange={(event) => setAddTheme(event.target.value)}>
                <option value="">{t('recommendation.chooseTheme')}</option>
                {available.map((term) => (
                  <option key={term.id} value={term.id}>
                    {pickText(term.label, locale)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            className="button-secondary"
            disabled={!addTheme}
            onClick={() => {
              setThemeIds([...themeIds, Number(addTheme)]);
              setAddTheme('');
            }}
          >
            {t('recommendation.add')}
          </button>
        </div>
      </fieldset>
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
