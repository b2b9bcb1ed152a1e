-- Indicators (OHCHR's structural / process / outcome framework) and their observations: values
-- for a period and a place (national, or one LRG), disaggregated along the indicator's own
-- dimensions. SDG indicator codes and Voluntary Local Reviews feed the same model.

-- btree_gist lets one exclusion constraint mix equality on plain columns with overlap of date
-- ranges. Debian's postgresql-contrib ships it, and PGlite loads it as a contrib extension
-- (db/database.ts), so both databases refuse overlapping observations themselves.
create extension if not exists btree_gist;

create table indicators (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  title text not null,
  description text,
  type text not null check (type in ('structural', 'process', 'outcome')),
  unit text not null,
  baseline_value numeric,
  baseline_year smallint check (baseline_year between 1900 and 2200),
  target_value numeric,
  target_year smallint check (target_year between 1900 and 2200),
  -- How often a new value is due; 'once' is a single value (structural indicators, mostly).
  frequency text not null check (frequency in ('annual', 'semiannual', 'quarterly', 'monthly', 'once')),
  owner_entity_id uuid not null references entities (id) on delete restrict,
  -- [{ "key": "sex", "values": ["female", "male"] }, { "key": "ethnicity", "label": "Ethnicity", "values": [...] }]
  dimensions jsonb not null default '[]',
  -- Observations may name an LRG (disaggregation by place); without it they are national only.
  by_place boolean not null default false,
  sdg_codes text[] not null default '{}',
  created_by uuid references users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((baseline_value is null) = (baseline_year is null)),
  check (jsonb_typeof(dimensions) = 'array')
);
create unique index indicators_code_key on indicators (lower(code));
create index indicators_owner_idx on indicators (owner_entity_id);
create index indicators_sdg_idx on indicators using gin (sdg_codes);
create index indicators_title_trgm_idx on indicators using gin (title gin_trgm_ops);

create table indicator_recommendations (
  indicator_id uuid not null references indicators (id) on delete cascade,
  recommendation_id uuid not null references recommendations (id) on delete cascade,
  primary key (indicator_id, recommendation_id)
);
create index indicator_recommendations_rec_idx on indicator_recommendations (recommendation_id);

create table observations (
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references indicators (id) on delete cascade,
  -- null: national; else one LRG (checked by the service, which knows the entity's kind).
  place_entity_id uuid references entities (id) on delete restrict,
  period_start date not null,
  period_end date not null,
  value numeric not null,
  lower_bound numeric,
  upper_bound numeric,
  -- { "sex": "female", "age_group": "15-49" }: a key per dimension disaggregated, none for the total.
  disaggregation jsonb not null default '{}',
  source text,
  entered_by uuid references users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end >= period_start),
  check (lower_bound is null or lower_bound <= value),
  check (upper_bound is null or upper_bound >= value),
  check (jsonb_typeof(disaggregation) = 'object'),
  -- One value per indicator, place and disaggregation for any day: periods may not overlap.
  -- jsonb has no GiST operator class; its text form is canonical (keys sorted), so equal
  -- disaggregations give equal text.
  constraint observations_no_overlap exclude using gist (
    indicator_id with =,
    (coalesce(place_entity_id::text, 'national')) with =,
    (disaggregation::text) with =,
    daterange(period_start, period_end, '[]') with &&
  )
);
create index observations_series_idx on observations (indicator_id, place_entity_id, period_end desc);
create index observations_place_idx on observations (place_entity_id) where place_entity_id is not null;

-- The reminder of an indicator's next due date: a pg-boss job (indicator_reminder) fires at
-- due_at and mails the data owner's focal points. One row per indicator and due date, so that
-- scheduling again for the same date changes nothing; a due date that moved cancels the old row.
create table indicator_reminders (
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references indicators (id) on delete cascade,
  due_date date not null,
  due_at timestamptz not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'sent', 'skipped', 'cancelled')),
  job_id uuid,
  mail_count integer,
  done_at timestamptz,
  created_at timestamptz not null default now(),
  unique (indicator_id, due_date)
);
create index indicator_reminders_scheduled_idx on indicator_reminders (indicator_id) where status = 'scheduled';

-- Reminders about indicators' due dates can be turned off apart from calls for input.
alter table notification_preferences add column indicators_by_email boolean not null default true;
