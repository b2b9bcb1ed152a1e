import type { Generated } from 'kysely';
import type { assessmentStatuses } from '../../shared/schemas/hub-assessment';
import type { OneOf } from './column-types';

/** The hub's self-assessment and its search's word list (migration 0048, decision 039). */
export interface HubAssessmentsTable {
  id: Generated<string>;
  member_id: string;
  round: number;
  questionnaire_version: number;
  status: Generated<OneOf<typeof assessmentStatuses>>;
  shared_with_hub: Generated<boolean>;
  demo: Generated<boolean>;
  created_by: string | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HubAssessmentAnswersTable {
  assessment_id: string;
  question_id: string;
  level: number | null;
  comment: string | null;
  evidence_url: string | null;
  updated_at: Generated<Date>;
}

export interface HubSearchWordsTable {
  word: string;
}

export interface HubSearchGenerationTable {
  id: Generated<boolean>;
  generation: Generated<string>;
}
