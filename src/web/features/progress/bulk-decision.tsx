import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { BulkProgressResult, ProgressSummary } from '../../../shared/schemas/progress';
import { api, toAppError } from '../../api/client';
import { useConfirm, useModal } from '../../components/confirm-dialog';
import { Field } from '../../components/field';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { useRecommendationName } from '../register/recommendation-name';
import { ProgressStatusBadge } from './progress-labels';

export interface BulkOutcome {
  step: 'approve' | 'return';
  result: BulkProgressResult;
  /** The updates as they were listed when chosen, to name each result. */
  items: Map<string, ProgressSummary>;
}

/**
 * The selection bar's actions on the queue: validate (a coordinator) or endorse (a validator)
 * every update ticked, after a confirmation; or return them all with one comment, asked for in a
 * dialog. The server takes each update on its own and answers per update.
 */
export function BulkDecision(props: {
  selected: ProgressSummary[];
  onDone: (outcome: BulkOutcome) => void;
  onError: (error: AppError | null) => void;
}) {
  const { t } = useT();
  const { can } = useSession();
  const secretariat = can('progress:grade');
  const [confirmation, confirm] = useConfirm();
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const count = props.selected.length;

  async function run(step: 'approve' | 'return', comment?: string) {
    props.onError(null);
    setBusy(true);
    const items = new Map(props.selected.map((item) => [item.id, item]));
    try {
      const result = await api.post<BulkProgressResult>(`/api/progress-updates/bulk/${step}`, {
        items: props.selected.map((item) => ({ id: item.id, version: item.version })),
        ...(comment ? { comment } : {}),
      });
      props.onDone({ step, result, items });
      return true;
    } catch (cause) {
      props.onError(toAppError(cause));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function approve() {
    const ok = await confirm({
      title: secretariat ? t('progress.bulk.validateTitle', { count }) : t('progress.bulk.endorseTitle', { count }),
      body: <p>{secretariat ? t('progress.bulk.validateBody') : t('progress.bulk.endorseBody')}</p>,
      confirmLabel: secretariat ? t('progress.bulk.validate', { count }) : t('progress.bulk.endorse', { count }),
    });
    if (ok) await run('approve');
  }

  return (
    <>
      <button type="button" className="button-small" disabled={busy} onClick={approve}>
        {secretariat ? t('progress.bulk.validate', { count }) : t('progress.bulk.endorse', { count })}
      </button>
      <button
        type="button"
        className="button-secondary button-small"
        disabled={busy}
        onClick={() => setReturning(true)}
      >
        {t('progress.bulk.return', { count })}
      </button>
      {confirmation}
      {returning ? (
        <ReturnDialog
          count={count}
          busy={busy}
          onClose={() => setReturning(false)}
          onReturn={async (comment) => {
            if (await run('return', comment)) setReturning(false);
          }}
        />
      ) : null}
    </>
  );
}

/** Asks for the one comment every returned update carries (required: it tells the entity what to change). */
function ReturnDialog(props: {
  count: number;
  busy: boolean;
  onClose: () => void;
  onReturn: (comment: string) => Promise<void>;
}) {
  const { t } = useT();
  const ref = useModal();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!comment.trim()) {
      setMissing(true);
      return;
    }
    await props.onReturn(comment.trim());
  }

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="bulk-return-title"
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="bulk-return-title">{t('progress.bulk.returnTitle', { count: props.count })}</h2>
        <Field
          name="comment"
          label={t('progress.comment')}
          hint={t('progress.bulk.returnHint')}
          error={missing ? t('issues.progress.commentRequired') : undefined}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={5000}
              value={comment}
              onChange={(event) => {
                setComment(event.target.value);
                setMissing(false);
              }}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={props.busy}>
            {t('progress.bulk.return', { count: props.count })}
          </button>
          <button type="button" className="button-secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Per update: done (and its new stage) or not done and why, the failures first. */
export function BulkResults(props: { outcome: BulkOutcome; onDismiss: () => void }) {
  const { t } = useT();
  const nameOf = useRecommendationName();
  const { result, items } = props.outcome;
  // The outcome is where attention goes next: focus (and so the screen reader) lands on its summary.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const ordered = [...result.results].sort((a, b) => Number(a.ok) - Number(b.ok));
  // Subject and entity apart, each isolated: a Latin name inside right-to-left text keeps its order.
  const label = (id: string) => {
    const item = items.get(id);
    if (!item) return <bdi>{id}</bdi>;
    return (
      <>
        <bdi>{item.recommendation ? nameOf(item.recommendation) : item.subject.label}</bdi>
        {' · '}
        <bdi>{item.entity.name}</bdi>
      </>
    );
  };
  return (
    <section className="card" aria-labelledby="bulk-results-title">
      <h2 id="bulk-results-title" tabIndex={-1} ref={heading}>
        {t('progress.bulk.summary', { succeeded: result.succeeded, failed: result.failed })}
      </h2>
      <ul className="item-results">
        {ordered.map((entry) => (
          <li key={entry.id} className={entry.ok ? 'item-result-done' : 'item-result-failed'}>
            <strong className="block">{label(entry.id)}</strong>
            {entry.ok && entry.status ? (
              <>
                {t('progress.bulk.done')} <ProgressStatusBadge status={entry.status} />
              </>
            ) : (
              t('progress.bulk.failed', { reason: entry.message ?? entry.code ?? '' })
            )}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="button-secondary button-small" onClick={props.onDismiss}>
          {t('progress.bulk.dismiss')}
        </button>
      </div>
    </section>
  );
}
