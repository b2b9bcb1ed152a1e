import { type DragEvent, type FormEvent, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { ImportPreview } from '../../../shared/schemas/imports';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useT } from '../../i18n/i18n-provider';
import { formatBytes } from './import-labels';
import { IssueList } from './issue-list';

const accepted = '.pdf,.docx,.xlsx,.csv,.json';

/** Step 1: choose a file (or drop it here) and send it for a dry run. */
export function UploadStep(props: { onPreview: (preview: ImportPreview) => void }) {
  const { t, formatNumber } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [missing, setMissing] = useState(false);
  const [dragging, setDragging] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!file) {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      props.onPreview(await api.upload<ImportPreview>('/api/imports', file, { fileName: file.name }));
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) {
      setFile(dropped);
      setMissing(false);
      setError(null);
    }
  }

  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('imports.step.upload')}</h2>
      <p>{t('imports.uploadIntro')}</p>
      <ErrorMessage error={error} />
      {error ? <IssueList issues={error.issues} /> : null}
      <form onSubmit={submit} noValidate>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the file input inside is the keyboard way. */}
        <div
          className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <div className={`field${missing ? ' field-invalid' : ''}`}>
            <label htmlFor="import-file">{t('imports.file')}</label>
            <p className="field-hint" id="import-file-hint">
              {t('imports.fileHint')}
            </p>
            <input
              id="import-file"
              name="file"
              type="file"
              accept={accepted}
              aria-describedby={missing ? 'import-file-hint import-file-error' : 'import-file-hint'}
              aria-invalid={missing || undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setMissing(false);
                setError(null);
              }}
            />
            {missing ? (
              <p className="field-error" id="import-file-error">
                {t('imports.fileRequired')}
              </p>
            ) : null}
          </div>
          <p className="subtle">{t('imports.dropHint')}</p>
          {file ? (
            <p className="chosen-file">
              {t('imports.chosen', { name: file.name, size: formatBytes(file.size, formatNumber) })}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? t('imports.reading') : t('imports.uploadSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
