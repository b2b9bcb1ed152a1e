import { useId, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { AnswerItem, AnswerPage } from '../../../shared/schemas/calls';
import type { Attachment } from '../../../shared/schemas/progress';
import { api, toAppError, uploadWithProgress } from '../../api/client';
import { useConfirm } from '../../components/confirm-dialog';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { useT } from '../../i18n/i18n-provider';
import { formatBytes } from '../imports/import-labels';
import { IssueList } from '../imports/issue-list';

type Evidence = AnswerItem['evidence'];

/**
 * The evidence of one answer: the files attached (each downloadable), and while the answer can
 * still change, a file picker that uploads at once (a first file saves the answer as a draft,
 * since files belong to the saved answer) and a delete that asks first. Checked on the server by
 * type (content, not only the name) and size before it is kept.
 */
export function AnswerEvidence(props: {
  item: AnswerItem;
  canEdit: boolean;
  limits: AnswerPage['evidenceLimits'];
  /** The saved answer's id, saving it as a draft first if it was never saved; null if that failed. */
  ensureSaved: () => Promise<string | null>;
  onChange: (evidence: Evidence) => void;
  headingId: string;
}) {
  const { t, formatNumber } = useT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmation, confirm] = useConfirm();
  const { evidence } = props.item;
  const titleId = `${inputId}-title`;

  async function upload(files: File[]) {
    setError(null);
    setDone(null);
    if (files.length === 0) return;
    const updateId = await props.ensureSaved();
    if (!updateId) return;
    let current = evidence;
    const added: string[] = [];
    setProgress(0);
    try {
      for (const file of files) {
        const stored = await uploadWithProgress<Attachment>(
          `/api/progress-updates/${updateId}/attachments`,
          file,
          { fileName: file.name },
          setProgress,
        );
        current = [...current, stored];
        props.onChange(current);
        added.push(stored.fileName);
      }
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
      if (added.length > 0) setDone(t('answer.evidence.added', { count: added.length, names: added.join(', ') }));
    }
  }

  async function remove(file: Evidence[number]) {
    const ok = await confirm({
      title: t('files.deleteConfirm', { name: file.fileName }),
      confirmLabel: t('files.deleteNamed', { name: file.fileName }),
    });
    if (!ok) return;
    setError(null);
    setDone(null);
    try {
      await api.delete(`/api/attachments/${file.id}`);
      props.onChange(evidence.filter((other) => other.id !== file.id));
      setDone(t('files.deleted', { name: file.fileName }));
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  if (!props.canEdit && evidence.length === 0) return null;
  return (
    <section className="answer-evidence" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('files.evidence')}</h3>
      <ErrorMessage error={error} />
      {error ? <IssueList issues={error.issues} /> : null}
      <SuccessMessage>{done}</SuccessMessage>
      {evidence.length > 0 ? (
        <ul className="attachment-list evidence-list">
          {evidence.map((file) => (
            <li key={file.id}>
              <a href={`/api/attachments/${file.id}/download`} download={file.fileName} dir="auto">
                {file.fileName}
              </a>{' '}
              <span className="subtle">{formatBytes(file.sizeBytes, formatNumber)}</span>
              {props.canEdit ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => remove(file)}
                    aria-label={t('files.deleteNamed', { name: file.fileName })}
                  >
                    {t('files.delete')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="subtle">{t('answer.evidence.none')}</p>
      )}
      {props.canEdit ? (
        <div className="field">
          <label htmlFor={inputId}>{t('answer.evidence.choose')}</label>
          <p className="field-hint" id={`${inputId}-hint`}>
            {t('files.limits', {
              types: props.limits.types.join(', '),
              size: formatBytes(props.limits.maxBytes, formatNumber),
            })}{' '}
            {t('answer.evidence.hint')}
          </p>
          <input
            ref={input}
            id={inputId}
            type="file"
            multiple
            disabled={progress !== null}
            accept={props.limits.types.map((type) => `.${type}`).join(',')}
            aria-describedby={`${inputId}-hint ${props.headingId}`}
            onChange={(event) => upload([...(event.target.files ?? [])])}
          />
          {progress !== null ? (
            <progress max={1} value={progress} aria-label={t('files.uploading')}>
              {formatNumber(progress, { style: 'percent' })}
            </progress>
          ) : null}
        </div>
      ) : null}
      {confirmation}
    </section>
  );
}
