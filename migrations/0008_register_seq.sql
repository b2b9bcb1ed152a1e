-- A small stable number per recommendation: the in-memory facet index (decision 008) addresses
-- rows by it, and PostgreSQL hands back text matches as lists of it, far cheaper than uuids.
alter table recommendations add column seq integer generated always as identity;
create unique index recommendations_seq_key on recommendations (seq);
