import { sql } from 'kysely';

// SQL pieces shared by the calls repositories.

export const deadlineText = sql<string>`to_char(c.deadline, 'YYYY-MM-DD')`;

export const focalPointCount = sql<number>`(select count(*) from entity_people fp join users fu on fu.id = fp.user_id
  where fp.entity_id = e.id and fp.role in ('main', 'alternate') and fu.status = 'active')::int`;
