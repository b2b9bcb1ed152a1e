import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n-provider';

/**
 * A small rich-text editor on contenteditable: bold, italic, lists, links and a heading, with
 * the usual shortcuts, emitting HTML. No editor library (ProseMirror, Slate, TipTap weigh more than
 * a page's whole budget); the server sanitises whatever arrives to the same few tags, so this
 * only has to make them. Pasted content comes in as plain text, so foreign markup never enters.
 */
export interface RichTextEditorProps {
  id?: string;
  label: string;
  value: string;
  onChange: (html: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  /** Shows a live word count against this limit (the report builder's sections have one). */
  wordLimit?: number;
  disabled?: boolean;
}

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList' | 'link' | 'heading';

const safeLink = /^(https?:\/\/|mailto:)\S+$/i;

export function countWords(text: string): number {
  const words = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  // Scripts without spaces between words (Chinese) count each character as a word, as UN word limits do.
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return (words?.filter((word) => !/^\p{Script=Han}+$/u.test(word)).length ?? 0) + han;
}

export function RichTextEditor(props: RichTextEditorProps) {
  const { t, dir, formatNumber } = useT();
  const generated = useId();
  const id = props.id ?? generated;
  const area = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Record<string, boolean>>({});
  const [words, setWords] = useState(0);
  const [linkError, setLinkError] = useState(false);
  const { onChange, value } = props;

  // The initial value goes in once; afterwards the DOM is the state (re-setting it moves the caret).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the first value is loaded.
  useEffect(() => {
    if (area.current && area.current.innerHTML !== value) area.current.innerHTML = value;
    setWords(countWords(area.current?.innerText ?? ''));
  }, []);

  const refresh = useCallback(() => {
    setActive({
      bold: document.queryCommandState('bold'),
      italic: document.queryCommandState('italic'),
      insertUnorderedList: document.queryCommandState('insertUnorderedList'),
      insertOrderedList: document.queryCommandState('insertOrderedList'),
      heading: /^h3$/i.test(String(document.queryCommandValue('formatBlock'))),
    });
  }, []);

  const emit = useCallback(() => {
    const element = area.current;
    if (!element) return;
    setWords(countWords(element.innerText));
    onChange(element.innerHTML);
  }, [onChange]);

  function run(command: Command) {
    area.current?.focus();
    if (command === 'link') {
      const url = window.prompt(t('editor.linkPrompt'), 'https://')?.trim();
      if (!url) return;
      if (!safeLink.test(url)) {
        setLinkError(true);
        return;
      }
      setLinkError(false);
      document.execCommand('createLink', false, url);
    } else if (command === 'heading') {
      document.execCommand('formatBlock', false, active.heading ? 'p' : 'h3');
    } else {
      document.execCommand(command);
    }
    refresh();
    emit();
  }

  function shortcut(event: KeyboardEvent) {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    const command: Command | null =
      key === 'b'
        ? 'bold'
        : key === 'i'
          ? 'italic'
          : key === 'k'
            ? 'link'
            : event.shiftKey && key === '8'
              ? 'insertUnorderedList'
              : event.shiftKey && key === '7'
                ? 'insertOrderedList'
                : event.altKey && key === '3'
                  ? 'heading'
                  : null;
    if (!command) return;
    event.preventDefault();
    run(command);
  }

  const buttons: { command: Command; label: string; keys: string; text: string }[] = [
    { command: 'bold', label: t('editor.bold'), keys: 'Control+B', text: 'B' },
    { command: 'italic', label: t('editor.italic'), keys: 'Control+I', text: 'I' },
    { command: 'heading', label: t('editor.heading'), keys: 'Control+Alt+3', text: 'H' },
    { command: 'insertUnorderedList', label: t('editor.bulletList'), keys: 'Control+Shift+8', text: '•' },
    { command: 'insertOrderedList', label: t('editor.numberedList'), keys: 'Control+Shift+7', text: '1.' },
    { command: 'link', label: t('editor.link'), keys: 'Control+K', text: '🔗' },
  ];
  const labelId = `${id}-label`;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error || linkError ? `${id}-error` : undefined;
  const countId = props.wordLimit ? `${id}-count` : undefined;
  const over = props.wordLimit !== undefined && words > props.wordLimit;
  return (
    <div className={`field rich-text${props.error || over ? ' field-invalid' : ''}`} dir={dir}>
      <span className="field-label" id={labelId}>
        {props.label}
      </span>
      {props.hint ? (
        <p className="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <div className="rich-text-toolbar" role="toolbar" aria-label={t('editor.toolbar')} aria-controls={id}>
        {buttons.map((button) => (
          <button
            key={button.command}
            type="button"
            className="rich-text-button"
            aria-label={button.label}
            title={button.label}
            aria-keyshortcuts={button.keys}
            aria-pressed={button.command === 'link' ? undefined : Boolean(active[button.command])}
            disabled={props.disabled}
            // Keeps the selection in the text while clicking.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(button.command)}
          >
            {/* The glyph is drawn by CSS: the name is the label alone (WCAG 2.5.3 would fault "1."). */}
            <span aria-hidden="true" className="rich-text-glyph" data-glyph={button.text} />
          </button>
        ))}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a textarea cannot hold formatting; contenteditable with the textbox role is the accessible rich-text pattern. */}
      <div
        ref={area}
        id={id}
        className="rich-text-area"
        role="textbox"
        tabIndex={0}
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-describedby={[hintId, errorId, countId].filter(Boolean).join(' ') || undefined}
        aria-invalid={props.error || over ? true : undefined}
        aria-disabled={props.disabled || undefined}
        contentEditable={!props.disabled}
        suppressContentEditableWarning
        dir="auto"
        onInput={emit}
        onKeyDown={shortcut}
        onKeyUp={refresh}
        onMouseUp={refresh}
        onPaste={(event) => {
          event.preventDefault();
          document.execCommand('insertText', false, event.clipboardData.getData('text/plain'));
        }}
      />
      {props.wordLimit !== undefined ? (
        <p className={`rich-text-count${over ? ' field-error' : ''}`} id={countId} aria-live="polite">
          {over
            ? t('editor.wordsOver', { count: formatNumber(words), limit: formatNumber(props.wordLimit) })
            : t('editor.words', { count: formatNumber(words), limit: formatNumber(props.wordLimit) })}
        </p>
      ) : null}
      {props.error || linkError ? (
        <p className="field-error" id={errorId}>
          {props.error ?? t('editor.linkInvalid')}
        </p>
      ) : null}
    </div>
  );
}
