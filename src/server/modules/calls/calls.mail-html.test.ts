import { describe, expect, it } from 'vitest';
import { makeStateProfile } from '../../../../tests/factories';
import { translatorFor } from '../../i18n';
import { createCall, type Person, people, rec, send, setUpMiniatureState, test, waitForSubject } from './calls.fixture';

setUpMiniatureState();

/** Every mail to that address whose subject contains the text, once there are two. */
async function waitForMails(to: string, text: string) {
  for (let i = 0; i < 300; i++) {
    const found = test.inbox.filter((m) => m.to.includes(to) && m.subject.includes(text));
    if (found.length >= 2) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than two mails to ${to} about ${text}`);
}

describe('the mail of a call for input', () => {
  it('goes as HTML and text in the recipient’s language, naming the NMIRF, the recommendations, the deadline and the link', async () => {
    const title = 'Mid-term review: progress so far';
    const before = await createCall({
      title: `${title} (before the profile)`,
      recommendationIds: [rec.C],
      allAssigned: true,
    });
    await send(before);
    const education = people['education main'] as Person; // Arabic
    const generic = await waitForSubject(education.email, `${title} (before the profile)`);
    expect(generic.text).toContain(translatorFor('ar')('mail.nmirfGeneric'));

    await makeStateProfile(test.handle.db);
    const call = await createCall({ title, recommendationIds: [rec.A, rec.B, rec.C], allAssigned: true });
    await send(call);
    const labour = people['labour main'] as Person; // French
    const mail = await waitForSubject(labour.email, title);
    const numbers = await test.handle.db
      .selectFrom('recommendations')
      .select(['id', 'number'])
      .where('id', 'in', [rec.A, rec.B, rec.C])
      .execute();
    const numberOf = (id: string) => numbers.find((row) => row.id === id)?.number ?? '';
    expect(mail.html).not.toBeNull();
    for (const part of [mail.text, mail.html ?? '']) {
      expect(part).toContain('Test NMIRF');
      // Labour is assigned A and B: both listed, C (Education's) not.
      expect(part).toContain(`${numberOf(rec.A)} (`);
      expect(part).toContain(`${numberOf(rec.B)} (`);
      expect(part).not.toContain(`${numberOf(rec.C)} (`);
      expect(part).toContain(`http://implementa.test/inbox/${call.id}/`);
    }
    // The deadline in French, the HTML in French, left to right.
    const deadline = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${new Date().getUTCFullYear() + 1}-06-30`),
    );
    expect(mail.text).toContain(deadline);
    expect(mail.html).toContain('<html lang="fr" dir="ltr">');
    expect(mail.html).toMatch(new RegExp(`<a href="http://implementa\\.test/inbox/${call.id}/[0-9a-f-]+"`));

    const arabic = (await waitForMails(education.email, title)).find((m) => !m.subject.includes('before'));
    expect(arabic?.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic?.text).toContain('Test NMIRF');
  });

  it('of the progress workflow goes as HTML too', async () => {
    const rows = await test.handle.db
      .selectFrom('mail_outbox')
      .select(['kind', 'body_html', 'status'])
      .where('kind', '=', 'call_for_input')
      .execute();
    // Sent mail keeps neither part (they hold links); pending ones have both.
    for (const row of rows) if (row.status === 'sent') expect(row.body_html).toBeNull();
  });
});
