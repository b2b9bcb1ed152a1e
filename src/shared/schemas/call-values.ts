/**
 * The calls' fixed values without zod: the call and tracker pages show them on first load, and
 * importing them from calls.ts brought zod (26 KB) into pages that check nothing until a submit.
 */

/** A call is drafted, then sent once; sending puts it in the inbox of each entity asked. */
export const callStatuses = ['draft', 'sent'] as const;

/**
 * Where an entity stands on a call: nothing saved yet, a draft, every item submitted before the
 * end of the deadline day (UTC) or after it, or the deadline passed with items not submitted.
 */
export const answerStatuses = ['not_started', 'draft', 'answered_on_time', 'answered_late', 'late'] as const;

export const defaultRemindBefore = [7, 1];
export const defaultRemindAfter = [3];
