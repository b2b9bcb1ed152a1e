import { Link } from 'react-router';
import type { EntityImportPlan } from '../../../shared/schemas/entities';
import { api } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { useT } from '../../i18n/i18n-provider';
import { SpreadsheetImport } from '../imports/spreadsheet-import';
import { kindLabel, levelLabel, useLevels } from './labels';

/**
 * Bulk import of entities from CSV or XLSX: a dry run shows what would be created, updated and
 * skipped and each problem with its row and column; applying sends the same file again and writes
 * it in one transaction, or nothing while a problem remains.
 */
export default function EntitiesImportPage() {
  const { t } = useT();
  return (
    <>
      <PageTitle>{t('entities.import.title')}</PageTitle>
      <p>
        <Link to="/entities">{t('entities.back')}</Link>
      </p>
      <SpreadsheetImport<EntityImportPlan>
        text={{
          fileTitle: t('entities.import.fileTitle'),
          file: t('entities.import.file'),
          preview: t('entities.import.preview'),
          planTitle: t('entities.import.planTitle'),
          appliedTitle: t('entities.import.applied'),
          appliedNotice: (count) => t('entities.import.appliedNotice', { count }),
          problems: t('entities.import.problems'),
          fixFirst: t('entities.import.fixFirst'),
          apply: (count) => t('entities.import.apply', { count }),
        }}
        intro={
          <>
            <p>{t('entities.import.intro')}</p>
            <p className="subtle">{t('entities.import.columns')}</p>
          </>
        }
        send={(step, file) =>
          api.upload<EntityImportPlan>(`/api/entities/import/${step}`, file, { fileName: file.name })
        }
        counts={(plan) => (
          <ul className="tag-list">
            {(['create', 'update', 'skip', 'error'] as const).map((action) => (
              <li key={action} className="tag">
                {t(`entities.import.count.${action}`, { count: plan.counts[action] })}
              </li>
            ))}
          </ul>
        )}
        rows={(plan) => <PlanRows plan={plan} />}
      />
    </>
  );
}

function PlanRows(props: { plan: EntityImportPlan }) {
  const i18n = useT();
  const { t, formatNumber } = i18n;
  const levels = useLevels();
  const { plan } = props;
  return (
    <>
      <h3 id="import-rows">{t('entities.import.rows', { shown: formatNumber(plan.shownRows) })}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-scroll" aria-labelledby="import-rows" tabIndex={0}>
        <table aria-labelledby="import-rows">
          <thead>
            <tr>
              <th scope="col">{t('entities.import.row')}</th>
              <th scope="col">{t('entities.import.actionColumn')}</th>
              <th scope="col">{t('entities.fields.name')}</th>
              <th scope="col">{t('entities.fields.kind')}</th>
              <th scope="col">{t('entities.fields.parent')}</th>
              <th scope="col">{t('entities.import.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row) => (
              <tr key={row.row}>
                <td>{formatNumber(row.row)}</td>
                <td>{t(`entities.import.action.${row.action}`)}</td>
                <td>
                  {row.name}
                  {row.subdivisionCode ? (
                    <span className="block subtle mono" dir="ltr">
                      {row.subdivisionCode}
                    </span>
                  ) : null}
                </td>
                <td>
                  {row.kind === 'lrg' && row.lrgLevel ? levelLabel(row.lrgLevel, levels, i18n) : kindLabel(row.kind, t)}
                </td>
                <td>{row.parent ?? '—'}</td>
                <td>{row.changes.map((field) => t(`entities.import.field.${field}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
