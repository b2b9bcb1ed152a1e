// What build/i18n-plugin.ts generates from the catalogues and the sources.
declare module 'virtual:i18n' {
  /** Route path → the name of its page's part of the catalogue. */
  export const parts: Record<string, string>;
  /** One part of one language's catalogue: '@core' or a page's part. */
  export function loadPart(locale: string, part: string): Promise<Record<string, string>>;
}
