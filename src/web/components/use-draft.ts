import { useEffect, useState } from 'react';

/** A form's copy of the URL filters, reset when the URL changes (back button, clear). */
export function useDraft<T extends Record<string, string>>(filters: T) {
  const [draft, setDraft] = useState(filters);
  const key = JSON.stringify(filters);
  useEffect(() => setDraft(JSON.parse(key) as T), [key]);
  return [draft, setDraft] as const;
}
