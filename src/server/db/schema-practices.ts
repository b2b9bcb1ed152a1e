import type { Generated } from 'kysely';
import type { PracticeVersionOutcome } from '../../shared/schemas/hub-practices';
import type { Json } from './column-types';

/** A practice's content as submitted (migration 0045): what the public reads once published. */
export interface PracticeSnapshot {
  level: 'national' | 'regional' | 'local';
  themes: string[];
  texts: Partial<Record<string, { title: string; summary: string; body: string }>>;
  contact: string | null;
  links: { url: string; label: string }[];
  source: string | null;
  originalLocale: string;
  attachmentIds: string[];
}

/** The practices library's tables (migration 0045, decision 036). */
export interface HubPracticeVersionsTable {
  practice_id: string;
  version: number;
  outcome: Generated<PracticeVersionOutcome>;
  content: Json<PracticeSnapshot>;
  submitted_by: string | null;
  submitted_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
}

export interface HubPracticeAttachmentsTable {
  id: Generated<string>;
  practice_id: string;
  filename: string;
  content_type: string;
  size_bytes: number | string;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}
