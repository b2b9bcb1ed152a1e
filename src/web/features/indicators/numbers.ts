/**
 * A number as typed: empty is none (null), a decimal comma is accepted ("12,5"), anything else
 * that is not a number is NaN so that the form can say so next to the field instead of sending it.
 */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normalised = trimmed.includes('.') ? trimmed : trimmed.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalised)) return Number.NaN;
  return Number(normalised);
}
