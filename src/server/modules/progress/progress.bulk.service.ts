import { AppError } from '../../../shared/errors';
import { is } from '../../../shared/roles';
import type { BulkProgressResult, BulkProgressStepInput } from '../../../shared/schemas/progress';
import type { Actor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { signedIn } from '../../lib/guards';
import { canProgress } from './progress.policy';
import { approveUpdate, returnUpdate } from './progress.workflow.service';

type WorkflowDeps = Parameters<typeof approveUpdate>[0];

/**
 * Takes one step on many updates from the "to validate" queue: each item through the same service
 * as on its own page (its policy check, its version, its transaction, its audit event and mail),
 * one after the other, so that one refusal (a version changed meanwhile, a step not the reader's)
 * leaves the others done. The answer says, per item, its new status or why it was refused.
 */
export async function bulkStep(
  deps: WorkflowDeps,
  actor: Actor,
  step: 'approve' | 'return',
  input: BulkProgressStepInput,
): Promise<BulkProgressResult> {
  const user = signedIn(actor);
  // Only people with a queue take steps in bulk; each item is then checked on its own.
  if (!canProgress(user, 'coordinatorStep') && !is(user.role, 'endorses')) throw new AppError('FORBIDDEN');
  const comment = input.comment?.trim();
  // A return without its reason is refused as a whole: no item could pass.
  if (step === 'return' && !comment)
    throw new AppError('VALIDATION', { issues: [{ path: 'comment', message: 'issues.progress.commentRequired' }] });
  const t = translatorFor(actor.locale);
  const results: BulkProgressResult['results'] = [];
  for (const item of input.items) {
    try {
      const take = step === 'approve' ? approveUpdate : returnUpdate;
      const done = await take(deps, actor, item.id, { version: item.version, ...(comment ? { comment } : {}) });
      results.push({ id: item.id, ok: true, status: done.status, code: null, message: null });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'INTERNAL' || error.code === 'DATABASE_UNAVAILABLE')
        throw error;
      const issue = error.issues.find((entry) => entry.message.startsWith('issues.'))?.message;
      results.push({
        id: item.id,
        ok: false,
        status: null,
        code: error.code,
        message: issue ? t(issue) : t(`errors.${error.code}`, error.params),
      });
    }
  }
  const succeeded = results.filter((result) => result.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
