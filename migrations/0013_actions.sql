-- Actions (measures): what government does to implement recommendations. One responsible
-- entity, any supporting ones, dates, a budget and a status; linked to recommendations and to
-- clusters (a cluster's plan of action answers all its members).
create table actions (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  description text,
  responsible_entity_id uuid not null references entities (id) on delete restrict,
  start_date date,
  end_date date,
  budget_amount numeric(18, 2) check (budget_amount is null or budget_amount >= 0),
  budget_currency char(3),
  budget_source text,
  status text not null default 'planned'
    check (status in ('planned', 'in_progress', 'completed', 'cancelled')),
  created_by uuid references users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date is null or start_date is null or end_date >= start_date),
  check ((budget_amount is null) = (budget_currency is null))
);
create index actions_responsible_idx on actions (responsible_entity_id);
create index actions_end_idx on actions (end_date) where status in ('planned', 'in_progress');

create table action_entities (
  action_id uuid not null references actions (id) on delete cascade,
  entity_id uuid not null references entities (id) on delete restrict,
  primary key (action_id, entity_id)
);
create index action_entities_entity_idx on action_entities (entity_id);

create table action_recommendations (
  action_id uuid not null references actions (id) on delete cascade,
  recommendation_id uuid not null references recommendations (id) on delete cascade,
  primary key (action_id, recommendation_id)
);
create index action_recommendations_rec_idx on action_recommendations (recommendation_id);

create table action_clusters (
  action_id uuid not null references actions (id) on delete cascade,
  cluster_id uuid not null references clusters (id) on delete cascade,
  primary key (action_id, cluster_id)
);
create index action_clusters_cluster_idx on action_clusters (cluster_id);
