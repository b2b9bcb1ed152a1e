import type { ImportPreview } from '../../../shared/schemas/imports';
import { useT } from '../../i18n/i18n-provider';
import { countryName, locationText } from '../register/labels';
import { ColumnMapping } from './column-mapping';
import { ForeignStateNotice } from './foreign-state-notice';
import { formatBytes, formatLabel, issueText } from './import-labels';
import { ReviewChanges } from './preview-kept';
import { PreviewRows } from './preview-rows';
import { StateMatching } from './state-matching';
import type { WizardChoices } from './wizard-options';

/** Step 2: what the file is and what applying it would do, with the choices that change it. */
export function PreviewStep(props: {
  preview: ImportPreview;
  choices: WizardChoices;
  errors: Record<string, string>;
  onChoices: (choices: WizardChoices) => void;
}) {
  const i18n = useT();
  const { t, locale, formatNumber, formatDateTime } = i18n;
  const { preview, choices } = props;
  const newTerms = [
    ...preview.newTerms.themes.map((term) => ({ kind: t('imports.newTheme'), term })),
    ...preview.newTerms.affected.map((term) => ({ kind: t('imports.newAffected'), term })),
    ...preview.newTerms.issues.map((term) => ({ kind: t('imports.newIssue'), term })),
  ];
  const stateErrors = Object.fromEntries(
    Object.entries(props.errors)
      .filter(([key]) => key.startsWith('stateMapping.'))
      .map(([key, message]) => [key.slice('stateMapping.'.length), message]),
  );

  return (
    <>
      <section className="card" aria-labelledby="detected-title">
        <h2 id="detected-title">{t('imports.step.preview')}</h2>
        {preview.alreadyAppliedAt ? (
          <p className="alert alert-warning">
            {t('imports.alreadyApplied', { date: formatDateTime(preview.alreadyAppliedAt) })}
          </p>
        ) : null}
        <dl className="facts">
          <dt>{t('imports.fileName')}</dt>
          <dd>{preview.fileName}</dd>
          <dt>{t('imports.format')}</dt>
          <dd>{formatLabel(preview.format, i18n)}</dd>
          <dt>{t('imports.size')}</dt>
          <dd>{formatBytes(preview.sizeBytes, formatNumber)}</dd>
        </dl>
        <h3>{t('imports.counts')}</h3>
        <ul className="stat-list">
          {(['create', 'update', 'unchanged', 'skip'] as const).map((action) => (
            <li key={action} className={`stat stat-${action}`}>
              <span className="stat-value">{formatNumber(preview.counts[action])}</span>
              <span className="stat-label">{t(`imports.action.${action}`)}</span>
            </li>
          ))}
        </ul>
        {preview.reviews.length > 0 ? (
          <>
            <h3 id="reviews-title">{t('imports.reviews')}</h3>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1). */}
            <section className="table-scroll" aria-labelledby="reviews-title" tabIndex={0}>
              <table aria-labelledby="reviews-title">
                <thead>
                  <tr>
                    <th scope="col">{t('reviews.symbol')}</th>
                    <th scope="col">{t('reviews.body')}</th>
                    <th scope="col">{t('reviews.country')}</th>
                    <th scope="col">{t('recommendation.session')}</th>
                    <th scope="col">{t('imports.reviewAction')}</th>
                    <th scope="col">{t('reviews.recommendations')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.reviews.map((review) => (
                    <tr key={review.key}>
                      <td dir="ltr" className="mono">
                        {review.symbol ?? '—'}
                      </td>
                      <td>{review.bodyCode}</td>
                      <td>{review.countryIso2 ? countryName(review.countryIso2, locale) : '—'}</td>
                      <td>{review.session ?? '—'}</td>
                      <td>
                        {t(`imports.reviewActions.${review.action}`)}
                        <ReviewChanges changes={review.changes ?? []} />
                      </td>
                      <td>{formatNumber(review.recommendations)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        ) : null}
      </section>
      {preview.headers ? (
        <ColumnMapping preview={preview} choices={choices} errors={props.errors} onChange={props.onChoices} />
      ) : null}
      {preview.states.length > 0 ? (
        <StateMatching
          states={preview.states}
          mapping={choices.stateMapping}
          errors={stateErrors}
          onChange={(name, code) =>
            props.onChoices({ ...choices, stateMapping: { ...choices.stateMapping, [name]: code } })
          }
        />
      ) : null}
      <ForeignStateNotice
        foreignState={preview.foreignState}
        confirmed={choices.confirmForeignState}
        error={props.errors.confirmForeignState}
        onConfirm={(confirmForeignState) => props.onChoices({ ...choices, confirmForeignState })}
      />
      {newTerms.length > 0 ? (
        <section className="card" aria-labelledby="terms-title">
          <h2 id="terms-title">{t('imports.newTerms', { count: newTerms.length })}</h2>
          <ul className="tag-list">
            {newTerms.map((item) => (
              <li key={`${item.kind}-${item.term}`}>
                <span className="tag">
                  {item.kind}: {item.term}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {preview.warnings.length > 0 || preview.duplicates.length > 0 ? (
        <section className="card" aria-labelledby="warnings-title">
          <h2 id="warnings-title">{t('imports.warnings')}</h2>
          <ul className="issue-list">
            {preview.warnings.map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings of one preview never move.
              <li key={`w${index}`}>
                <span className="issue-where">
                  {[warning.location.file, locationText(warning.location, t)].filter(Boolean).join(' · ')}
                </span>
                <span className="issue-message">{issueText(warning.message, i18n, warning.params)}</span>
              </li>
            ))}
            {preview.duplicates.map((duplicate, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: duplicates of one preview never move.
              <li key={`d${index}`}>
                <span className="issue-where">{locationText(duplicate.location, t)}</span>
                <span className="issue-message">
                  {t('imports.duplicateOf', { where: locationText(duplicate.duplicateOf, t) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <PreviewRows preview={preview} />
    </>
  );
}
