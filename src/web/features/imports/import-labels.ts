import type { I18n } from '../../i18n/i18n-provider';

type Translate = Pick<I18n, 't' | 'has'>;

/** The detected formats the importer names (parsers/detect.ts); unknown ones show as they come. */
export function formatLabel(format: string, i18n: Translate): string {
  return i18n.has(`imports.format.${format}`) ? i18n.t(`imports.format.${format}`) : format;
}

/** Why a row is skipped (build-plan.ts): voluntaryPledge, notARecommendation, emptyText, ... */
export function reasonLabel(reason: string | undefined, i18n: Translate): string {
  if (!reason) return '';
  return i18n.has(`imports.reason.${reason}`) ? i18n.t(`imports.reason.${reason}`) : reason;
}

/** A parser's message is a catalogue key (issues.*) or, from a library, plain text. */
export function issueText(message: string, i18n: Translate, params?: Record<string, string>): string {
  return i18n.has(message) ? i18n.t(message, params) : message;
}

/** Field names in a row's changes: text_es, position, sdg_targets, ... */
export function changeFieldLabel(field: string, i18n: Translate): string {
  const text = /^text_([a-z]{2})$/.exec(field);
  if (text) return i18n.t('imports.changeText', { language: text[1] ?? '' });
  return i18n.has(`imports.changeField.${field}`) ? i18n.t(`imports.changeField.${field}`) : field;
}

/** A stored value as a reader reads it; `field` names it, so that codes (a position) read as words. */
export function formatValue(value: unknown, i18n: Translate, field?: string): string {
  if (value === null || value === undefined || value === '') return i18n.t('imports.empty');
  if (field === 'position' && typeof value === 'string' && i18n.has(`register.position.${value}`))
    return i18n.t(`register.position.${value}`);
  if (typeof value === 'boolean') return value ? i18n.t('imports.yes') : i18n.t('imports.no');
  if (Array.isArray(value))
    return value.length ? value.map((item) => formatValue(item, i18n)).join(', ') : i18n.t('imports.empty');
  if (typeof value === 'object') {
    const item = value as { label?: unknown; text?: unknown };
    if (typeof item.label === 'string' && typeof item.text === 'string') return `${item.label} ${item.text}`;
    return JSON.stringify(value);
  }
  return String(value);
}

export function formatBytes(bytes: number, formatNumber: I18n['formatNumber']): string {
  if (bytes < 1024) return formatNumber(bytes, { style: 'unit', unit: 'byte' });
  if (bytes < 1024 * 1024)
    return formatNumber(bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  return formatNumber(bytes / 1024 / 1024, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}
