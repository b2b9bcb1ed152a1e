import { z } from 'zod';

/**
 * What waits for the signed-in person, for the navigation's counts: calls for input still to
 * answer in the inboxes of the entities they serve, and progress updates waiting for their step.
 * A count is null where the person has no such list (the navigation shows no link for it).
 */
export const waitingSchema = z.object({
  inbox: z.number().int().nullable(),
  toValidate: z.number().int().nullable(),
});
export type Waiting = z.infer<typeof waitingSchema>;
