import { sql } from 'kysely';
import { type Locale, locales } from '../../../shared/i18n/locales';

// SQL pieces shared by the calls repositories.

/** Who can be held to account for a recommendation: consulted stakeholders and networks cannot. */
export const dutyBearerKinds = ['ministry', 'agency', 'parliament', 'judiciary', 'independent_body', 'lrg'] as const;

export const deadlineText = sql<string>`to_char(c.deadline, 'YYYY-MM-DD')`;

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The recommendation's text in the reader's language where the register has it, else the original. */
export function localizedText(locale: Locale) {
  return [
    sql<string>`coalesce(${sql.ref(`r.text_${locale}`)}, case r.original_lang ${sql.join(
      locales.map((l) => sql`when ${l} then ${sql.ref(`r.text_${l}`)}`),
      sql` `,
    )} end, '')`.as('text'),
    sql<string>`case when ${sql.ref(`r.text_${locale}`)} is not null then ${locale} else r.original_lang end`.as(
      'text_lang',
    ),
  ] as const;
}

export const focalPointCount = sql<number>`(select count(*) from entity_people fp join users fu on fu.id = fp.user_id
  where fp.entity_id = e.id and fp.role in ('main', 'alternate') and fu.status = 'active')::int`;
