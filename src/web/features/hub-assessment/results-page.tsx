import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppError } from '../../../shared/errors';
import type { PeerGroup, QuestionnaireView, Results, Round } from '../../../shared/schemas/hub-assessment';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { type I18n, useT } from '../../i18n/i18n-provider';
import { dateText, levelText } from './labels';
import './hub-assessment.css';

const maxLevel = 4;

/** One row's picture: the member's level as a bar, the group's quartiles as a band, its median as a line. */
function LevelBar(props: { level: number | null; stats?: PeerGroup['byCharacteristic'][string] }) {
  const x = (value: number) => 4 + (value / maxLevel) * 192;
  const { level, stats } = props;
  return (
    <svg className="assess-chart" viewBox="0 0 200 22" aria-hidden="true" focusable="false">
      <line className="axis" x1="4" x2="196" y1="21" y2="21" />
      {stats?.enough && stats.q1 !== null && stats.q3 !== null ? (
        <rect className="spread" x={x(stats.q1)} width={Math.max(2, x(stats.q3) - x(stats.q1))} y="1" height="20" />
      ) : null}
      {level !== null ? <rect className="own" x="4" width={x(level) - 4} y="6" height="10" /> : null}
      {stats?.enough && stats.median !== null ? (
        <line className="median" x1={x(stats.median)} x2={x(stats.median)} y1="0" y2="22" />
      ) : null}
    </svg>
  );
}

function groupName(group: PeerGroup, i18n: I18n) {
  return group.kind === 'hub' ? i18n.t('hubAssessment.group.hub') : group.name;
}

/**
 * A round's results: its level per characteristic beside a peer group's median and quartiles (only
 * for groups of at least three other members), the weakest characteristics and practices on them,
 * and whether the hub's staff may read the answers.
 */
export default function ResultsPage() {
  const { id = '' } = useParams();
  const i18n = useT();
  const { t, locale } = i18n;
  const results = useApi<Results>(`/api/hub/assessment/rounds/${id}/results`);
  const version = results.data?.round.questionnaireVersion;
  const questions = useApi<QuestionnaireView>(
    version ? '/api/hub/assessment/questionnaire' : null,
    version ? { version, locale } : undefined,
  );
  const [groupIndex, setGroupIndex] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const round = useApi<Round>(`/api/hub/assessment/rounds/${id}`);

  if (results.error || questions.error) return <ErrorMessage error={results.error ?? questions.error} />;
  if (!results.data || !questions.data) return <Loading />;
  const data = results.data;
  const titles = new Map(questions.data.characteristics.map((each) => [each.id, each.title]));
  const group = data.groups[Math.min(groupIndex, data.groups.length - 1)];

  async function share(sharedWithHub: boolean) {
    if (!round.data) return;
    setError(null);
    try {
      const next = await api.put<Round>(`/api/hub/assessment/rounds/${id}/sharing`, {
        version: round.data.version,
        sharedWithHub,
      });
      round.setData(() => next);
    } catch (cause) {
      setError(toAppError(cause));
    }
  }

  return (
    <>
      <PageTitle>
        {t('hubAssessment.resultsTitle', { member: data.round.member.name, round: data.round.round })}
      </PageTitle>
      {data.round.demo ? <p className="assess-demo">{t('hubAssessment.demoNote')}</p> : null}
      <p>
        {t(`hubAssessment.status.${data.round.status}`)} · {dateText(data.round.submittedAt, i18n)} ·{' '}
        <Link to={`/self-assessment/${id}`}>{t('hubAssessment.answers')}</Link> ·{' '}
        <Link to="/self-assessment">{t('hubAssessment.backToRounds')}</Link>
      </p>
      <ErrorMessage error={error} />
      <section className="card" aria-labelledby="scores-title">
        <h2 id="scores-title">{t('hubAssessment.comparison')}</h2>
        {data.groups.length > 1 ? (
          <label>
            {t('hubAssessment.compareWith')}{' '}
            <select value={groupIndex} onChange={(event) => setGroupIndex(Number(event.target.value))}>
              {data.groups.map((each, index) => (
                <option key={each.networkId ?? 'hub'} value={index}>
                  {groupName(each, i18n)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {group ? (
          <p>
            {group.enough
              ? t('hubAssessment.groupMembers', { count: group.members, group: groupName(group, i18n) })
              : t('hubAssessment.notEnough', { group: groupName(group, i18n), minimum: data.minimumPeers })}
          </p>
        ) : null}
        <ul className="assess-legend" aria-hidden="true">
          <li>
            <span className="assess-key" style={{ background: '#0b4f8a' }} />
            {t('hubAssessment.yourLevel')}
          </li>
          <li>
            <span className="assess-key" style={{ background: '#c7d9ea' }} />
            {t('hubAssessment.quartiles')}
          </li>
          <li>
            <span className="assess-key" style={{ background: '#c25400' }} />
            {t('hubAssessment.median')}
          </li>
        </ul>
        <div className="table-scroll">
          <table>
            <caption>{t('hubAssessment.chartCaption', { max: maxLevel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hubAssessment.characteristic')}</th>
                <th scope="col">{t('hubAssessment.yourLevel')}</th>
                <th scope="col">{t('hubAssessment.median')}</th>
                <th scope="col" className="assess-quartiles">
                  {t('hubAssessment.quartiles')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('hubAssessment.chart')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.scores.map((score) => {
                const stats = group?.byCharacteristic[score.characteristicId];
                return (
                  <tr key={score.characteristicId}>
                    <th scope="row">{titles.get(score.characteristicId) ?? score.characteristicId}</th>
                    <td>{levelText(score.level, i18n)}</td>
                    <td>{stats?.enough ? levelText(stats.median, i18n) : '—'}</td>
                    <td>{stats?.enough ? `${levelText(stats.q1, i18n)} – ${levelText(stats.q3, i18n)}` : '—'}</td>
                    <td>
                      <LevelBar level={score.level} stats={stats} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="suggest-title">
        <h2 id="suggest-title">{t('hubAssessment.suggestionsTitle')}</h2>
        {data.weakest.length === 0 ? (
          <p>{t('hubAssessment.noWeakest')}</p>
        ) : (
          <p>
            {t('hubAssessment.weakest', { list: data.weakest.map((each) => titles.get(each) ?? each).join(' · ') })}
          </p>
        )}
        {data.weakest.length > 0 && data.suggestions.length === 0 ? <p>{t('hubAssessment.noSuggestions')}</p> : null}
        <ul className="assess-suggestions">
          {data.suggestions.map((practice) => (
            <li key={practice.refId} lang={practice.locale}>
              <a href={`/hub/${locale}${practice.path}`}>{practice.title}</a>
              {practice.sameSystem ? <span className="badge">{t('hubAssessment.sameSystem')}</span> : null}
              {practice.summary ? <p>{practice.summary}</p> : null}
              <small lang={locale}>
                {t('hubAssessment.answersWeak', {
                  list: practice.characteristicIds.map((each) => titles.get(each) ?? each).join(' · '),
                })}
              </small>
            </li>
          ))}
        </ul>
      </section>
      {round.data?.mine && round.data.status === 'submitted' ? (
        <section className="card" aria-labelledby="share-title">
          <h2 id="share-title">{t('hubAssessment.shareTitle')}</h2>
          <p>{t('hubAssessment.shareHint')}</p>
          {round.data.sharedWithHub ? <p>{t('hubAssessment.sharedNow')}</p> : null}
          <ShareButton shared={round.data.sharedWithHub} onChange={share} i18n={i18n} />
        </section>
      ) : null}
    </>
  );
}

function ShareButton(props: { shared: boolean; onChange: (shared: boolean) => void; i18n: I18n }) {
  return (
    <button type="button" className="button-secondary" onClick={() => props.onChange(!props.shared)}>
      {props.shared ? props.i18n.t('hubAssessment.unshare') : props.i18n.t('hubAssessment.share')}
    </button>
  );
}
