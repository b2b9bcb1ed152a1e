import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { AppError } from '../../../shared/errors';
import { type Locale, languageName, locales } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import {
  createTermSchema,
  type Taxonomy,
  type Term,
  type UntranslatedCounts,
  updateTermSchema,
} from '../../../shared/schemas/taxonomies';
import { api, toAppError } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { CheckboxField, Field } from '../../components/field';
import { ListCard } from '../../components/list-card';
import { pickText } from '../../components/localized';
import { useApi } from '../../components/use-api';
import { useDraft } from '../../components/use-draft';
import { useSubmit } from '../../components/use-submit';
import { useT } from '../../i18n/i18n-provider';
import { LabelFields, type Labels, trimLabels } from './label-fields';
import { MergeTerm, mergeable } from './merge-term';
import { TranslateTerm } from './translate-term';
import { VariantGroups } from './variant-groups';

type Filters = { code: string; q: string; parent: string; parentCode: string; untranslated: string };

/** Taxonomies whose terms nest (SDG goals > targets > indicators): terms link to their children. */
const hierarchical = new Set(['sdg']);

/**
 * A taxonomy's terms: search, page, edit labels in six languages, add, delete when unused; admins
 * merge a term in use into another or remove it from every recommendation.
 */
export function TermsPanel(props: {
  taxonomy: Taxonomy;
  canEdit: boolean;
  canMerge: boolean;
  filters: Filters;
  page: number;
  apply: (next: Partial<Filters>, page?: number) => void;
  setPage: (page: number) => void;
  onChanged: () => void;
}) {
  const { t, locale, formatNumber } = useT();
  const { filters } = props;
  const [draft, setDraft] = useDraft({ q: filters.q });
  const translating = (locales as readonly string[]).includes(filters.untranslated)
    ? (filters.untranslated as Locale)
    : null;
  const counts = useApi<UntranslatedCounts>(`/api/taxonomies/${props.taxonomy.code}/untranslated`);
  const query = {
    q: filters.q || undefined,
    untranslated: translating ?? undefined,
    parentId: filters.parent || undefined,
    page: props.page,
    pageSize: 50,
  };
  const list = useApi<Page<Term>>(`/api/taxonomies/${props.taxonomy.code}/terms`, query);
  const [editing, setEditing] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<number | null>(null);
  const [merging, setMerging] = useState<number | null>(null);
  const [rowError, setRowError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const name = pickText(props.taxonomy.name, locale);
  const nested = hierarchical.has(props.taxonomy.code);

  async function remove(term: Term) {
    setRowError(null);
    setNotice(null);
    try {
      await api.delete(`/api/terms/${term.id}`);
      setDeleting(null);
      setNotice(t('taxonomies.deleted', { code: term.code }));
      list.reload();
      props.onChanged();
      counts.reload();
    } catch (error) {
      setDeleting(null);
      setRowError(toAppError(error));
    }
  }

  const inUse = rowError?.code === 'CONFLICT';
  return (
    <section className="card" aria-labelledby="terms-title">
      <h2 id="terms-title">{t('taxonomies.termsOf', { name })}</h2>
      <search aria-label={t('taxonomies.searchTerms')}>
        <form
          className="filters"
          onSubmit={(event) => {
            event.preventDefault();
            props.apply({ q: draft.q });
          }}
        >
          <Field name="q" label={t('taxonomies.searchTerms')}>
            {(control) => (
              <input
                {...control}
                type="search"
                value={draft.q}
                onChange={(event) => setDraft({ q: event.target.value })}
              />
            )}
          </Field>
          <Field name="untranslated" label={t('taxonomies.showTerms')}>
            {(control) => (
              <select
                {...control}
                value={filters.untranslated}
                onChange={(event) => props.apply({ untranslated: event.target.value })}
              >
                <option value="">{t('taxonomies.allTerms')}</option>
                {locales
                  .filter((code) => code !== 'en')
                  .map((code) => (
                    <option key={code} value={code}>
                      {t('taxonomies.untranslatedIn', {
                        language: languageName(code, locale),
                        count: counts.data?.untranslated[code] ?? 0,
                        n: formatNumber(counts.data?.untranslated[code] ?? 0),
                      })}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <div className="form-actions">
            <button type="submit">{t('register.search')}</button>
          </div>
        </form>
      </search>
      {filters.parent ? (
        <p className="filter-chip">
          {t('taxonomies.childrenOf', { code: filters.parentCode || filters.parent })}{' '}
          <button type="button" className="button-link" onClick={() => props.apply({ parent: '', parentCode: '' })}>
            {t('taxonomies.allTerms')}
          </button>
        </p>
      ) : null}
      {inUse ? (
        <div className="alert alert-error" role="alert">
          {t('taxonomies.termInUse', { count: Number(rowError?.params.count ?? 0) })}
        </div>
      ) : (
        <ErrorMessage error={list.error ?? rowError} />
      )}
      <SuccessMessage>{notice}</SuccessMessage>
      {props.canMerge && mergeable(props.taxonomy.code) ? (
        <VariantGroups
          taxonomy={props.taxonomy.code}
          onMerged={() => {
            list.reload();
            props.onChanged();
            counts.reload();
          }}
        />
      ) : null}
      <ListCard
        list={list}
        count={(count) => t('taxonomies.termCountN', { count })}
        filtered={Boolean(filters.q || filters.parent || translating)}
        onPage={props.setPage}
      >
        {(data, labelId) => (
          <table aria-labelledby={labelId}>
            <thead>
              <tr>
                <th scope="col">{t('taxonomies.code')}</th>
                <th scope="col">{t('taxonomies.label')}</th>
                <th scope="col">{t('taxonomies.usage')}</th>
                {props.canEdit || nested ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((term) =>
                merging === term.id ? (
                  <tr key={term.id}>
                    <td colSpan={4}>
                      <MergeTerm
                        term={term}
                        onDone={(result) => {
                          setMerging(null);
                          if (!result) return;
                          setNotice(
                            result.into
                              ? t('taxonomies.merged', {
                                  code: term.code,
                                  into: result.into.code,
                                  count: result.recommendations,
                                })
                              : t('taxonomies.removed', { code: term.code, count: result.recommendations }),
                          );
                          list.reload();
                          props.onChanged();
                          counts.reload();
                        }}
                      />
                    </td>
                  </tr>
                ) : editing === term.id ? (
                  <tr key={term.id}>
                    <td colSpan={4}>
                      <EditTerm
                        term={term}
                        onDone={(saved) => {
                          setEditing(null);
                          if (saved) counts.reload();
                          if (saved) {
                            setNotice(t('taxonomies.saved', { code: term.code }));
                            list.setData((current) =>
                              current
                                ? {
                                    ...current,
                                    items: current.items.map((item) => (item.id === saved.id ? saved : item)),
                                  }
                                : current,
                            );
                          }
                        }}
                        onStale={list.reload}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={term.id}>
                    <td dir="ltr" className="mono">
                      {term.code}
                    </td>
                    <td>
                      {translating && props.canEdit ? (
                        <>
                          <span lang="en" dir="ltr">
                            {term.label.en ?? term.code}
                          </span>
                          <TranslateTerm
                            term={term}
                            language={translating}
                            onSaved={(saved) => {
                              setNotice(
                                t('taxonomies.translated', {
                                  code: saved.code,
                                  language: languageName(translating, locale),
                                }),
                              );
                              list.reload();
                              counts.reload();
                            }}
                          />
                        </>
                      ) : (
                        <TermLabel term={term} locale={locale} />
                      )}
                      {term.final ? <span className="badge">{t('taxonomies.finalBadge')}</span> : null}
                    </td>
                    <td>{formatNumber(term.usage)}</td>
                    {props.canEdit || nested ? (
                      <td>
                        <div className="row-actions">
                          {nested ? (
                            <Link
                              to={`/taxonomies?code=${props.taxonomy.code}&parent=${term.id}&parentCode=${encodeURIComponent(term.code)}`}
                            >
                              {t('taxonomies.showChildrenOf', { code: term.code })}
                            </Link>
                          ) : null}
                          {props.canEdit ? (
                            <>
                              <button
                                type="button"
                                className="button-secondary button-small"
                                aria-label={t('taxonomies.editNamed', { code: term.code })}
                                onClick={() => {
                                  setNotice(null);
                                  setEditing(term.id);
                                }}
                              >
                                {t('common.edit')}
                              </button>
                              {props.canMerge && mergeable(term.taxonomy) && term.usage > 0 ? (
                                <button
                                  type="button"
                                  className="button-secondary button-small"
                                  aria-label={t('taxonomies.mergeNamed', { code: term.code })}
                                  onClick={() => {
                                    setNotice(null);
                                    setRowError(null);
                                    setMerging(term.id);
                                  }}
                                >
                                  {t('taxonomies.merge')}
                                </button>
                              ) : null}
                              {deleting === term.id ? (
                                <>
                                  <button
                                    type="button"
                                    className="button-danger button-small"
                                    onClick={() => remove(term)}
                                  >
                                    {t('taxonomies.confirmDelete', { code: term.code })}
                                  </button>
                                  <button type="button" className="button-link" onClick={() => setDeleting(null)}>
                                    {t('common.cancel')}
                                  </button>
                                </>
                              ) : (
                                <button
                                  type="button"
                                  className="button-secondary button-small"
                                  aria-label={t('taxonomies.deleteNamed', { code: term.code })}
                                  onClick={() => {
                                    setRowError(null);
                                    setDeleting(term.id);
                                  }}
                                >
                                  {t('taxonomies.delete')}
                                </button>
                              )}
                            </>
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      </ListCard>
      {props.canEdit ? (
        <NewTerm
          taxonomy={props.taxonomy.code}
          parentId={filters.parent ? Number(filters.parent) : null}
          onCreated={(term) => {
            setNotice(t('taxonomies.termCreated', { code: term.code }));
            list.reload();
            props.onChanged();
            counts.reload();
          }}
        />
      ) : null}
    </section>
  );
}

/** The label in the reader's language; an English one shown in its place is marked as English. */
function TermLabel(props: { term: Term; locale: Locale }) {
  const { t } = useT();
  const { term, locale } = props;
  if (term.label[locale]?.trim() || locale === 'en') return <>{pickText(term.label, locale)}</>;
  return (
    <>
      <span lang="en" dir="ltr">
        {pickText(term.label, locale)}
      </span>{' '}
      <span className="badge">{t('taxonomies.notTranslated')}</span>
    </>
  );
}

function EditTerm(props: { term: Term; onDone: (saved: Term | null) => void; onStale: () => void }) {
  const { t } = useT();
  const [label, setLabel] = useState<Labels>(props.term.label);
  const [final, setFinal] = useState(props.term.final);
  const isStatus = props.term.taxonomy === 'status';
  const form = useSubmit(updateTermSchema, (input) => api.patch<Term>(`/api/terms/${props.term.id}`, input));

  async function submit(event: FormEvent) {
    const saved = await form.submit(
      { label: trimLabels(label), ...(isStatus ? { final } : {}), version: props.term.version },
      event,
    );
    if (saved) props.onDone(saved);
  }

  // Someone else saved first: load their version; the next save goes on top of it.
  const stale = form.error?.code === 'STALE_VERSION';
  const { onStale } = props;
  useEffect(() => {
    if (stale) onStale();
  }, [stale, onStale]);

  return (
    <form onSubmit={submit} noValidate className="term-edit">
      <ErrorMessage error={form.error} />
      <LabelFields
        legend={t('taxonomies.labelsOf', { code: props.term.code })}
        value={label}
        errors={form.fieldErrors}
        errorPrefix="label"
        onChange={setLabel}
      />
      {isStatus ? <FinalField checked={final} onChange={setFinal} error={form.fieldErrors.final} /> : null}
      <div className="form-actions">
        <button type="submit" disabled={form.busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={() => props.onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function NewTerm(props: { taxonomy: string; parentId: number | null; onCreated: (term: Term) => void }) {
  const { t } = useT();
  const [code, setCode] = useState('');
  const [label, setLabel] = useState<Labels>({});
  const [final, setFinal] = useState(false);
  const isStatus = props.taxonomy === 'status';
  const form = useSubmit(createTermSchema, (input) => api.post<Term>(`/api/taxonomies/${props.taxonomy}/terms`, input));

  async function submit(event: FormEvent) {
    const created = await form.submit(
      {
        code: code.trim(),
        label: trimLabels(label),
        parentId: props.parentId ?? undefined,
        ...(isStatus ? { final } : {}),
      },
      event,
    );
    if (!created) return;
    setCode('');
    setLabel({});
    setFinal(false);
    props.onCreated(created);
  }

  const codeTaken = form.error?.code === 'CONFLICT';
  return (
    <details className="edit-details">
      <summary>{props.parentId ? t('taxonomies.newChildTerm') : t('taxonomies.newTerm')}</summary>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={codeTaken ? null : form.error} />
        <Field
          name="code"
          label={t('taxonomies.code')}
          error={
            codeTaken
              ? t('taxonomies.termCodeTaken', { code: String(form.error?.params.code ?? code) })
              : form.fieldErrors.code
          }
        >
          {(control) => (
            <input {...control} type="text" dir="ltr" value={code} onChange={(event) => setCode(event.target.value)} />
          )}
        </Field>
        <LabelFields
          legend={t('taxonomies.label')}
          value={label}
          errors={form.fieldErrors}
          errorPrefix="label"
          onChange={setLabel}
        />
        {isStatus ? <FinalField checked={final} onChange={setFinal} error={form.fieldErrors.final} /> : null}
        <button type="submit" disabled={form.busy}>
          {t('taxonomies.addTerm')}
        </button>
      </form>
    </details>
  );
}

/** Statuses only: whether follow-up ends in this status (its recommendations are never overdue). */
function FinalField(props: { checked: boolean; onChange: (final: boolean) => void; error: string | undefined }) {
  const { t } = useT();
  return <CheckboxField name="final" label={t('taxonomies.final')} hint={t('taxonomies.finalHint')} {...props} />;
}
