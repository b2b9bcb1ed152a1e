import { z } from 'zod';
import { localeSchema, versionSchema } from './common';
import { hubThemeSchema } from './hub';

/** A self-assessment round (decision 039): a draft the member's staff fill in, then submitted. */
export const assessmentStatuses = ['draft', 'submitted'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export const questionnaireQuerySchema = z.object({
  version: z.coerce.number().int().min(1).optional(),
  locale: localeSchema.optional(),
});

/** The questions in one language, as the questionnaire page shows them. */
export const questionnaireSchema = z.object({
  version: z.number().int(),
  locale: localeSchema,
  levels: z.array(z.object({ value: z.number().int(), label: z.string(), description: z.string() })),
  characteristics: z.array(
    z.object({
      id: z.string(),
      themes: z.array(hubThemeSchema),
      title: z.string(),
      question: z.string(),
      good: z.string(),
      source: z.string(),
    }),
  ),
});
export type QuestionnaireView = z.infer<typeof questionnaireSchema>;

export const answerSchema = z.object({
  questionId: z.string().regex(/^[a-z_]{1,60}$/),
  /** 0 (absent) to 4 (established and reviewed); null: not answered yet. */
  level: z.number().int().min(0).max(4).nullable(),
  comment: z.string().trim().max(2000).nullable(),
  evidenceUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
});
export type Answer = z.infer<typeof answerSchema>;

export const saveAnswersSchema = z.object({
  version: versionSchema,
  answers: z.array(answerSchema).max(100),
});
export type SaveAnswers = z.infer<typeof saveAnswersSchema>;
export const submitAssessmentSchema = z.object({ version: versionSchema });
export const shareAssessmentSchema = z.object({ version: versionSchema, sharedWithHub: z.boolean() });
export const startRoundSchema = z.object({ memberId: z.uuid() });
export const assessmentHomeQuerySchema = z.object({ member: z.uuid().optional() });

const memberRefSchema = z.object({ id: z.uuid(), name: z.string(), countryCode: z.string() });

export const roundSummarySchema = z.object({
  id: z.uuid(),
  round: z.number().int(),
  status: z.enum(assessmentStatuses),
  questionnaireVersion: z.number().int(),
  sharedWithHub: z.boolean(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Answered questions out of all. */
  answered: z.number().int(),
  questions: z.number().int(),
  /** Mean level of the answered questions (0–4), null when none. */
  mean: z.number().nullable(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

/** A member's self-assessments, for one who acts for it. */
export const assessmentHomeSchema = z.object({
  /** The members this account acts for; the page shows one at a time. */
  members: z.array(memberRefSchema),
  member: memberRefSchema.nullable(),
  rounds: z.array(roundSummarySchema),
  /** Demo content (the demo hub's seed): the page says so. */
  demo: z.boolean(),
});
export type AssessmentHome = z.infer<typeof assessmentHomeSchema>;

export const roundSchema = roundSummarySchema.extend({
  member: memberRefSchema,
  version: z.number().int(),
  demo: z.boolean(),
  answers: z.array(answerSchema),
  /** Whether the reader may change it (a draft, and they act for the member). */
  editable: z.boolean(),
  /** The reader acts for the member (may start rounds and choose to share). */
  mine: z.boolean(),
});
export type Round = z.infer<typeof roundSchema>;

/** A group's distribution of levels for one characteristic; numbers only when enough peers. */
export const peerStatsSchema = z.object({
  count: z.number().int(),
  enough: z.boolean(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
});
export const peerGroupSchema = z.object({
  kind: z.enum(['regional', 'language', 'hub']),
  networkId: z.uuid().nullable(),
  name: z.string(),
  /** Members of the group with a submitted self-assessment (this member not counted). */
  members: z.number().int(),
  enough: z.boolean(),
  byCharacteristic: z.record(z.string(), peerStatsSchema),
});
export type PeerGroup = z.infer<typeof peerGroupSchema>;

export const suggestionSchema = z.object({
  refId: z.uuid(),
  locale: localeSchema,
  title: z.string(),
  summary: z.string(),
  path: z.string(),
  countryCode: z.string().nullable(),
  themes: z.array(hubThemeSchema),
  /** Same system of government or level as the member's own. */
  sameSystem: z.boolean(),
  characteristicIds: z.array(z.string()),
});

export const resultsSchema = z.object({
  round: roundSummarySchema.extend({ member: memberRefSchema, demo: z.boolean() }),
  scores: z.array(z.object({ characteristicId: z.string(), level: z.number().int().nullable() })),
  /** Minimum number of peers' submitted assessments before a group's figures are shown. */
  minimumPeers: z.number().int(),
  groups: z.array(peerGroupSchema),
  weakest: z.array(z.string()),
  suggestions: z.array(suggestionSchema),
});
export type Results = z.infer<typeof resultsSchema>;

export const sharedRoundsSchema = z.object({
  items: z.array(
    z.object({ id: z.uuid(), member: memberRefSchema, round: z.number().int(), submittedAt: z.string().nullable() }),
  ),
});
