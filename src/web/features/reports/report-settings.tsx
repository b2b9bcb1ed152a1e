import { type FormEvent, useState } from 'react';
import {
  type LrgPlacement,
  lrgPlacements,
  type ReportDetail,
  updateReportSchema,
} from '../../../shared/schemas/reports';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';

/**
 * The symbol the UN secretariat gave (cover and running heads) and where the LRGs' contributions
 * go, changed at the report's version; the title and limits go back as they are.
 */
export function ReportSettings(props: { report: ReportDetail; onChange: (next: ReportDetail) => void }) {
  const { t } = useT();
  const { report } = props;
  const [symbol, setSymbol] = useState(report.symbol ?? '');
  const [lrgPlacement, setLrgPlacement] = useState<LrgPlacement>(report.lrgPlacement);
  const [saved, setSaved] = useState(false);
  const form = useSubmit(updateReportSchema, (input) => api.patch<ReportDetail>(`/api/reports/${report.id}`, input));

  async function submit(event: FormEvent) {
    setSaved(false);
    const next = await form.submit(
      {
        title: report.title,
        symbol,
        lrgPlacement,
        wordLimit: report.counts.mainLimit,
        annexWordLimit: report.counts.annexLimit,
        version: report.version,
      },
      event,
    );
    if (next) {
      setSaved(true);
      props.onChange(next);
    }
  }

  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('reports.settings.title')}</h2>
      <form onSubmit={submit} noValidate aria-busy={form.busy}>
        <ErrorMessage error={form.error} />
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
              disabled={!report.canEdit}
              onChange={(event) => setSymbol(event.target.value)}
            />
          )}
        </Field>
        <LrgPlacementChoice value={lrgPlacement} onChange={setLrgPlacement} />
        {report.canEdit ? (
          <div className="form-actions">
            <button type="submit" disabled={form.busy}>
              {t('reports.settings.save')}
            </button>
            {saved ? <output>{t('reports.settings.saved')}</output> : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}

/** Where the local and regional governments' contributions go: an annex, or a counted chapter. */
export function LrgPlacementChoice(props: { value: LrgPlacement; onChange: (value: LrgPlacement) => void }) {
  const { t } = useT();
  return (
    <fieldset className="choice-list">
      <legend>{t('reports.fields.lrgPlacement')}</legend>
      {lrgPlacements.map((item) => (
        <label key={item}>
          <input
            type="radio"
            name="lrgPlacement"
            value={item}
            checked={props.value === item}
            onChange={() => props.onChange(item)}
          />
          <span>{t(`reports.lrgPlacement.${item}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
