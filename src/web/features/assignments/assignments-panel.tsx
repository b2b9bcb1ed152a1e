import { lazy, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import type { Assignment } from '../../../shared/schemas/assignments';
import { api, toAppError } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { OnDemandDetails } from '../../components/on-demand-details';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { LocalLevels } from './local-levels-form';

// The forms (and zod) load when their disclosure opens, not with the recommendation page.
const AssignForm = lazy(() => import('./assignment-forms').then((module) => ({ default: module.AssignForm })));
const DelegateForm = lazy(() => import('./assignment-forms').then((module) => ({ default: module.DelegateForm })));

/**
 * Who acts on a recommendation: lead and supporting entities and the chain of delegations below
 * them (ministry → region → municipality). The secretariat assigns; whoever holds an assignment
 * may delegate it further down; the delegator or the secretariat withdraws.
 */
export function AssignmentsPanel(props: { recommendationId: string; localLevels: number[] }) {
  const { t, formatDate } = useT();
  const { can } = useSession();
  const canAssign = can('assignments:assign');
  const list = useApi<Assignment[]>(`/api/recommendations/${props.recommendationId}/assignments`);
  const [withdrawError, setWithdrawError] = useState<AppError | null>(null);
  const rows = list.data ?? [];
  const childrenOf = (parent: string | null) => rows.filter((row) => row.delegatedFrom === parent);
  const holderOf = new Map(rows.map((row) => [row.id, row]));

  async function withdraw(row: Assignment) {
    setWithdrawError(null);
    try {
      await api.delete(`/api/assignments/${row.id}?version=${row.version}`);
      list.reload();
    } catch (error) {
      setWithdrawError(toAppError(error));
    }
  }

  const render = (row: Assignment) => {
    const delegator = row.delegatedFrom ? holderOf.get(row.delegatedFrom) : undefined;
    const mayWithdraw = canAssign || delegator?.canDelegate === true;
    const below = childrenOf(row.id);
    return (
      <li key={row.id}>
        <p>
          <strong>{row.entity.name}</strong> <span className="badge">{t(`assignments.role.${row.role}`)}</span>
          {row.dueDate ? (
            <span className="subtle"> · {t('assignments.dueOn', { date: formatDate(row.dueDate) })}</span>
          ) : null}
        </p>
        {row.note ? (
          <p className="subtle" dir="auto">
            {row.note}
          </p>
        ) : null}
        {mayWithdraw ? (
          <button
            type="button"
            className="button-link"
            aria-label={t('assignments.withdrawNamed', { name: row.entity.name })}
            onClick={() => withdraw(row)}
          >
            {t('assignments.withdraw')}
          </button>
        ) : null}
        {row.canDelegate ? (
          <OnDemandDetails summary={t('assignments.delegateFrom', { name: row.entity.name })}>
            <DelegateForm assignment={row} onDone={list.reload} />
          </OnDemandDetails>
        ) : null}
        {below.length > 0 ? <ul className="assignment-chain">{below.map(render)}</ul> : null}
      </li>
    );
  };

  return (
    <section className="card" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t('assignments.title')}</h2>
      <ErrorMessage error={list.error ?? withdrawError} />
      {rows.length > 0 ? (
        <ul className="assignment-chain">{childrenOf(null).map(render)}</ul>
      ) : list.loading ? null : (
        <p className="subtle">{t('assignments.none')}</p>
      )}
      {canAssign ? (
        <OnDemandDetails summary={t('assignments.assign')}>
          <AssignForm recommendationIds={[props.recommendationId]} onDone={list.reload} />
        </OnDemandDetails>
      ) : null}
      <LocalLevels recommendationId={props.recommendationId} levels={props.localLevels} canEdit={canAssign} />
    </section>
  );
}
