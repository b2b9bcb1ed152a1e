import { sanitizeNarrative, textToHtml } from '../progress/sanitize';

/**
 * Report text keeps the progress module's allowlist (p, br, strong, em, u, ul, ol, li,
 * a[href http/https/mailto], h3, h4, blockquote): the one rich-text subset the editor makes and
 * the export knows how to write.
 */
export function sanitizeReportHtml(html: string): string {
  return sanitizeNarrative(html);
}

/**
 * A progress narrative as HTML: `html` narratives (the progress editor) are sanitised again, as
 * everything that goes into a report is; `text` ones (answers to calls) become paragraphs. An
 * unknown format is judged by whether it holds the editor's tags.
 */
export function narrativeHtml(narrative: string | null, format: string | null = null): string {
  const text = narrative?.trim() ?? '';
  if (!text) return '';
  const html = format ? format === 'html' : /<\/?(p|br|ul|ol|li|strong|em|h3|h4|blockquote)\b/i.test(text);
  return html ? sanitizeNarrative(text) : textToHtml(text);
}
