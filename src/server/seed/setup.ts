import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/i18n/locales';
import type { Database } from '../db/database';
import { systemActor } from '../http/context';
import { translatorFor } from '../i18n';
import type { JobQueue } from '../jobs/queue';
import { hashToken, newToken } from '../lib/secrets';
import { recordAudit } from '../modules/audit/audit.service';
import { queueMail } from '../modules/outbox/outbox.service';
import { insertStateProfile } from '../modules/state-profile/state-profile.repo';
import { auditedUser } from '../modules/users/users.presenter';
import { findUserByEmail, insertToken, insertUser } from '../modules/users/users.repo';
import { invitationHours } from '../modules/users/users.service';
import countries from './data/countries.json' with { type: 'json' };
import { isDatabaseEmpty } from './seed.repo';

/** The generic name until the admin enters the mechanism's own (State profile page). */
const genericNmirfName = {
  en: 'National Mechanism for Implementation, Reporting and Follow-up',
  fr: 'Mécanisme national de mise en œuvre, d’établissement de rapports et de suivi',
  es: 'Mecanismo Nacional de Implementación, Presentación de Informes y Seguimiento',
  ru: 'Национальный механизм по осуществлению, представлению докладов и последующей деятельности',
  zh: '国家执行、报告和后续行动机制',
  ar: 'الآلية الوطنية للتنفيذ والإبلاغ والمتابعة',
};

export interface SetupInput {
  country: string;
  adminEmail: string;
  adminName: string;
  locale: Locale;
  system: 'unitary' | 'federal' | 'devolved';
}

/**
 * First start of a real installation (no demo): the State's profile and its first admin, invited
 * by e-mail. Refuses to run twice. Returns the invitation link and the id of its queued mail.
 */
export async function setUpInstallation(
  db: Database,
  jobs: JobQueue,
  publicUrl: string,
  input: SetupInput,
): Promise<{ link: string; mailId: string }> {
  const country = countries.find((entry) => entry.iso2 === input.country.toUpperCase());
  if (!country)
    throw new AppError('VALIDATION', {
      issues: [{ path: 'country', message: `unknown ISO 3166 code ${input.country}` }],
    });
  if (!(await isDatabaseEmpty(db))) throw new AppError('CONFLICT', { detail: 'This installation is already set up.' });
  const token = newToken();
  const link = `${publicUrl}/accept-invitation?token=${token}`;
  const mailId = await db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.adminEmail))
      throw new AppError('EMAIL_TAKEN', { params: { email: input.adminEmail } });
    await insertStateProfile(trx, {
      country_iso2: country.iso2,
      country_name: JSON.stringify(country.name),
      nmirf_name: JSON.stringify(genericNmirfName),
      nmirf_mandate: '{}',
      system_of_government: input.system,
      lrg_level_names: '[]',
    });
    const admin = await insertUser(trx, {
      email: input.adminEmail,
      name: input.adminName,
      role: 'admin',
      locale: input.locale,
      status: 'invited',
      organisation: null,
    });
    await insertToken(trx, {
      kind: 'invitation',
      token_hash: hashToken(token),
      user_id: admin.id,
      created_by: null,
      expires_at: new Date(Date.now() + invitationHours * 3_600_000),
    });
    const actor = systemActor('setup');
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'state_profile',
      recordId: '1',
      after: { country: country.iso2 },
    });
    await recordAudit(trx, actor, {
      action: 'invite',
      recordType: 'user',
      recordId: admin.id,
      after: auditedUser(admin),
    });
    const t = translatorFor(input.locale);
    return queueMail(
      trx,
      { jobs },
      {
        kind: 'invitation',
        to: input.adminEmail,
        userId: admin.id,
        subject: t('mail.invitation.subject', { appName: 'Implementa' }),
        text: t('mail.invitation.body', { name: input.adminName, inviter: 'Implementa', link, hours: invitationHours }),
      },
    );
  });
  return { link, mailId };
}
