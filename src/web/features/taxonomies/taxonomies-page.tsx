import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { createTaxonomySchema, type Taxonomy } from '../../../shared/schemas/taxonomies';
import { api } from '../../api/client';
import { ErrorMessage, SuccessMessage } from '../../components/error-message';
import { Field } from '../../components/field';
import { pickText } from '../../components/localized';
import { PageTitle } from '../../components/page-title';
import { useApi } from '../../components/use-api';
import { useSubmit } from '../../components/use-submit';
import { useUrlFilters } from '../../components/use-url-filters';
import { useT } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';
import { BodiesPanel } from './bodies-panel';
import { LabelFields, type Labels, trimLabels } from './label-fields';
import { TermsPanel } from './terms-panel';

const filterKeys = ['code', 'q', 'parent', 'parentCode', 'untranslated'] as const;

export default function TaxonomiesPage() {
  const { t, locale, formatNumber } = useT();
  const { can } = useSession();
  const canEdit = can('taxonomies:manage');
  const canAdminister = can('taxonomies:administer');
  const url = useUrlFilters(filterKeys);
  const list = useApi<Taxonomy[]>('/api/taxonomies');
  const selected = list.data?.find((taxonomy) => taxonomy.code === url.filters.code) ?? null;

  return (
    <>
      <PageTitle>{t('taxonomies.title')}</PageTitle>
      <p className="lead">{t('taxonomies.intro')}</p>
      <ErrorMessage error={list.error} />
      <section className="card" aria-labelledby="taxonomy-list-title">
        <h2 id="taxonomy-list-title">{t('taxonomies.list')}</h2>
        {list.data ? (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
          <section className="table-scroll" aria-labelledby="taxonomy-list-title" tabIndex={0}>
            <table aria-labelledby="taxonomy-list-title">
              <thead>
                <tr>
                  <th scope="col">{t('taxonomies.name')}</th>
                  <th scope="col">{t('taxonomies.code')}</th>
                  <th scope="col">{t('taxonomies.kind')}</th>
                  <th scope="col">{t('taxonomies.termCount')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((taxonomy) => (
                  <tr key={taxonomy.code} aria-current={taxonomy.code === url.filters.code ? 'true' : undefined}>
                    <th scope="row">
                      <Link to={`/taxonomies?code=${taxonomy.code}`}>{pickText(taxonomy.name, locale)}</Link>
                    </th>
                    <td dir="ltr" className="mono">
                      {taxonomy.code}
                    </td>
                    <td>{taxonomy.builtin ? t('taxonomies.builtin') : t('taxonomies.custom')}</td>
                    <td>{formatNumber(taxonomy.termCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {canEdit ? (
          <NewTaxonomy
            onCreated={(code) => {
              list.reload();
              url.apply({ code, q: '', parent: '', parentCode: '' });
            }}
          />
        ) : null}
      </section>
      {selected ? (
        <TermsPanel
          key={selected.code}
          taxonomy={selected}
          canEdit={canEdit}
          canMerge={canAdminister}
          filters={url.filters}
          page={url.page}
          apply={url.apply}
          setPage={url.setPage}
          onChanged={list.reload}
        />
      ) : null}
      <BodiesPanel canEdit={canAdminister} />
    </>
  );
}

function NewTaxonomy(props: { onCreated: (code: string) => void }) {
  const i18n = useT();
  const { t } = i18n;
  const [code, setCode] = useState('');
  const [name, setName] = useState<Labels>({});
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSubmit(createTaxonomySchema, (input) => api.post<Taxonomy>('/api/taxonomies', input));

  async function submit(event: FormEvent) {
    setNotice(null);
    const created = await form.submit({ code: code.trim(), name: trimLabels(name) }, event);
    if (!created) return;
    setNotice(t('taxonomies.created', { name: name.en ?? created.code }));
    setCode('');
    setName({});
    props.onCreated(created.code);
  }

  const codeTaken = form.error?.code === 'CONFLICT';
  return (
    <details className="edit-details">
      <summary>{t('taxonomies.newTaxonomy')}</summary>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={codeTaken ? null : form.error} />
        <SuccessMessage>{notice}</SuccessMessage>
        <Field
          name="code"
          label={t('taxonomies.code')}
          hint={t('taxonomies.codeHint')}
          error={
            codeTaken
              ? t('taxonomies.codeTaken', { code })
              : form.fieldErrors.code
                ? t('taxonomies.codeInvalid')
                : undefined
          }
        >
          {(control) => (
            <input {...control} type="text" dir="ltr" value={code} onChange={(event) => setCode(event.target.value)} />
          )}
        </Field>
        <LabelFields
          legend={t('taxonomies.name')}
          value={name}
          errors={form.fieldErrors}
          errorPrefix="name"
          onChange={setName}
        />
        <button type="submit" disabled={form.busy}>
          {t('taxonomies.create')}
        </button>
      </form>
    </details>
  );
}
