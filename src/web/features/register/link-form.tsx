import { type FormEvent, useState } from 'react';
import {
  createLinkSchema,
  linkKinds,
  type RecommendationDetail,
  type RecommendationRef,
} from '../../../shared/schemas/register';
import { typedApi } from '../../api/client';
import { Combobox } from '../../components/combobox';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { useRecommendationName } from './recommendation-name';
import { useRecommendationOptions } from './recommendation-options';

type Kind = (typeof linkKinds)[number];

/**
 * Links this recommendation to another one found by its words (the register's search) or by its
 * paragraph number, as related or duplicate. Linking it again the same way, or to itself, is
 * refused by the server with a message saying so.
 */
export function LinkForm(props: { detail: RecommendationDetail; onLinked: () => void }) {
  const { t } = useT();
  const { detail } = props;
  const nameOf = useRecommendationName();
  const [chosen, setChosen] = useState<RecommendationRef | null>(null);
  const [kind, setKind] = useState<Kind>('related');
  const [notice, setNotice] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const form = useSubmit(createLinkSchema, (input) =>
    typedApi.send('POST /api/recommendations/{id}/links', { path: { id: detail.id }, body: input }),
  );
  const linkedAs = new Map(detail.links.map((link) => [link.id, link.kind]));

  const { loadRecommendations: load } = useRecommendationOptions();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setMissing(!chosen);
    if (!chosen) return;
    const done = await form.submit({ otherId: chosen.id, kind });
    if (!done) return;
    setNotice(t('recommendation.linkSaved', { name: nameOf(chosen) }));
    setChosen(null);
    props.onLinked();
  }

  // The server names the problem (already linked this way, linked to itself): say that, not just "conflict".
  const problem = missing ? t('recommendation.linkChooseFirst') : form.fieldErrors.otherId;

  return (
    <form onSubmit={submit} noValidate className="link-form">
      {problem ? (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      ) : (
        <ErrorMessage error={form.error} />
      )}
      <SuccessMessage>{notice}</SuccessMessage>
      {chosen ? (
        <div className="chosen-record">
          <p>
            <strong>{t('recommendation.linkTo')}</strong> {nameOf(chosen)}
          </p>
          <p className="subtle clamp">{chosen.text}</p>
          <button type="button" className="button-link" onClick={() => setChosen(null)}>
            {t('recommendation.linkChooseAnother')}
          </button>
        </div>
      ) : (
        <Combobox<RecommendationRef>
          name="otherId"
          label={t('recommendation.linkFind')}
          hint={t('recommendation.linkFindHint')}
          load={load}
          keyOf={(item) => item.id}
          render={(item) => (
            <>
              <span className="block">
                <strong>{nameOf(item)}</strong>
                {linkedAs.has(item.id) ? (
                  <span className="badge">{t(`register.links.${linkedAs.get(item.id) ?? 'related'}`)}</span>
                ) : null}
              </span>
              <span className="block subtle clamp">{item.text}</span>
            </>
          )}
          unavailable={(item) => (item.id === detail.id ? t('recommendation.linkThis') : null)}
          onChoose={(item) => {
            setChosen(item);
            setMissing(false);
            form.setError(null);
            form.setFieldErrors({});
          }}
        />
      )}
      <fieldset className="choice-list">
        <legend>{t('recommendation.linkKind')}</legend>
        {linkKinds.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="link-kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />
            <span>
              {t(`register.links.${value}`)}
              <span className="block subtle">
                {value === 'related' ? t('recommendation.linkRelatedHint') : t('recommendation.linkDuplicateHint')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('recommendation.linkSubmit')}
        </button>
      </div>
    </form>
  );
}
