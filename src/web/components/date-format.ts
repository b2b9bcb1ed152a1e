/** Dates as a locale writes them with numbers, for the shared date field (date-input.tsx). */

export const toIso = (date: Date) => date.toISOString().slice(0, 10);

/** Arabic-Indic and Persian digits read as 0-9. */
const westernDigits = (text: string) =>
  text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));

/** How `locale` writes a date with numbers (its order of day, month and year), both ways. */
export function dateFormat(locale: string) {
  const intl = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const order = intl
    .formatToParts(new Date(Date.UTC(2026, 11, 31)))
    .map((part) => part.type)
    .filter((kind): kind is 'year' | 'month' | 'day' => kind === 'year' || kind === 'month' || kind === 'day');
  const pattern = intl.format(new Date(Date.UTC(2026, 11, 31)));
  return {
    order,
    /** An example in the locale's own writing, as the field's placeholder. */
    pattern,
    show(iso: string): string {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      if (!match) return iso;
      return intl.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
    },
    /** The ISO date of `text` in this order (any separators, any digits), or null. */
    read(text: string): string | null {
      const numbers = westernDigits(text).match(/\d+/g);
      if (numbers?.length !== 3) return null;
      const parts: Record<string, number> = {};
      order.forEach((kind, index) => {
        parts[kind] = Number(numbers[index]);
      });
      const { year = 0, month = 0, day = 0 } = parts;
      if (year < 1000 || year > 9999) return null;
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
      return toIso(date);
    },
  };
}
