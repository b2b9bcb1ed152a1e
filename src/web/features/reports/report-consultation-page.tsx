import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import { paragraphsOf } from '../../../shared/reports/report-text';
import type { Consultation, ReportComment } from '../../../shared/schemas/reports';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';

/** A small form for one comment or one answer. */
function CommentForm(props: { label: string; submitLabel: string; onSubmit: (body: string) => Promise<void> }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [id] = useState(() => `comment-${Math.random().toString(36).slice(2)}`);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(body.trim());
      setBody('');
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} aria-busy={busy} className="comment-form">
      <ErrorMessage error={error} />
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        dir="auto"
        value={body}
        maxLength={5000}
        rows={3}
        onChange={(event) => setBody(event.target.value)}
      />
      <button type="submit" className="button-small" disabled={busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}

function Thread(props: {
  comment: ReportComment;
  replies: ReportComment[];
  canReply: boolean;
  reportId: string;
  onChanged: () => void;
}) {
  const { t, formatDateTime } = useT();
  const { comment } = props;
  return (
    <li className="comment">
      <p>
        <strong>{comment.authorName ?? t('reports.consultation.someone')}</strong>{' '}
        <span className="subtle">{formatDateTime(comment.createdAt)}</span>
        {comment.resolved ? <span className="badge"> {t('reports.consultation.resolved')}</span> : null}
      </p>
      <p dir="auto">{comment.body}</p>
      <ul className="replies">
        {props.replies.map((reply) => (
          <li key={reply.id}>
            <strong>{reply.authorName ?? t('reports.consultation.someone')}</strong>{' '}
            <span className="subtle">{formatDateTime(reply.createdAt)}</span>
            <p dir="auto">{reply.body}</p>
          </li>
        ))}
      </ul>
      {props.canReply ? (
        <>
          <CommentForm
            label={t('reports.consultation.answer')}
            submitLabel={t('reports.consultation.sendAnswer')}
            onSubmit={async (body) => {
              await api.post(`/api/reports/${props.reportId}/comments/${comment.id}/replies`, { body });
              props.onChanged();
            }}
          />
          <button
            type="button"
            className="button-link"
            onClick={async () => {
              await api.patch(`/api/reports/${props.reportId}/comments/${comment.id}`, { resolved: !comment.resolved });
              props.onChanged();
            }}
          >
            {comment.resolved ? t('reports.consultation.reopen') : t('reports.consultation.resolve')}
          </button>
        </>
      ) : null}
    </li>
  );
}

/**
 * The version under consultation, paragraph by paragraph (numbered as the server numbers them),
 * with the stakeholders' comments on each and the coordinator's answers.
 */
export default function ReportConsultationPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const consultation = useApi<Consultation>(`/api/reports/${id}/consultation`);
  const data = consultation.data;
  if (!data)
    return consultation.error ? (
      <>
        <ErrorMessage error={consultation.error} />
        <p>
          <Link to={`/reports/${id}`}>{t('reports.consultation.backToReport')}</Link>
        </p>
      </>
    ) : (
      <Loading />
    );
  const roots = data.comments.filter((comment) => !comment.parentId);
  const repliesOf = (commentId: string) => data.comments.filter((comment) => comment.parentId === commentId);

  return (
    <>
      <PageTitle>{t('reports.consultation.title', { title: data.title })}</PageTitle>
      <p>
        <Link to="/reports">{t('reports.back')}</Link>
      </p>
      <p>{t('reports.consultation.intro', { number: data.versionNumber })}</p>
      {data.snapshot.sections.map((section) => (
        <section key={section.id} className="card" aria-label={section.heading}>
          <h2>{section.heading}</h2>
          <ol className="consultation-paragraphs">
            {paragraphsOf(section.body).map((paragraph, index) => {
              const threads = roots.filter(
                (comment) => comment.sectionId === section.id && comment.paragraph === index,
              );
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a paragraph's place is what comments name.
                <li key={index}>
                  <p>{paragraph}</p>
                  {threads.length > 0 ? (
                    <ul className="comments" aria-label={t('reports.consultation.comments')}>
                      {threads.map((comment) => (
                        <Thread
                          key={comment.id}
                          comment={comment}
                          replies={repliesOf(comment.id)}
                          canReply={data.canReply}
                          reportId={data.reportId}
                          onChanged={consultation.reload}
                        />
                      ))}
                    </ul>
                  ) : null}
                  {data.canComment ? (
                    <CommentForm
                      label={t('reports.consultation.commentOn', { number: index + 1 })}
                      submitLabel={t('reports.consultation.send')}
                      onSubmit={async (body) => {
                        await api.post(`/api/reports/${data.reportId}/comments`, {
                          sectionId: section.id,
                          paragraph: index,
                          body,
                        });
                        consultation.reload();
                      }}
                    />
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}
