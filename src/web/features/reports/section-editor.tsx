import { type FormEvent, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { paragraphsOf, sectionWords } from '../../../shared/reports/report-text';
import type { ReportSection } from '../../../shared/schemas/reports';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { RichTextEditor } from '../../components/rich-text-editor';
import { useT } from '../../i18n/i18n-provider';

interface Conflict {
  error: AppError;
  version: number;
  heading: string;
  body: string;
}

/**
 * One section's heading and text. The count beside the editor uses the server's rule
 * (shared/reports/report-text.ts), so what it shows is what the export counts. A save that
 * finds the section changed by someone else keeps this text in the editor and shows theirs
 * beside it: the person takes theirs, or keeps their own and saves over it knowingly.
 */
export function SectionEditor(props: {
  reportId: string;
  section: ReportSection;
  /** Main text words outside this section, to show the whole count live. */
  otherWords: number;
  wordLimit: number;
  disabled: boolean;
  onSaved: (section: ReportSection) => void;
}) {
  const { t, formatNumber } = useT();
  const [heading, setHeading] = useState(props.section.heading);
  const [body, setBody] = useState(props.section.body);
  const [version, setVersion] = useState(props.section.version);
  const [editorKey, setEditorKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState(false);

  const words = sectionWords(heading, body);
  const total = props.otherWords + words;
  const over = total > props.wordLimit;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const result = await api.put<ReportSection>(`/api/reports/${props.reportId}/sections/${props.section.id}`, {
        heading,
        body,
        version,
      });
      setVersion(result.version);
      setConflict(null);
      setSaved(true);
      props.onSaved(result);
    } catch (cause) {
      const appError = toAppError(cause);
      if (appError.code === 'SECTION_CHANGED')
        setConflict({
          error: appError,
          version: Number(appError.params.currentVersion),
          heading: String(appError.params.currentHeading ?? ''),
          body: String(appError.params.currentBody ?? ''),
        });
      else setError(appError);
    } finally {
      setBusy(false);
    }
  }

  function takeTheirs() {
    if (!conflict) return;
    setHeading(conflict.heading);
    setBody(conflict.body);
    setVersion(conflict.version);
    setEditorKey((key) => key + 1);
    setConflict(null);
  }

  function keepMine() {
    if (!conflict) return;
    setVersion(conflict.version);
    setConflict(null);
  }

  return (
    <form onSubmit={save} className="card" aria-busy={busy} noValidate>
      <ErrorMessage error={error} />
      {conflict ? (
        <div className="conflict" role="alert">
          <ErrorMessage error={conflict.error} />
          <h3>{t('reports.conflict.theirs')}</h3>
          <p className="subtle">{conflict.heading}</p>
          <blockquote>
            {paragraphsOf(conflict.body).map((paragraph, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their place.
              <p key={index}>{paragraph}</p>
            ))}
          </blockquote>
          <div className="form-actions">
            <button type="button" onClick={takeTheirs}>
              {t('reports.conflict.takeTheirs')}
            </button>
            <button type="button" className="button-secondary" onClick={keepMine}>
              {t('reports.conflict.keepMine')}
            </button>
          </div>
        </div>
      ) : null}
      <Field name="heading" label={t('reports.fields.heading')}>
        {(control) => (
          <input
            {...control}
            value={heading}
            disabled={props.disabled}
            onChange={(event) => setHeading(event.target.value)}
          />
        )}
      </Field>
      <RichTextEditor
        key={`${props.section.id}-${editorKey}`}
        label={t('reports.fields.body')}
        value={body}
        onChange={setBody}
        disabled={props.disabled}
      />
      <p className={over ? 'field-error' : 'subtle'} aria-live="polite">
        {t('reports.sectionWords', { count: formatNumber(words) })}{' '}
        {over
          ? t('reports.totalOver', { count: formatNumber(total), limit: formatNumber(props.wordLimit) })
          : t('reports.total', { count: formatNumber(total), limit: formatNumber(props.wordLimit) })}
      </p>
      {props.disabled ? null : (
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t('reports.saveSection')}
          </button>
          {saved ? (
            <span role="status" className="subtle">
              {t('reports.saved')}
            </span>
          ) : null}
        </div>
      )}
    </form>
  );
}
