import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables in migrations/. Keep in step with the SQL. */
export interface DB {
  schema_migrations: { name: string; applied_at: Generated<Date> };
  state_profile: StateProfileTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  audit_events: AuditEventsTable;
  entities: EntitiesTable;
}

type Json<T> = ColumnType<T, T | string, T | string>;
export type LocalizedText = Partial<Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', string>>;

export interface StateProfileTable {
  id: Generated<number>;
  country_iso2: string;
  country_name: Json<LocalizedText>;
  nmirf_name: Json<LocalizedText>;
  nmirf_mandate: Json<LocalizedText>;
  system_of_government: 'unitary' | 'federal' | 'devolved';
  lrg_level_names: Json<{ level: number; name: LocalizedText }[]>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: string;
  organisation: string | null;
  locale: Generated<string>;
  password_hash: string | null;
  status: Generated<'invited' | 'active' | 'disabled'>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  last_sign_in_at: Date | null;
  entity_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface UserTokensTable {
  id: Generated<string>;
  kind: 'invitation' | 'password_reset';
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  actor_label: string;
  action: string;
  record_type: string;
  record_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  request_id: string | null;
  ip: string | null;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type StateProfileRow = Selectable<StateProfileTable>;

export type EntityKind =
  | 'ministry'
  | 'agency'
  | 'parliament'
  | 'judiciary'
  | 'independent_body'
  | 'nhri'
  | 'cso'
  | 'lrg'
  | 'lrg_network';

export interface EntitiesTable {
  id: Generated<string>;
  kind: EntityKind;
  name: string;
  name_local: string | null;
  acronym: string | null;
  parent_id: string | null;
  lrg_level: number | null;
  subdivision_code: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
