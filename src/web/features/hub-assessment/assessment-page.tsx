import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { AssessmentHome, Round } from '../../../shared/schemas/hub-assessment';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { dateText, levelText } from './labels';
import './hub-assessment.css';

/**
 * A member's self-assessments (decision 039): its rounds, the one in progress, a new round; and,
 * for the hub's staff, the rounds members chose to share with them.
 */
export default function AssessmentPage() {
  const i18n = useT();
  const { t } = i18n;
  const { can } = useSession();
  const navigate = useNavigate();
  const [member, setMember] = useState<string | undefined>(undefined);
  const home = useApi<AssessmentHome>('/api/hub/assessment', { member });
  const shared = useApi<{
    items: { id: string; round: number; submittedAt: string | null; member: { name: string } }[];
  }>(can('hubAssessment:readShared') ? '/api/hub/assessment/shared' : null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const data = home.data;
  const draft = data?.rounds.find((round) => round.status === 'draft');

  async function start() {
    if (!data?.member) return;
    setBusy(true);
    setError(null);
    try {
      const round = await api.post<Round>('/api/hub/assessment/rounds', { memberId: data.member.id });
      navigate(`/self-assessment/${round.id}`);
    } catch (cause) {
      setError(toAppError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{t('hubAssessment.title')}</PageTitle>
      <p>{t('hubAssessment.intro')}</p>
      <ErrorMessage error={home.error ?? error} />
      {home.loading && !data ? <Loading /> : null}
      {data && data.members.length === 0 ? <p className="card">{t('hubAssessment.noMember')}</p> : null}
      {data?.member ? (
        <section className="card" aria-labelledby="rounds-title">
          <h2 id="rounds-title">{data.member.name}</h2>
          {data.members.length > 1 ? (
            <label>
              {t('hubAssessment.member')}{' '}
              <select value={data.member.id} onChange={(event) => setMember(event.target.value)}>
                {data.members.map((each) => (
                  <option key={each.id} value={each.id}>
                    {each.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {data.demo ? <p className="assess-demo">{t('hubAssessment.demoNote')}</p> : null}
          <p>
            {draft ? (
              <Link className="button-anchor" to={`/self-assessment/${draft.id}`}>
                {t('hubAssessment.continue', { round: draft.round })}
              </Link>
            ) : (
              <button type="button" onClick={start} disabled={busy}>
                {t('hubAssessment.start')}
              </button>
            )}
          </p>
          {data.rounds.length === 0 ? (
            <p>{t('hubAssessment.noRounds')}</p>
          ) : (
            <div className="table-scroll">
              <table aria-labelledby="rounds-title">
                <caption>{t('hubAssessment.rounds')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('hubAssessment.round')}</th>
                    <th scope="col">{t('hubAssessment.statusLabel')}</th>
                    <th scope="col">{t('hubAssessment.submittedAt')}</th>
                    <th scope="col">{t('hubAssessment.answeredLabel')}</th>
                    <th scope="col">{t('hubAssessment.mean')}</th>
                    <th scope="col">{t('hubAssessment.open')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rounds.map((round) => (
                    <tr key={round.id}>
                      <th scope="row">{i18n.formatNumber(round.round)}</th>
                      <td>
                        {t(`hubAssessment.status.${round.status}`)}
                        {round.sharedWithHub ? <span className="badge">{t('hubAssessment.sharedBadge')}</span> : null}
                      </td>
                      <td>{dateText(round.submittedAt, i18n)}</td>
                      <td>{t('hubAssessment.answered', { answered: round.answered, questions: round.questions })}</td>
                      <td>{levelText(round.mean, i18n)}</td>
                      <td>
                        <Link to={`/self-assessment/${round.id}`}>{t('hubAssessment.answers')}</Link>
                        {' · '}
                        <Link to={`/self-assessment/${round.id}/results`}>{t('hubAssessment.resultsLink')}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      {shared.data ? (
        <section className="card" aria-labelledby="shared-title">
          <h2 id="shared-title">{t('hubAssessment.sharedTitle')}</h2>
          <p>{t('hubAssessment.sharedIntro')}</p>
          {shared.data.items.length === 0 ? (
            <p>{t('hubAssessment.sharedNone')}</p>
          ) : (
            <ul>
              {shared.data.items.map((item) => (
                <li key={item.id}>
                  <Link to={`/self-assessment/${item.id}/results`}>
                    {t('hubAssessment.sharedItem', { member: item.member.name, round: item.round })}
                  </Link>{' '}
                  ({dateText(item.submittedAt, i18n)})
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
