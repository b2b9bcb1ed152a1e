import { sql } from 'kysely';

const configs = [
  ['arabic', 'ar', true],
  ['simple', 'zh', false],
  ['english', 'en', true],
  ['french', 'fr', true],
  ['russian', 'ru', false],
  ['spanish', 'es', true],
] as const;

/** The six per-language vectors in one stored column (what a migration would add), one GIN index. */
export const combinedTsvector = sql.raw(
  configs
    .map(([config, lang, unaccent]) =>
      unaccent
        ? `to_tsvector('${config}', im_unaccent(coalesce(text_${lang}, '')))`
        : `to_tsvector('${config}', coalesce(text_${lang}, ''))`,
    )
    .join(' || '),
);
