import { useState } from 'react';
import { AppError } from '../../../shared/errors';
import type { PracticeDetail } from '../../../shared/schemas/hub-practices';
import { api, toAppError } from '../../api/client';
import { useT } from '../../i18n/i18n-provider';
import { PracticeError } from './practice-labels';

/**
 * A practice's documents: listed with their size, added (checked against the size limit before a
 * byte is sent, and again by the server) and removed while the practice may be edited.
 */
export function PracticeFiles(props: { detail: PracticeDetail; editable: boolean; onChange: () => void }) {
  const { t, formatNumber } = useT();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const { detail } = props;
  const maxMb = detail.maxAttachmentBytes / 1_048_576;

  async function add(file: File) {
    setError(null);
    if (file.size > detail.maxAttachmentBytes) {
      setError(
        new AppError('PAYLOAD_TOO_LARGE', {
          params: { file: file.name, maxMb },
          issues: [{ path: 'file', file: file.name, message: 'hubPractices.issues.fileTooLarge' }],
        }),
      );
      return;
    }
    setBusy(true);
    try {
      await api.upload(`/api/hub/practices/${detail.id}/files`, file, { fileName: file.name });
      props.onChange();
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }
  async function remove(fileId: string) {
    setError(null);
    try {
      await api.delete(`/api/hub/practices/${detail.id}/files/${fileId}`);
      props.onChange();
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  return (
    <section className="card" aria-labelledby="practice-files">
      <h2 id="practice-files">{t('hubPractices.public.files')}</h2>
      <PracticeError error={error} />
      {detail.attachments.length === 0 ? <p>{t('hubPractices.app.noFiles')}</p> : null}
      <ul>
        {detail.attachments.map((file) => (
          <li key={file.id}>
            <a href={`/api/hub/practices/${detail.id}/files/${file.id}`} download>
              {file.fileName}
            </a>{' '}
            <span className="subtle">
              ({formatNumber(Math.max(1, file.sizeBytes / 1024), { maximumFractionDigits: 0 })} KB)
            </span>{' '}
            {props.editable ? (
              <button type="button" className="button-secondary" onClick={() => void remove(file.id)}>
                {t('hubPractices.app.removeFile')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {props.editable ? (
        <label>
          {t('hubPractices.app.addFile', { maxMb: formatNumber(maxMb) })}
          <input
            type="file"
            disabled={busy}
            accept=".pdf,.docx,.xlsx,.csv,.png,.jpg,.jpeg,.odt,.ods"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void add(file);
            }}
          />
        </label>
      ) : null}
    </section>
  );
}
