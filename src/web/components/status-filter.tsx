import { useT } from '../i18n/i18n-provider';
import { Field } from './field';

/** The status filter above an admin list: "All", then each status in the list's own words. */
export function StatusFilter(props: {
  value: string;
  statuses: readonly string[];
  labelOf: (status: string) => string;
  onChange: (status: string) => void;
}) {
  const { t } = useT();
  return (
    <div className="filters-inline">
      <Field name="status" label={t('fields.status')}>
        {(control) => (
          <select {...control} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
            <option value="">{t('common.all')}</option>
            {props.statuses.map((status) => (
              <option key={status} value={status}>
                {props.labelOf(status)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
