import { type FormEvent, useState } from 'react';
import type { Page } from '../../../shared/schemas/common';
import {
  type EntityDetail,
  type EntityKind,
  type EntityRef,
  type EntitySummary,
  entityInputSchema,
  entityKinds,
  updateEntitySchema,
} from '../../../shared/schemas/entities';
import { api } from '../../api/client';
import { Combobox } from '../../components/combobox';
import { ErrorMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { describeEntity, kindLabel, type Levels, levelLabel } from './labels';

interface Draft {
  kind: EntityKind;
  name: string;
  nameLocal: string;
  acronym: string;
  lrgLevel: number | null;
  parent: Pick<EntityRef, 'id' | 'name'> | null;
  subdivisionCode: string;
}

function draftOf(entity: EntityDetail | null, defaults: Partial<Draft>): Draft {
  if (!entity) {
    return {
      kind: 'ministry',
      name: '',
      nameLocal: '',
      acronym: '',
      lrgLevel: null,
      parent: null,
      subdivisionCode: '',
      ...defaults,
    };
  }
  return {
    kind: entity.kind,
    name: entity.name,
    nameLocal: entity.nameLocal ?? '',
    acronym: entity.acronym ?? '',
    lrgLevel: entity.lrgLevel,
    parent: entity.parentId ? { id: entity.parentId, name: entity.parentName ?? '' } : null,
    subdivisionCode: entity.subdivisionCode ?? '',
  };
}

/**
 * Creates or edits an entity. An LRG takes a level the State has named and, below the first
 * level, a parent LRG of the level above: the parent picker offers only those. The server checks
 * the same rules (and cycles) and names the field when one is broken.
 */
export function EntityForm(props: {
  entity: EntityDetail | null;
  levels: Levels;
  defaults?: Partial<Draft>;
  onSaved: (entity: EntityDetail) => void;
  onCancel?: () => void;
}) {
  const i18n = useT();
  const { t } = i18n;
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.entity, props.defaults ?? {}));
  const editing = props.entity !== null;
  const create = useSubmit(entityInputSchema, (input) => api.post<EntityDetail>('/api/entities', input));
  const update = useSubmit(updateEntitySchema, (input) =>
    api.put<EntityDetail>(`/api/entities/${props.entity?.id}`, input),
  );
  const form = editing ? update : create;
  const isLrg = draft.kind === 'lrg';
  const topLevel = isLrg && draft.lrgLevel === 1;
  const takesParent = draft.kind !== 'lrg_network' && !topLevel;

  async function submit(event: FormEvent) {
    const input = {
      kind: draft.kind,
      name: draft.name,
      nameLocal: draft.nameLocal,
      acronym: draft.acronym,
      parentId: takesParent ? (draft.parent?.id ?? null) : null,
      lrgLevel: isLrg ? draft.lrgLevel : null,
      subdivisionCode: isLrg ? draft.subdivisionCode : null,
    };
    const saved = editing
      ? await update.submit({ ...input, version: props.entity?.version }, event)
      : await create.submit(input, event);
    if (saved) props.onSaved(saved);
  }

  const text = (field: 'name' | 'nameLocal' | 'acronym' | 'subdivisionCode', label: string, max: number) => (
    <Field name={field} label={label} error={form.fieldErrors[field]}>
      {(control) => (
        <input
          {...control}
          type="text"
          maxLength={max}
          dir={field === 'subdivisionCode' ? 'ltr' : 'auto'}
          required={field === 'name'}
          value={draft[field]}
          onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-busy={form.busy}>
      <ErrorMessage error={form.error} />
      <div className="form-grid">
        <Field name="kind" label={t('entities.fields.kind')} error={form.fieldErrors.kind}>
          {(control) => (
            <select
              {...control}
              value={draft.kind}
              onChange={(event) => {
                const kind = event.target.value as EntityKind;
                setDraft({ ...draft, kind, lrgLevel: kind === 'lrg' ? (draft.lrgLevel ?? 1) : null });
              }}
            >
              {entityKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabel(kind, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('name', t('entities.fields.name'), 300)}
        {text('nameLocal', t('entities.fields.nameLocal'), 300)}
        {text('acronym', t('entities.fields.acronym'), 50)}
        {isLrg ? (
          <Field
            name="lrgLevel"
            label={t('entities.fields.level')}
            hint={props.levels.length === 0 ? t('entities.noLevelsHint') : undefined}
            error={form.fieldErrors.lrgLevel}
          >
            {(control) => (
              <select
                {...control}
                value={draft.lrgLevel ?? ''}
                onChange={(event) => setDraft({ ...draft, lrgLevel: Number(event.target.value) || null, parent: null })}
              >
                {props.levels.map((level) => (
                  <option key={level.level} value={level.level}>
                    {levelLabel(level.level, props.levels, i18n)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {isLrg ? text('subdivisionCode', t('entities.fields.subdivisionCode'), 20) : null}
      </div>
      {takesParent ? (
        <div className="parent-picker">
          <p>
            {t('entities.fields.parent')}
            {': '}
            <strong>{draft.parent?.name ?? t('entities.noParent')}</strong>{' '}
            {draft.parent ? (
              <button
                type="button"
                className="button-link"
                onClick={() => setDraft({ ...draft, parent: null })}
                aria-label={t('entities.clearParent', { name: draft.parent.name })}
              >
                {t('common.remove')}
              </button>
            ) : null}
          </p>
          <Combobox<EntitySummary>
            name="parentId"
            label={t('entities.chooseParent')}
            hint={isLrg ? t('entities.parentHintLrg') : t('entities.parentHint')}
            error={form.fieldErrors.parentId}
            load={(q, signal) =>
              api.get<Page<EntitySummary>>(
                '/api/entities',
                {
                  q,
                  pageSize: 8,
                  ...(isLrg ? { kind: 'lrg', level: (draft.lrgLevel ?? 2) - 1 } : {}),
                },
                signal,
              )
            }
            keyOf={(item) => item.id}
            render={(item) => (
              <>
                {item.name} <span className="subtle">· {describeEntity(item, props.levels, i18n)}</span>
              </>
            )}
            unavailable={(item) =>
              item.id === props.entity?.id
                ? t('entities.parentIsSelf')
                : item.kind === 'lrg_network'
                  ? t('entities.parentIsNetwork')
                  : null
            }
            onChoose={(item) => setDraft({ ...draft, parent: { id: item.id, name: item.name } })}
          />
        </div>
      ) : isLrg ? (
        <p className="field-hint">{t('entities.topLevelHint')}</p>
      ) : null}
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {editing ? t('common.save') : t('entities.create')}
        </button>
        {props.onCancel ? (
          <button type="button" className="button-secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
