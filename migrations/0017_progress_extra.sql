-- Narratives written in the progress module are sanitised HTML from the rich-text editor;
-- answers to calls for input are plain text from their form. The format says how to render each.
alter table progress_updates add column narrative_format text not null default 'text'
  check (narrative_format in ('text', 'html'));

-- Treaty body follow-up: when the committee assessed the State's reply and in which document,
-- beside the grade (follow_up_grade, A–E) already on the recommendation.
alter table recommendations add column follow_up_graded_at date;
alter table recommendations add column follow_up_grade_document text;

-- Follow-up recommendations by deadline, for the follow-up page.
create index recommendations_follow_up_idx on recommendations (follow_up_due, id) where follow_up;
