import { useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { mentionCandidateSchema } from '../../../shared/schemas/community';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n-provider';

type Candidate = z.infer<typeof mentionCandidateSchema>;

/**
 * The text of a post: plain text with a small Markdown subset (the hint says which), and a picker
 * that finds hub accounts by name and puts their @handle in the text: a mention mails them.
 */
export function PostEditor(props: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  error?: string | undefined;
  rows?: number;
}) {
  const { t } = useT();
  const id = useId();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Candidate[]>([]);

  useEffect(() => {
    if (search.trim().length < 2) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<Candidate[]>('/api/hub/community/people', { q: search.trim() }, controller.signal)
        .then(setFound)
        .catch(() => setFound([]));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search]);

  function mention(candidate: Candidate) {
    const spacer = props.value === '' || /\s$/.test(props.value) ? '' : ' ';
    props.onChange(`${props.value}${spacer}@${candidate.handle} `);
    setSearch('');
  }

  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={`${id}-text`}>{props.label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('hubCommunity.editor.hint')}
      </p>
      <textarea
        id={`${id}-text`}
        dir="auto"
        rows={props.rows ?? 6}
        value={props.value}
        maxLength={20000}
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
        aria-invalid={props.error ? true : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <div className="community-mention">
        <label htmlFor={`${id}-mention`}>{t('hubCommunity.editor.mention')}</label>
        <input
          id={`${id}-mention`}
          type="search"
          dir="auto"
          value={search}
          placeholder={t('hubCommunity.editor.mentionPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
        />
        {found.length > 0 ? (
          <ul className="community-mention-list">
            {found.map((candidate) => (
              <li key={candidate.id}>
                <button type="button" className="button-secondary" onClick={() => mention(candidate)}>
                  {candidate.name} <span dir="ltr">@{candidate.handle}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
