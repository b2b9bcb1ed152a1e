-- The register's change log (decision 025): which recommendations each write touched, so that
-- every app process patches its in-memory search index with just those rows instead of
-- re-reading the whole register after every write.
--
-- The position of a change is the register generation its statement moved to. The generation
-- row stays locked by the writing transaction until it commits, so positions become visible in
-- commit order: a reader that sees generation G sees every change up to G, and none after.
create table register_changes (
  position bigint not null,
  -- null: the whole register (a truncate); the index is then rebuilt
  seq integer,
  -- the texts changed (or the row is new): the text index is patched, not only the facets
  text_changed boolean not null default false,
  changed_at timestamptz not null default now()
);
create index register_changes_position_idx on register_changes (position);

-- How far the log has been trimmed: a reader whose index is older cannot catch up from it.
alter table register_generation add column trimmed_through bigint not null default 0;

-- Where each process's index stands (heartbeat), so that trimming keeps what a live one needs.
create table search_index_readers (
  reader uuid primary key,
  position bigint not null,
  seen_at timestamptz not null default now()
);

create function register_next_generation() returns bigint
  language sql
  as $$
  update register_generation set generation = generation + 1 where id = 1 returning generation;
$$;

-- recommendations: new rows, updated rows (texts compared), deleted rows.
create function log_recommendations_insert() returns trigger
  language plpgsql
  as $$
declare g bigint := register_next_generation();
begin
  insert into register_changes (position, seq, text_changed) select g, seq, true from new_rows;
  return null;
end
$$;

create function log_recommendations_update() returns trigger
  language plpgsql
  as $$
declare g bigint := register_next_generation();
begin
  insert into register_changes (position, seq, text_changed)
  select g, n.seq,
    o.text_ar is distinct from n.text_ar or o.text_zh is distinct from n.text_zh
    or o.text_en is distinct from n.text_en or o.text_fr is distinct from n.text_fr
    or o.text_ru is distinct from n.text_ru or o.text_es is distinct from n.text_es
  from new_rows n join old_rows o on o.seq = n.seq;
  return null;
end
$$;

create function log_recommendations_delete() returns trigger
  language plpgsql
  as $$
declare g bigint := register_next_generation();
begin
  insert into register_changes (position, seq) select g, seq from old_rows;
  return null;
end
$$;

-- Tables holding one recommendation's facet values elsewhere (assignments, cluster members):
-- the recommendations their rows name, before and after. A row whose recommendation is being
-- deleted names nothing any more (the deletion logs that recommendation itself).
create function log_joined_change() returns trigger
  language plpgsql
  as $$
declare g bigint := register_next_generation();
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into register_changes (position, seq)
    select distinct g, r.seq from old_rows o join recommendations r on r.id = o.recommendation_id;
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into register_changes (position, seq)
    select distinct g, r.seq from new_rows n join recommendations r on r.id = n.recommendation_id;
  end if;
  return null;
end
$$;

-- A truncate names no rows: the whole register changes.
create function log_register_truncate() returns trigger
  language plpgsql
  as $$
begin
  insert into register_changes (position, seq) values (register_next_generation(), null);
  return null;
end
$$;

-- A body's mechanism is every one of its recommendations' mechanism facet.
create function log_body_mechanism() returns trigger
  language plpgsql
  as $$
declare g bigint := register_next_generation();
begin
  insert into register_changes (position, seq)
  select g, r.seq from new_rows n join old_rows o on o.code = n.code
    join recommendations r on r.body_code = n.code
  where n.mechanism is distinct from o.mechanism;
  return null;
end
$$;

-- These replace the plain generation bumps of 0004 and 0010 on the tables the index reads.
drop trigger recommendations_generation on recommendations;
drop trigger cluster_members_generation on cluster_members;
drop trigger assignments_generation on assignments;

create trigger recommendations_log_insert after insert on recommendations
  referencing new table as new_rows for each statement execute function log_recommendations_insert();
create trigger recommendations_log_update after update on recommendations
  referencing old table as old_rows new table as new_rows
  for each statement execute function log_recommendations_update();
create trigger recommendations_log_delete after delete on recommendations
  referencing old table as old_rows for each statement execute function log_recommendations_delete();
create trigger recommendations_log_truncate after truncate on recommendations
  for each statement execute function log_register_truncate();

create trigger cluster_members_log_insert after insert on cluster_members
  referencing new table as new_rows for each statement execute function log_joined_change();
create trigger cluster_members_log_update after update on cluster_members
  referencing old table as old_rows new table as new_rows for each statement execute function log_joined_change();
create trigger cluster_members_log_delete after delete on cluster_members
  referencing old table as old_rows for each statement execute function log_joined_change();
create trigger cluster_members_log_truncate after truncate on cluster_members
  for each statement execute function log_register_truncate();

create trigger assignments_log_insert after insert on assignments
  referencing new table as new_rows for each statement execute function log_joined_change();
create trigger assignments_log_update after update on assignments
  referencing old table as old_rows new table as new_rows for each statement execute function log_joined_change();
create trigger assignments_log_delete after delete on assignments
  referencing old table as old_rows for each statement execute function log_joined_change();
create trigger assignments_log_truncate after truncate on assignments
  for each statement execute function log_register_truncate();

create trigger bodies_log_update after update on bodies
  referencing old table as old_rows new table as new_rows for each statement execute function log_body_mechanism();

-- The index places a changed row in each sort order before the first row after it: these find
-- that row without a scan (the number order has its index since 0005).
create index recommendations_newest_order_idx on recommendations (created_at desc, id);
create index recommendations_updated_order_idx on recommendations (updated_at desc, id);
