import { type FormEvent, useId, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Attachment, AttachmentList } from '../../../shared/schemas/progress';
import { api, toAppError, uploadWithProgress } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { formatBytes } from '../imports/import-labels';
import { IssueList } from '../imports/issue-list';

export interface AttachmentsSubject {
  kind: 'action' | 'progress_update';
  id: string;
}

const basePath = (subject: AttachmentsSubject) =>
  subject.kind === 'action'
    ? `/api/actions/${subject.id}/attachments`
    : `/api/progress-updates/${subject.id}/attachments`;

/**
 * The files of an action (documents) or of a progress update (evidence): list, download, and,
 * when the page says the reader may edit and the server agrees, upload with progress and delete.
 */
export function AttachmentsPanel(props: { subject: AttachmentsSubject; canEdit: boolean }) {
  const i18n = useT();
  const { t, formatNumber, formatDateTime } = i18n;
  const path = basePath(props.subject);
  const list = useApi<AttachmentList>(path);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [confirmation, confirm] = useConfirm();
  const editable = props.canEdit && Boolean(list.data?.canEdit);

  async function upload(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setMissing(true);
      return;
    }
    setProgress(0);
    try {
      const added = await uploadWithProgress<Attachment>(path, file, { fileName: file.name }, setProgress);
      list.setData((current) => (current ? { ...current, items: [...current.items, added] } : current));
      setDone(t('files.uploaded', { name: added.fileName }));
      if (input.current) input.current.value = '';
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setProgress(null);
    }
  }

  async function remove(item: Attachment) {
    const ok = await confirm({
      title: t('files.deleteConfirm', { name: item.fileName }),
      confirmLabel: t('files.deleteNamed', { name: item.fileName }),
    });
    if (!ok) return;
    setError(null);
    setDone(null);
    try {
      await api.delete(`/api/attachments/${item.id}`);
      list.setData((current) =>
        current ? { ...current, items: current.items.filter((other) => other.id !== item.id) } : current,
      );
      setDone(t('files.deleted', { name: item.fileName }));
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  const titleId = `${inputId}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{props.subject.kind === 'action' ? t('files.documents') : t('files.evidence')}</h2>
      <ErrorMessage error={list.error ?? error} />
      {error ? <IssueList issues={error.issues} /> : null}
      <SuccessMessage>{done}</SuccessMessage>
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p className="subtle">{t('files.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="attachment-list">
          {list.data.items.map((item) => (
            <li key={item.id}>
              <a href={`/api/attachments/${item.id}/download`} download={item.fileName}>
                {item.fileName}
              </a>{' '}
              <span className="subtle">
                {t('files.meta', {
                  size: formatBytes(item.sizeBytes, formatNumber),
                  name: item.uploadedBy ?? '—',
                  date: formatDateTime(item.createdAt),
                })}
              </span>
              {editable ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => remove(item)}
                    aria-label={t('files.deleteNamed', { name: item.fileName })}
                  >
                    {t('files.delete')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable && list.data ? (
        <form onSubmit={upload} noValidate>
          <div className={`field${missing ? ' field-invalid' : ''}`}>
            <label htmlFor={inputId}>{t('files.choose')}</label>
            <p className="field-hint" id={`${inputId}-hint`}>
              {t('files.limits', {
                types: list.data.types.join(', '),
                size: formatBytes(list.data.maxBytes, formatNumber),
              })}
            </p>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept={list.data.types.map((type) => `.${type}`).join(',')}
              aria-describedby={missing ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
              aria-invalid={missing || undefined}
              onChange={() => {
                setMissing(false);
                setError(null);
              }}
            />
            {missing ? (
              <p className="field-error" id={`${inputId}-error`}>
                {t('files.required')}
              </p>
            ) : null}
          </div>
          {progress !== null ? (
            <progress max={1} value={progress} aria-label={t('files.uploading')}>
              {formatNumber(progress, { style: 'percent' })}
            </progress>
          ) : null}
          <div className="form-actions">
            <button type="submit" disabled={progress !== null}>
              {progress !== null
                ? t('files.uploadingPercent', { percent: formatNumber(progress, { style: 'percent' }) })
                : t('files.upload')}
            </button>
          </div>
        </form>
      ) : null}
      {confirmation}
    </section>
  );
}
