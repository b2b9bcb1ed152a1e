import { Link } from 'react-router';
import { directionOf } from '../../../shared/i18n/locales';
import type { RecommendationSummary } from '../../../shared/schemas/register';
import type { Term } from '../../../shared/schemas/taxonomies';
import { useProgressiveCount } from '../../components/use-progressive';
import { useT } from '../../i18n/i18n-provider';
import { Highlighted } from './highlight';
import { positionLabel, statusLabelOf } from './labels';

/** One search result: what it is, where from, the passage that matched, and its classification. */
export function ResultList(props: {
  items: RecommendationSummary[];
  bodyNames: Map<string, string>;
  statuses: readonly Term[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onSelect: (id: string, on: boolean) => void;
}) {
  const i18n = useT();
  const { t, locale } = i18n;
  // The first screen at once, the rest in slices when the browser is idle (decision 041).
  const shown = useProgressiveCount(props.items);
  return (
    <ol className="result-list">
      {props.items.slice(0, shown).map((item) => {
        const title = item.number
          ? t('register.resultTitle', { number: item.number, symbol: item.reviewSymbol ?? item.bodyCode })
          : (item.reviewSymbol ?? item.bodyCode);
        const headingId = `result-${item.id}`;
        return (
          <li key={item.id} className="result">
            {props.selectable ? (
              <input
                type="checkbox"
                className="result-select"
                checked={props.selected.has(item.id)}
                onChange={(event) => props.onSelect(item.id, event.target.checked)}
                aria-label={t('register.selectOne', { title })}
              />
            ) : null}
            <div className="result-body">
              <h3 id={headingId} className="result-title">
                <Link to={`/register/${item.id}`}>{title}</Link>
              </h3>
              <p className="result-source subtle">
                {props.bodyNames.get(item.bodyCode) ?? item.bodyCode}
                {item.cycle ? ` · ${t('register.cycleN', { cycle: item.cycle })}` : ''}
              </p>
              <p className="result-text" lang={item.textLang} dir={directionOf(item.textLang)}>
                <Highlighted text={item.snippet ?? item.text} />
              </p>
              <ul className="tag-list">
                {item.position ? (
                  <li>
                    <span className="badge badge-position">{positionLabel(item.position, i18n)}</span>
                  </li>
                ) : null}
                <li>
                  <span className={`badge badge-status-${item.status}`}>
                    {statusLabelOf(props.statuses, item.status, locale)}
                  </span>
                </li>
                {item.themes.map((theme) => (
                  <li key={theme}>
                    <span className="tag">{theme}</span>
                  </li>
                ))}
                {item.sdgTargets.map((target) => (
                  <li key={target}>
                    <span className="tag tag-sdg">{t('register.sdgTarget', { code: target })}</span>
                  </li>
                ))}
              </ul>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
