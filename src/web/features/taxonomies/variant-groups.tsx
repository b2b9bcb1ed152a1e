import { useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { VariantGroup } from '../../../shared/schemas/taxonomies';
import { api, toAppError } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { pickText } from '../../components/localized';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';

/**
 * The spellings of one term stored apart ("Children" and "children", "B32 Racial discrimination"
 * and "Racial discrimination"), as the server finds them (term-fold.ts): the admin keeps one
 * (the most used is chosen first) and merges the others into it, all at once.
 */
export function VariantGroups(props: { taxonomy: string; onMerged: () => void }) {
  const { t, locale, formatNumber } = useT();
  const groups = useApi<VariantGroup[]>(`/api/taxonomies/${props.taxonomy}/variants`);
  const [kept, setKept] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmation, confirm] = useConfirm();
  if (!groups.data?.length && !notice) return null;

  async function merge(group: VariantGroup) {
    const into = group.terms.find((term) => term.id === (kept[group.key] ?? group.terms[0]?.id));
    if (!into) return;
    const others = group.terms.filter((term) => term.id !== into.id);
    const ok = await confirm({
      title: t('taxonomies.variantsConfirm', { count: others.length, into: into.code }),
      body: <p>{t('taxonomies.variantsConfirmBody', { codes: others.map((term) => term.code).join(' · ') })}</p>,
      confirmLabel: t('taxonomies.variantsMerge', { count: others.length, into: into.code }),
    });
    if (!ok) return;
    setBusy(group.key);
    setError(null);
    setNotice(null);
    try {
      const result = await api.post<{ recommendations: number }>('/api/terms/merge', {
        into: into.id,
        terms: others.map((term) => ({ id: term.id, version: term.version })),
      });
      setNotice(t('taxonomies.variantsMerged', { into: into.code, count: result.recommendations }));
      groups.reload();
      props.onMerged();
    } catch (caught) {
      setError(toAppError(caught));
      groups.reload();
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="variant-groups" aria-labelledby="variants-title">
      {confirmation}
      <h3 id="variants-title">{t('taxonomies.variantsTitle', { count: groups.data?.length ?? 0 })}</h3>
      <p>{t('taxonomies.variantsIntro')}</p>
      <ErrorMessage error={error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <ul className="plain-list">
        {(groups.data ?? []).map((group) => (
          <li key={group.key}>
            <fieldset>
              <legend>{t('taxonomies.variantsKeep', { key: group.key })}</legend>
              {group.terms.map((term) => (
                <label key={term.id} className="choice">
                  <input
                    type="radio"
                    name={`keep-${group.key}`}
                    checked={(kept[group.key] ?? group.terms[0]?.id) === term.id}
                    onChange={() => setKept({ ...kept, [group.key]: term.id })}
                  />
                  <span dir="auto">
                    {term.code}
                    {pickText(term.label, locale) !== term.code ? ` — ${pickText(term.label, locale)}` : ''}
                  </span>{' '}
                  <span>{t('taxonomies.usedBy', { count: term.usage, n: formatNumber(term.usage) })}</span>
                </label>
              ))}
              <button
                type="button"
                className="button-secondary button-small"
                disabled={busy !== null}
                onClick={() => merge(group)}
              >
                {t('taxonomies.variantsMergeGroup', { key: group.key })}
              </button>
            </fieldset>
          </li>
        ))}
      </ul>
    </section>
  );
}
