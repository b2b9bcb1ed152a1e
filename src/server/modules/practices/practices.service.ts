import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import type { PracticeStatus } from '../../../shared/schemas/hub';
import type {
  PracticeCreate,
  PracticeDetail,
  PracticeRow as PracticeListRow,
  PracticeUpdate,
} from '../../../shared/schemas/hub-practices';
import type { PracticeSnapshot } from '../../db/schema';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { conflict, invalid, signedIn } from '../../lib/guards';
import { recordAudit } from '../audit/audit.service';
import { queueMail } from '../outbox/outbox.service';
import { hubAttachmentMaxBytes } from './practices.files.service';
import { indexPractice, unindexPractice } from './practices.index';
import { canPractices } from './practices.policy';
import {
  actsForMember,
  decideVersion,
  findAttachments,
  findMembersOf,
  findPendingVersion,
  findPractice,
  findPracticesOfUser,
  findQueue,
  findTexts,
  findUser,
  findVersions,
  insertPractice,
  insertVersion,
  nextVersionNumber,
  type PracticeRow,
  type PracticeText,
  replaceTexts,
  retirePublished,
  updatePractice,
  upsertText,
} from './practices.repo';
import { practiceBodyText, sanitizePracticeBody } from './practices.sanitize';

// The practices library's rules (decision 036). The working copy is what a member edits; each
// submission is kept as a version (hub_practice_versions); a moderator publishes a version or
// returns it with a note mailed to its author. The public reads the published version only, so a
// published practice edited again stays public as it was until its new version is approved.

export type PracticeDeps = Pick<Deps, 'db' | 'jobs' | 'files'> & {
  settings: Pick<Deps['settings'], 'publicUrl' | 'HUB_ATTACHMENT_MAX_MB'>;
};

/** Where each working-copy state may go. */
const editableStates: readonly PracticeStatus[] = ['draft', 'returned', 'published', 'withdrawn'];
const submittableStates: readonly PracticeStatus[] = ['draft', 'returned', 'withdrawn'];

type Texts = Partial<Record<Locale, PracticeText>>;

function cleanTexts(texts: PracticeCreate['texts']): Texts {
  const out: Texts = {};
  for (const [locale, text] of Object.entries(texts) as [Locale, PracticeText | undefined][]) {
    if (text) out[locale] = { title: text.title, summary: text.summary, body: sanitizePracticeBody(text.body) };
  }
  return out;
}

async function access(db: Executor, actor: Actor, practice: PracticeRow) {
  const user = signedIn(actor);
  const record = { actsForMember: await actsForMember(db, user.id, practice.member_id) };
  return {
    user,
    write: canPractices(user, 'write', record),
    moderate: canPractices(user, 'moderate', record),
    withdraw: canPractices(user, 'withdraw', record),
    history: canPractices(user, 'history', record),
  };
}

/**
 * The practice, locked when asked, with what the person may do; NOT_FOUND to anyone who may not
 * read its working copy (its existence is not told).
 */
async function load(db: Executor, actor: Actor, id: string, lock = false) {
  const practice = await findPractice(db, id, lock);
  if (!practice) throw new AppError('NOT_FOUND');
  const can = await access(db, actor, practice);
  if (!can.history) throw new AppError('NOT_FOUND');
  return { practice, can };
}

function checkVersion(practice: PracticeRow, version: number) {
  if (practice.version !== version)
    throw new AppError('STALE_VERSION', { params: { current: practice.version, sent: version } });
}

/** The members the person acts for (the form asks which one when there are several). */
export async function myMembers(deps: Pick<Deps, 'db'>, actor: Actor) {
  const user = signedIn(actor);
  if (!canPractices(user, 'listOwn')) throw new AppError('FORBIDDEN');
  const rows = await findMembersOf(deps.db, user.id);
  return rows.map((row) => ({ id: row.id, name: row.name, countryCode: row.country_code }));
}

export async function createPractice(deps: PracticeDeps, actor: Actor, input: PracticeCreate): Promise<PracticeDetail> {
  const user = signedIn(actor);
  if (!canPractices(user, 'listOwn')) throw new AppError('FORBIDDEN');
  const members = await findMembersOf(deps.db, user.id);
  const member = input.memberId ? members.find((one) => one.id === input.memberId) : members[0];
  if (!member || (!input.memberId && members.length > 1))
    invalid('memberId', members.length === 0 ? 'hubPractices.issues.noMember' : 'hubPractices.issues.chooseMember');
  const texts = cleanTexts(input.texts);
  if (!texts[input.originalLocale]) invalid(`texts.${input.originalLocale}`, 'hubPractices.issues.originalMissing');
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await insertPractice(trx, {
      member_id: member.id,
      level: input.level,
      themes: input.themes,
      contact: input.contact,
      links: JSON.stringify(input.links),
      source: input.source,
      original_locale: input.originalLocale,
      created_by: user.id,
    });
    await replaceTexts(trx, row.id, texts);
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'hub_practice',
      recordId: row.id,
      after: { memberId: member.id, locales: Object.keys(texts), level: input.level, themes: input.themes },
    });
    return row.id;
  });
  return readPractice(deps, actor, id);
}

export async function readPractice(deps: PracticeDeps, actor: Actor, id: string): Promise<PracticeDetail> {
  const { practice, can } = await load(deps.db, actor, id);
  const [texts, attachments, versions] = await Promise.all([
    findTexts(deps.db, id),
    findAttachments(deps.db, id),
    findVersions(deps.db, id),
  ]);
  return {
    id: practice.id,
    memberId: practice.member_id,
    memberName: practice.member_name,
    countryCode: practice.country_code,
    systemOfGovernment: practice.system_of_government,
    status: practice.status,
    level: practice.level,
    themes: practice.themes,
    originalLocale: practice.original_locale,
    texts,
    contact: practice.contact,
    links: practice.links,
    source: practice.source,
    attachments: attachments.map((row) => ({
      id: row.id,
      fileName: row.filename,
      contentType: row.content_type,
      sizeBytes: Number(row.size_bytes),
      createdAt: row.created_at.toISOString(),
    })),
    publishedVersion: practice.published_version,
    returnNote: practice.return_note,
    version: practice.version,
    updatedAt: practice.updated_at.toISOString(),
    history: versions.map((row) => ({
      version: row.version,
      outcome: row.outcome,
      submittedBy: row.submitted_by,
      submittedAt: row.submitted_at.toISOString(),
      decidedBy: row.decided_by,
      decidedAt: row.decided_at?.toISOString() ?? null,
      note: row.note,
      locales: Object.keys(row.content.texts) as Locale[],
      title: (row.content.texts[row.content.originalLocale] ?? Object.values(row.content.texts)[0])?.title ?? '',
    })),
    can: {
      edit: can.write && editableStates.includes(practice.status),
      submit: can.write && submittableStates.includes(practice.status),
      moderate: can.moderate && practice.status === 'submitted',
      withdraw: can.withdraw && practice.status !== 'withdrawn',
    },
    maxAttachmentBytes: hubAttachmentMaxBytes(deps),
  };
}

/** A content change: the working copy goes back to draft; the published version stays public. */
async function change(
  deps: PracticeDeps,
  actor: Actor,
  id: string,
  version: number,
  apply: (trx: Executor, practice: PracticeRow) => Promise<Record<string, unknown>>,
) {
  await deps.db.transaction().execute(async (trx) => {
    const { practice, can } = await load(trx, actor, id, true);
    if (!can.write) throw new AppError('FORBIDDEN');
    checkVersion(practice, version);
    if (!editableStates.includes(practice.status)) conflict('hubPractices.issues.underModeration', 'status');
    const after = await apply(trx, practice);
    await updatePractice(trx, id, { status: 'draft' });
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_practice',
      recordId: id,
      before: { status: practice.status, version: practice.version },
      after,
    });
  });
  return readPractice(deps, actor, id);
}

export function updatePracticeContent(deps: PracticeDeps, actor: Actor, id: string, input: PracticeUpdate) {
  const texts = cleanTexts(input.texts);
  if (!texts[input.originalLocale]) invalid(`texts.${input.originalLocale}`, 'hubPractices.issues.originalMissing');
  return change(deps, actor, id, input.version, async (trx) => {
    await replaceTexts(trx, id, texts);
    await updatePractice(trx, id, {
      level: input.level,
      themes: input.themes,
      contact: input.contact,
      links: JSON.stringify(input.links),
      source: input.source,
      original_locale: input.originalLocale,
    });
    return { locales: Object.keys(texts), level: input.level, themes: input.themes };
  });
}

/** Adds or corrects one language's text (a translation). */
export function updatePracticeText(
  deps: PracticeDeps,
  actor: Actor,
  id: string,
  locale: Locale,
  input: PracticeText & { version: number },
) {
  const text = { title: input.title, summary: input.summary, body: sanitizePracticeBody(input.body) };
  return change(deps, actor, id, input.version, async (trx) => {
    await upsertText(trx, id, locale, text);
    return { locale };
  });
}

/** What a version must hold before a moderator reads it: the original language complete. */
function checkComplete(texts: Texts, originalLocale: Locale) {
  const original = texts[originalLocale];
  if (!original) invalid(`texts.${originalLocale}`, 'hubPractices.issues.originalMissing');
  if (!original.summary.trim()) invalid(`texts.${originalLocale}.summary`, 'hubPractices.issues.summaryRequired');
  if (!practiceBodyText(original.body)) invalid(`texts.${originalLocale}.body`, 'hubPractices.issues.bodyRequired');
}

export async function submitPractice(deps: PracticeDeps, actor: Actor, id: string, version: number) {
  await deps.db.transaction().execute(async (trx) => {
    const { practice, can } = await load(trx, actor, id, true);
    if (!can.write) throw new AppError('FORBIDDEN');
    checkVersion(practice, version);
    if (!submittableStates.includes(practice.status)) conflict('hubPractices.issues.notSubmittable', 'status');
    const texts = await findTexts(trx, id);
    checkComplete(texts, practice.original_locale);
    const attachments = await findAttachments(trx, id);
    const content: PracticeSnapshot = {
      level: practice.level,
      themes: practice.themes,
      texts,
      contact: practice.contact,
      links: practice.links,
      source: practice.source,
      originalLocale: practice.original_locale,
      attachmentIds: attachments.map((row) => row.id),
    };
    const number = await nextVersionNumber(trx, id);
    await insertVersion(trx, { practiceId: id, version: number, content, submittedBy: can.user.id });
    await updatePractice(trx, id, { status: 'submitted', return_note: null });
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_practice',
      recordId: id,
      before: { status: practice.status },
      after: { status: 'submitted', submittedVersion: number },
    });
  });
  return readPractice(deps, actor, id);
}

async function moderate(db: Executor, actor: Actor, id: string, version: number) {
  const { practice, can } = await load(db, actor, id, true);
  if (!can.moderate) throw new AppError('FORBIDDEN');
  checkVersion(practice, version);
  if (practice.status !== 'submitted') conflict('hubPractices.issues.notSubmitted', 'status');
  const pending = await findPendingVersion(db, id);
  if (!pending) conflict('hubPractices.issues.notSubmitted', 'status');
  return { practice, can, pending };
}

/** Publishes the submitted version: it replaces the public one and enters the search. */
export async function publishPractice(deps: PracticeDeps, actor: Actor, id: string, version: number) {
  await deps.db.transaction().execute(async (trx) => {
    const { practice, can, pending } = await moderate(trx, actor, id, version);
    await retirePublished(trx, id, 'superseded');
    await decideVersion(trx, id, pending.version, { outcome: 'published', decidedBy: can.user.id });
    await updatePractice(trx, id, {
      status: 'published',
      published_version: pending.version,
      published_at: new Date(),
      return_note: null,
    });
    await indexPractice(trx, id, practice.member_id, pending.content);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_practice',
      recordId: id,
      before: { status: 'submitted', publishedVersion: practice.published_version },
      after: { status: 'published', publishedVersion: pending.version },
    });
  });
  return readPractice(deps, actor, id);
}

/**
 * Returns the submitted version to its author with the moderator's note, mailed to whoever
 * submitted it. A practice published before stays public in its earlier version.
 */
export async function returnPractice(deps: PracticeDeps, actor: Actor, id: string, version: number, note: string) {
  await deps.db.transaction().execute(async (trx) => {
    const { practice, can, pending } = await moderate(trx, actor, id, version);
    await decideVersion(trx, id, pending.version, { outcome: 'returned', decidedBy: can.user.id, note });
    await updatePractice(trx, id, { status: 'returned', return_note: note });
    // Never published: nothing of it may be in the search (a row left by an earlier bug goes too).
    if (practice.published_version === null) await unindexPractice(trx, id);
    const author = pending.submitted_by ? await findUser(trx, pending.submitted_by) : undefined;
    if (author && author.status === 'active') {
      const locale = author.locale as Locale;
      const t = translatorFor(locale);
      const content = pending.content;
      const title = (content.texts[locale] ?? content.texts[content.originalLocale])?.title ?? '';
      const values = {
        name: author.name,
        title,
        moderator: can.user.name,
        note,
        link: `${deps.settings.publicUrl}/hub-practices/${id}`,
      };
      await queueMail(trx, deps, {
        kind: 'practice_returned',
        locale,
        to: author.email,
        userId: author.id,
        subject: t('hubPractices.mail.returned.subject', values),
        text: t('hubPractices.mail.returned.body', values),
      });
    }
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_practice',
      recordId: id,
      before: { status: 'submitted' },
      after: { status: 'returned', returnedVersion: pending.version, note },
    });
  });
  return readPractice(deps, actor, id);
}

/** Takes a practice off the hub: its public version and any pending one; out of the search at once. */
export async function withdrawPractice(deps: PracticeDeps, actor: Actor, id: string, version: number) {
  await deps.db.transaction().execute(async (trx) => {
    const { practice, can } = await load(trx, actor, id, true);
    if (!can.withdraw) throw new AppError('FORBIDDEN');
    checkVersion(practice, version);
    if (practice.status === 'withdrawn') conflict('hubPractices.issues.alreadyWithdrawn', 'status');
    const pending = await findPendingVersion(trx, id);
    if (pending) await decideVersion(trx, id, pending.version, { outcome: 'withdrawn', decidedBy: can.user.id });
    await retirePublished(trx, id, 'withdrawn');
    await updatePractice(trx, id, { status: 'withdrawn', published_version: null });
    await unindexPractice(trx, id);
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'hub_practice',
      recordId: id,
      before: { status: practice.status, publishedVersion: practice.published_version },
      after: { status: 'withdrawn' },
    });
  });
  return readPractice(deps, actor, id);
}

function presentRow(row: Awaited<ReturnType<typeof findQueue>>['rows'][number]): PracticeListRow {
  return {
    id: row.id,
    title: row.title,
    locale: row.title_locale,
    memberName: row.member_name,
    countryCode: row.country_code,
    status: row.status,
    publishedVersion: row.published_version,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listMyPractices(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  query: { page: number; pageSize: number; status?: PracticeStatus | undefined },
): Promise<Page<PracticeListRow>> {
  const user = signedIn(actor);
  if (!canPractices(user, 'listOwn')) throw new AppError('FORBIDDEN');
  const { rows, total } = await findPracticesOfUser(deps.db, user.id, actor.locale, query);
  return { items: rows.map(presentRow), total, page: query.page, pageSize: query.pageSize };
}

export async function listQueue(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  query: { page: number; pageSize: number },
): Promise<Page<PracticeListRow>> {
  const user = signedIn(actor);
  if (!canPractices(user, 'moderate')) throw new AppError('FORBIDDEN');
  const { rows, total } = await findQueue(deps.db, actor.locale, query);
  return { items: rows.map(presentRow), total, page: query.page, pageSize: query.pageSize };
}

/**
 * A practice a national instance sent through its federation link (decision 038): its NMIRF is
 * accountable for it, so it is published as it arrives, as a version of its own beside the
 * moderated ones. The public pages, the search and the history then read it like any other.
 * Called by federation in the transaction that stores the practice's working copy.
 */
export async function publishFromOrigin(
  trx: Executor,
  practiceId: string,
  memberId: string,
  content: PracticeSnapshot,
): Promise<void> {
  await retirePublished(trx, practiceId, 'superseded');
  const number = await nextVersionNumber(trx, practiceId);
  await insertVersion(trx, { practiceId, version: number, content, submittedBy: null });
  await decideVersion(trx, practiceId, number, { outcome: 'published', decidedBy: null });
  await updatePractice(trx, practiceId, {
    status: 'published',
    published_version: number,
    original_locale: content.originalLocale as Locale,
  });
  await indexPractice(trx, practiceId, memberId, content);
}

/** A federated practice withdrawn by its instance (or its link revoked): nothing of it stays public. */
export async function withdrawFromOrigin(trx: Executor, practiceId: string): Promise<void> {
  await retirePublished(trx, practiceId, 'withdrawn');
  await updatePractice(trx, practiceId, { status: 'withdrawn', published_version: null });
  await unindexPractice(trx, practiceId);
}

/** The one sanitiser of a practice's body, for practices that arrive from elsewhere. */
export { sanitizePracticeBody };
