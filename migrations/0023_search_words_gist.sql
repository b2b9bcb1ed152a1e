-- "Did you mean" asks for the closest known word. A GiST trigram index answers
-- `where word % $1 order by word <-> $1` by walking the index nearest first (about 1 ms over the
-- 10,000 words of the 500,000-recommendation benchmark); with the GIN index the planner read every
-- word instead (10 ms, the largest part of a misspelt search).
drop index search_words_trgm_idx;
create index search_words_trgm_idx on search_words using gist (word gist_trgm_ops);
