import { useT } from '../i18n/i18n-provider';

/**
 * A label the server sent in another language than the reader's (a term not translated yet,
 * shown in English): marked with its `lang`, so it is read in that language, and flagged with the
 * language's code (its full name in the tooltip and for screen readers).
 */
export function FallbackText(props: { text: string; lang?: string | undefined; className?: string }) {
  const { t } = useT();
  if (!props.lang) return <span className={props.className}>{props.text}</span>;
  return (
    <span className={props.className}>
      <span lang={props.lang} dir="auto">
        {props.text}
      </span>{' '}
      <abbr className="lang-mark" title={t('taxonomies.notTranslated')}>
        {props.lang.toUpperCase()}
      </abbr>
    </span>
  );
}
