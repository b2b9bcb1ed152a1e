import { z } from 'zod';

/** What a coordinator publishes or withholds (decision 032). */
export const publicationSubjects = ['review', 'recommendation', 'progress_update'] as const;
export const publicationSubjectSchema = z.enum(publicationSubjects);
export type PublicationSubject = z.infer<typeof publicationSubjectSchema>;

export const publicationParamsSchema = z.object({ subject: publicationSubjectSchema, id: z.uuid() });

/** true: publish; false: withhold; null: back to the default rule. */
export const publicationDecisionSchema = z.object({ published: z.boolean().nullable() });
export type PublicationDecision = z.infer<typeof publicationDecisionSchema>;

/** How much of a record the portal shows (decision 032). */
export const publicnessValues = ['hidden', 'text', 'full'] as const;

export const publicationStateSchema = z.object({
  subject: publicationSubjectSchema,
  id: z.uuid(),
  decision: z.boolean().nullable(),
  /** hidden: nothing public; text: the UN's words only; full: with the State's follow-up. */
  publicness: z.enum(publicnessValues),
  /** Path of the public page, without the language (the app adds the reader's): null when hidden. */
  publicPath: z.string().nullable(),
});
export type PublicationState = z.infer<typeof publicationStateSchema>;

export const bulkPublicationSchema = z.object({ published: z.number().int().nonnegative() });
