-- The link picker finds recommendations by paragraph number (exactly 118.7, or below 118);
-- text_pattern_ops serves both the equality and the prefix LIKE.
create index recommendations_number_idx on recommendations (number text_pattern_ops);
-- How many recommendations use a custom term (the taxonomy pages and pickers show it), like
-- theme_ids and affected_ids already have.
create index recommendations_custom_terms_idx on recommendations using gin (custom_term_ids);
