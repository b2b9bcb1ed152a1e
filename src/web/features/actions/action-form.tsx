import { type FormEvent, useState } from 'react';
import {
  type ActionDetail,
  type ActionStatus,
  actionStatuses,
  createActionSchema,
  updateActionSchema,
} from '../../../shared/schemas/actions';
import type { EntityRef } from '../../../shared/schemas/entities';
import type { RecommendationRef } from '../../../shared/schemas/register';
import { api } from '../../api/client';
import { DateInput } from '../../components/date-input';
import { ErrorMessage } from '../../components/error-message';
import { Field, SelectField } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { EntityChoice } from '../assignments/entity-picker';
import { type ClusterRef, LinkedRecommendations, SupportingEntities } from './action-links';

/** What the form holds: text as typed, chosen records with their names. */
export interface ActionFormState {
  title: string;
  description: string;
  responsible: EntityRef | null;
  supporting: EntityRef[];
  startDate: string;
  endDate: string;
  budgetAmount: string;
  budgetCurrency: string;
  budgetSource: string;
  status: ActionStatus;
  recommendations: RecommendationRef[];
  clusters: ClusterRef[];
}

export const emptyActionForm: ActionFormState = {
  title: '',
  description: '',
  responsible: null,
  supporting: [],
  startDate: '',
  endDate: '',
  budgetAmount: '',
  budgetCurrency: 'EUR',
  budgetSource: '',
  status: 'planned',
  recommendations: [],
  clusters: [],
};

export function formStateOf(action: ActionDetail): ActionFormState {
  return {
    title: action.title,
    description: action.description ?? '',
    responsible: action.responsibleEntity,
    supporting: action.supportingEntities,
    startDate: action.startDate ?? '',
    endDate: action.endDate ?? '',
    budgetAmount: action.budget ? String(action.budget.amount) : '',
    budgetCurrency: action.budget?.currency ?? '',
    budgetSource: action.budget?.source ?? '',
    status: action.status,
    recommendations: action.recommendations,
    clusters: action.clusters,
  };
}

function inputOf(state: ActionFormState) {
  const budgetGiven = state.budgetAmount.trim() !== '';
  return {
    title: state.title,
    description: state.description,
    responsibleEntityId: state.responsible?.id ?? '',
    supportingEntityIds: state.supporting.map((entity) => entity.id),
    startDate: state.startDate,
    endDate: state.endDate,
    budgetAmount: state.budgetAmount,
    // The currency is prefilled for convenience: without an amount, it means no budget.
    budgetCurrency: budgetGiven ? state.budgetCurrency : '',
    budgetSource: state.budgetSource,
    status: state.status,
    recommendationIds: state.recommendations.map((item) => item.id),
    clusterIds: state.clusters.map((item) => item.id),
  };
}

/**
 * The one form of an action, new or edited: checked with the schema the server uses, then sent;
 * the server's problems come back next to their fields.
 */
export function ActionForm(props: {
  initial: ActionFormState;
  version?: number;
  actionId?: string;
  submitLabel: string;
  onSaved: (action: ActionDetail) => void;
}) {
  const { t } = useT();
  const [state, setState] = useState<ActionFormState>(props.initial);
  const set = (change: Partial<ActionFormState>) => setState((current) => ({ ...current, ...change }));
  const create = useSubmit(createActionSchema, (input) => api.post<ActionDetail>('/api/actions', input));
  const update = useSubmit(updateActionSchema, (input) =>
    api.put<ActionDetail>(`/api/actions/${props.actionId}`, input),
  );
  const form = props.actionId ? update : create;
  const errors = form.fieldErrors;

  async function submit(event: FormEvent) {
    const input = inputOf(state);
    const saved = props.actionId
      ? await update.submit({ ...input, version: props.version }, event)
      : await create.submit(input, event);
    if (saved) props.onSaved(saved);
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={form.busy} className="card">
      <ErrorMessage error={form.error} />
      <Field name="title" label={t('actions.fields.title')} error={errors.title}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={state.title}
            onChange={(event) => set({ title: event.target.value })}
            required
            maxLength={300}
          />
        )}
      </Field>
      <Field name="description" label={t('actions.fields.description')} error={errors.description}>
        {(control) => (
          <textarea
            {...control}
            rows={5}
            value={state.description}
            onChange={(event) => set({ description: event.target.value })}
          />
        )}
      </Field>
      <EntityChoice
        name="responsibleEntityId"
        label={t('actions.fields.responsible')}
        hint={t('actions.responsibleHint')}
        error={errors.responsibleEntityId}
        chosen={state.responsible}
        changeLabel={t('actions.chooseAnotherEntity')}
        onClear={() => set({ responsible: null })}
        onChoose={(entity) => set({ responsible: entity })}
      />
      <SupportingEntities
        value={state.supporting}
        onChange={(supporting) => set({ supporting })}
        error={errors.supportingEntityIds}
      />
      <div className="form-grid">
        <SelectField
          name="status"
          label={t('fields.status')}
          error={errors.status}
          value={state.status}
          onChange={(status) => set({ status })}
          options={actionStatuses.map((status) => ({ value: status, label: t(`actions.status.${status}`) }))}
        />
        <Field name="startDate" label={t('actions.fields.startDate')} error={errors.startDate}>
          {(control) => (
            <DateInput
              {...control}
              value={state.startDate}
              onChange={(event) => set({ startDate: event.target.value })}
            />
          )}
        </Field>
        <Field
          name="endDate"
          label={t('actions.fields.endDate')}
          hint={t('actions.endDateHint')}
          error={errors.endDate}
        >
          {(control) => (
            <DateInput {...control} value={state.endDate} onChange={(event) => set({ endDate: event.target.value })} />
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{t('actions.fields.budget')}</legend>
        <div className="form-grid">
          <Field
            name="budgetAmount"
            label={t('actions.fields.amount')}
            hint={t('actions.amountHint')}
            error={errors.budgetAmount}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                dir="ltr"
                value={state.budgetAmount}
                onChange={(event) => set({ budgetAmount: event.target.value })}
              />
            )}
          </Field>
          <Field
            name="budgetCurrency"
            label={t('actions.fields.currency')}
            hint={t('actions.currencyHint')}
            error={errors.budgetCurrency}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                dir="ltr"
                maxLength={3}
                autoCapitalize="characters"
                value={state.budgetCurrency}
                onChange={(event) => set({ budgetCurrency: event.target.value })}
              />
            )}
          </Field>
          <Field name="budgetSource" label={t('actions.fields.source')} error={errors.budgetSource}>
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={300}
                value={state.budgetSource}
                onChange={(event) => set({ budgetSource: event.target.value })}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <LinkedRecommendations
        recommendations={state.recommendations}
        clusters={state.clusters}
        onChange={(links) => set(links)}
        recommendationError={errors.recommendationIds}
        clusterError={errors.clusterIds}
      />
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}

/** The form editing an existing action, from its detail (the action page loads it on "Edit"). */
export function ActionEditForm(props: { action: ActionDetail; onSaved: (action: ActionDetail) => void }) {
  const { t } = useT();
  const { action } = props;
  return (
    <ActionForm
      key={action.version}
      initial={formStateOf(action)}
      version={action.version}
      actionId={action.id}
      submitLabel={t('common.save')}
      onSaved={props.onSaved}
    />
  );
}
