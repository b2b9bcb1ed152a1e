import type { Transaction } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import { rolesWith } from '../../../shared/roles';
import type { DB } from '../../db/schema';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { queueMail } from '../outbox/outbox.service';
import { mailableUser, mailableWithRoles, validatorsOf } from './progress.repo';

interface Step {
  updateId: string;
  entityId: string;
  entityName: string;
  subject: string;
  actorName: string;
  comment?: string | null | undefined;
  submittedBy?: string | null;
}

// Written out, not built from the step, so the catalogue checks find every key.
const texts = {
  submitted: { subject: 'mail.progress.submitted.subject', body: 'mail.progress.submitted.body' },
  endorsed: { subject: 'mail.progress.endorsed.subject', body: 'mail.progress.endorsed.body' },
  returned: { subject: 'mail.progress.returned.subject', body: 'mail.progress.returned.body' },
} as const;

type MailDeps = Pick<Deps, 'jobs'> & { settings: Pick<Deps['settings'], 'publicUrl'> };

/**
 * The mail each step sends, queued in the step's transaction, each in the recipient's language:
 * submitted → the entity's validators (or the coordinators when it has none); endorsed → the
 * coordinators; returned → the person who submitted it. People who turned off mail about calls
 * and their answers are left out.
 */
export async function mailStep(
  trx: Transaction<DB>,
  deps: MailDeps,
  step: 'submitted' | 'endorsed' | 'returned',
  info: Step,
): Promise<number> {
  const link = `${deps.settings.publicUrl}/progress/${info.updateId}`;
  let recipients: { id: string; name: string; email: string; locale: string }[];
  let kind: 'progress_submitted' | 'progress_endorsed' | 'progress_returned';
  if (step === 'submitted') {
    const validators = await validatorsOf(trx, info.entityId);
    recipients = validators.length > 0 ? validators : await mailableWithRoles(trx, rolesWith('coordinates'));
    kind = 'progress_submitted';
  } else if (step === 'endorsed') {
    recipients = await mailableWithRoles(trx, rolesWith('coordinates'));
    kind = 'progress_endorsed';
  } else {
    const submitter = await mailableUser(trx, info.submittedBy ?? null);
    recipients = submitter ? [submitter] : [];
    kind = 'progress_returned';
  }
  for (const person of recipients) {
    const t = translatorFor(person.locale as Locale);
    const values = {
      name: person.name,
      actor: info.actorName,
      entity: info.entityName,
      subject: info.subject,
      comment: info.comment ?? '',
      link,
      settingsLink: `${deps.settings.publicUrl}/settings`,
    };
    await queueMail(trx, deps, {
      kind,
      locale: person.locale as Locale,
      to: person.email,
      userId: person.id,
      subject: t(texts[step].subject, values),
      text: t(texts[step].body, values),
    });
  }
  return recipients.length;
}
