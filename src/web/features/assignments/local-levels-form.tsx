import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { levelLabel, useLevels } from '../entities/labels';

/** Loaded with the first submit: the recommendation page's first load carries no zod (decision 029). */
const localLevelsSchema = () =>
  import('../../../shared/schemas/assignments').then((module) => module.localLevelsSchema);

/** Marks a recommendation as concerning the local level, naming the State's LRG levels concerned. */
export function LocalLevels(props: { recommendationId: string; levels: number[]; canEdit: boolean }) {
  const i18n = useT();
  const { t } = i18n;
  const named = useLevels();
  const [chosen, setChosen] = useState<number[]>(props.levels);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit(localLevelsSchema, (input) =>
    api.put<{ ok: true }>(`/api/recommendations/${props.recommendationId}/local-levels`, input),
  );
  const labels = (levels: number[]) => levels.map((level) => levelLabel(level, named, i18n)).join(', ');

  async function submit(event: FormEvent) {
    setNotice(null);
    if (await form.submit({ levels: chosen }, event)) setNotice(t('assignments.localSaved'));
  }

  if (!props.canEdit)
    return (
      <p className="subtle">{chosen.length > 0 ? t('assignments.localLevels', { levels: labels(chosen) }) : null}</p>
    );
  return (
    <form onSubmit={submit} noValidate>
      <ErrorMessage error={form.error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <fieldset className="choice-list">
        <legend>{t('assignments.localLegend')}</legend>
        {named.map(({ level }) => (
          <label key={level}>
            <input
              type="checkbox"
              checked={chosen.includes(level)}
              onChange={(event) =>
                setChosen(event.target.checked ? [...chosen, level].sort() : chosen.filter((value) => value !== level))
              }
            />{' '}
            {levelLabel(level, named, i18n)}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('assignments.localSave')}
        </button>
      </div>
    </form>
  );
}
