import { useCallback, useState } from 'react';
import type { Page } from '../../../shared/schemas/common';
import type { EntityRef, EntitySummary } from '../../../shared/schemas/entities';
import { api } from '../../api/client';
import { Combobox } from '../../components/combobox';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { kindLabel } from '../entities/labels';

/** Finds an entity by name as the user types (the server pages the list); LRGs only if asked. */
export function EntityPicker(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  lrgOnly?: boolean;
  onChoose: (entity: EntitySummary) => void;
}) {
  const { t } = useT();
  const { lrgOnly } = props;
  const load = useCallback(
    (text: string, signal: AbortSignal) =>
      api.get<Page<EntitySummary>>(
        '/api/entities',
        { q: text, pageSize: 8, kind: lrgOnly ? 'lrg' : undefined },
        signal,
      ),
    [lrgOnly],
  );
  return (
    <Combobox<EntitySummary>
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={props.error}
      load={load}
      keyOf={(entity) => entity.id}
      render={(entity) => (
        <>
          <span className="block">
            <strong>{entity.name}</strong> <span className="badge">{kindLabel(entity.kind, t)}</span>
          </span>
          {entity.parentName ? <span className="block subtle">{entity.parentName}</span> : null}
        </>
      )}
      onChoose={props.onChoose}
    />
  );
}

/**
 * An entity field of a form or a filter: while `chosen` is set, its name (`…` while the name
 * loads) with a button to choose another; otherwise the picker.
 */
export function EntityChoice(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  lrgOnly?: boolean;
  chosen: { name: string | null } | null;
  changeLabel: string;
  onClear: () => void;
  onChoose: (entity: EntitySummary) => void;
}) {
  if (!props.chosen)
    return (
      <EntityPicker
        name={props.name}
        label={props.label}
        hint={props.hint}
        error={props.error}
        lrgOnly={props.lrgOnly}
        onChoose={props.onChoose}
      />
    );
  return (
    <div className="chosen-record">
      <p>
        <strong>{props.label}</strong> {props.chosen.name ?? '…'}
      </p>
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <button type="button" className="button-link" onClick={props.onClear}>
        {props.changeLabel}
      </button>
    </div>
  );
}

/**
 * A list filter on one entity, kept as its id (in the URL): the entity just chosen shows its name
 * at once; from a shared link only the id is known, so its name is looked up.
 */
export function EntityFilter(props: {
  name: string;
  label: string;
  value: string;
  changeLabel: string;
  onChange: (id: string) => void;
}) {
  const [chosen, setChosen] = useState<EntityRef | null>(null);
  const known = chosen?.id === props.value ? chosen : null;
  const lookup = useApi<EntityRef>(props.value && !known ? `/api/entities/${props.value}` : null);
  return (
    <EntityChoice
      name={props.name}
      label={props.label}
      chosen={props.value ? { name: known?.name ?? lookup.data?.name ?? null } : null}
      changeLabel={props.changeLabel}
      onClear={() => props.onChange('')}
      onChoose={(entity) => {
        setChosen(entity);
        props.onChange(entity.id);
      }}
    />
  );
}
