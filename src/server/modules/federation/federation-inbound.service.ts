import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import {
  type InboundResult,
  inboundPracticeSchema,
  inboundProfileSchema,
  inboundStatisticsSchema,
  inboundWithdrawalSchema,
} from '../../../shared/schemas/federation';
import type { HubDocument, ProfilePayload } from '../../../shared/schemas/hub';
import type { Deps } from '../../deps';
import type { Actor, Executor } from '../../http/context';
import { indexHubDocuments, removeHubDocuments } from '../../lib/hub-index';
import { recordAudit } from '../audit/audit.service';
import { publishFromOrigin, sanitizePracticeBody, withdrawFromOrigin } from '../practices/practices.service';
import {
  claimNonce,
  deleteStatistics,
  type FederationLinkRow,
  findActiveLinkByToken,
  findMemberFacets,
  findOriginPractice,
  findProfileOrigin,
  findStatisticsRevision,
  insertOriginPractice,
  type PracticeWrite,
  replacePracticeTexts,
  touchLink,
  unpublishOriginProfile,
  updateOriginPractice,
  upsertProfile,
  upsertStatistics,
  withdrawPracticeRow,
} from './federation-hub.repo';
import { withdrawEverythingOf } from './federation-links.service';
import { SignatureError, verifyRequest } from './signatures';

// What a national instance's signed requests do on a hub (decision 038). Each request is checked
// in this order: a `federate` token of an active link (http/auth.ts resolved it), the RFC 9421
// signature with that link's key over the exact bytes received, a nonce never seen in the window,
// then the body against the shared shapes (400 naming the field). A thing carries its revision:
// the same revision twice changes nothing, an older one never overwrites a newer one.

export interface InboundRequest {
  actor: Actor;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  body: unknown;
}

async function authenticate(deps: Deps, request: InboundRequest): Promise<FederationLinkRow> {
  const token = request.actor.apiToken;
  if (!token) throw new AppError('FORBIDDEN', { issues: [{ message: 'federation requests carry a federate token' }] });
  if (token.scope !== 'federate')
    throw new AppError('API_TOKEN_SCOPE', { params: { scope: token.scope, need: 'federation' } });
  const link = await findActiveLinkByToken(deps.db, token.id);
  if (!link) throw new AppError('API_TOKEN_REVOKED');
  let verified: Awaited<ReturnType<typeof verifyRequest>>;
  try {
    verified = await verifyRequest(request, async (keyId) => (keyId === link.key_id ? link.public_jwk : null));
  } catch (error) {
    if (error instanceof SignatureError)
      throw new AppError('UNAUTHENTICATED', { issues: [{ path: 'signature', message: error.message }] });
    throw error;
  }
  if (!(await claimNonce(deps.db, link.id, verified.nonce, verified.expires)))
    throw new AppError('UNAUTHENTICATED', {
      issues: [{ path: 'signature', message: 'this signature was used before (a replayed request)' }],
    });
  return link;
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new AppError('VALIDATION', {
    issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

async function receive<T>(
  deps: Deps,
  request: InboundRequest,
  what: { kind: string; ref?: string },
  work: (trx: Executor, link: FederationLinkRow) => Promise<T & { outcome: InboundResult['outcome'] }>,
): Promise<T> {
  const link = await authenticate(deps, request);
  return deps.db.transaction().execute(async (trx) => {
    const result = await work(trx, link);
    await touchLink(trx, link.id);
    if (result.outcome !== 'unchanged' && result.outcome !== 'stale')
      await recordAudit(trx, request.actor, {
        action: request.method === 'DELETE' ? 'delete' : 'update',
        recordType: 'federation_link',
        recordId: link.id,
        after: { ...what, ...result },
      });
    return result;
  });
}

async function memberOf(trx: Executor, link: FederationLinkRow) {
  const member = await findMemberFacets(trx, link.member_id);
  if (!member) throw new AppError('NOT_FOUND');
  return member;
}

export function putPractice(deps: Deps, request: InboundRequest, ref: string): Promise<InboundResult> {
  return receive(deps, request, { kind: 'practice', ref }, async (trx, link) => {
    const { revision, practice } = parse(inboundPracticeSchema, request.body);
    const existing = await findOriginPractice(trx, link.id, ref);
    const held = existing?.origin_revision ?? 0;
    if (existing && held >= revision)
      return { outcome: held === revision ? 'unchanged' : 'stale', revision: held, hubId: existing.id };
    const member = await memberOf(trx, link);
    const texts = Object.entries(practice.texts).map(([locale, text]) => ({
      locale: locale as Locale,
      title: text.title,
      summary: text.summary,
      body: sanitizePracticeBody(text.body),
    }));
    const write: PracticeWrite = {
      member_id: member.id,
      level: practice.level,
      themes: practice.themes,
      contact: practice.contact,
      links: practice.links,
      source: practice.source,
      federation_link_id: link.id,
      origin_ref: ref,
      origin_revision: revision,
      received_at: new Date(),
    };
    const id = existing?.id ?? (await insertOriginPractice(trx, write));
    if (existing) await updateOriginPractice(trx, existing.id, write, existing.published_at);
    await replacePracticeTexts(trx, id, texts);
    await publishFromOrigin(trx, id, member.id, {
      level: practice.level,
      themes: practice.themes,
      texts: Object.fromEntries(texts.map(({ locale, ...text }) => [locale, text])),
      contact: practice.contact,
      links: practice.links,
      source: practice.source,
      originalLocale: texts[0]?.locale ?? 'en',
      attachmentIds: [],
    });
    return { outcome: 'stored', revision, hubId: id };
  });
}

export function deletePractice(deps: Deps, request: InboundRequest, ref: string): Promise<InboundResult> {
  return receive(deps, request, { kind: 'practice', ref }, async (trx, link) => {
    const { revision } = parse(inboundWithdrawalSchema, request.body);
    const existing = await findOriginPractice(trx, link.id, ref);
    if (!existing) return { outcome: 'unchanged', revision, hubId: null };
    const held = existing.origin_revision ?? 0;
    if (held > revision) return { outcome: 'stale', revision: held, hubId: existing.id };
    if (existing.status === 'withdrawn') return { outcome: 'unchanged', revision: held, hubId: existing.id };
    await withdrawPracticeRow(trx, existing.id, revision);
    await withdrawFromOrigin(trx, existing.id);
    return { outcome: 'withdrawn', revision, hubId: existing.id };
  });
}

function profileDocuments(
  member: NonNullable<Awaited<ReturnType<typeof findMemberFacets>>>,
  profile: ProfilePayload,
): HubDocument[] {
  const locales = new Set<Locale>();
  for (const field of [profile.mandate, profile.legalBasis, profile.composition, profile.secretariat])
    for (const [locale, text] of Object.entries(field)) if (text) locales.add(locale as Locale);
  return [...locales].map((locale) => ({
    kind: 'profile',
    refId: member.id,
    locale,
    visibility: 'public',
    title: member.name,
    summary: profile.mandate[locale] ?? '',
    body: [profile.legalBasis, profile.composition, profile.secretariat, profile.focalPoints]
      .map((field) => field[locale] ?? '')
      .filter(Boolean)
      .join('\n\n'),
    path: `/members/${member.id}`,
    memberId: member.id,
    countryCode: member.country_code,
    systemOfGovernment: member.system_of_government,
    level: 'national',
    themes: [],
    networkIds: member.networkIds,
  }));
}

export function putProfile(deps: Deps, request: InboundRequest): Promise<InboundResult> {
  return receive(deps, request, { kind: 'profile' }, async (trx, link) => {
    const { revision, profile } = parse(inboundProfileSchema, request.body);
    const existing = await findProfileOrigin(trx, link.member_id);
    const held = existing?.federation_link_id === link.id ? (existing.origin_revision ?? 0) : 0;
    if (held >= revision && held > 0)
      return { outcome: held === revision ? 'unchanged' : 'stale', revision: held, hubId: link.member_id };
    const member = await memberOf(trx, link);
    const clean = (texts: Record<string, string | undefined>) =>
      Object.fromEntries(Object.entries(texts).filter((entry): entry is [string, string] => Boolean(entry[1])));
    await upsertProfile(trx, {
      member_id: member.id,
      mandate: clean(profile.mandate),
      legal_basis: clean(profile.legalBasis),
      composition: clean(profile.composition),
      secretariat: clean(profile.secretariat),
      focal_points: clean(profile.focalPoints),
      established: profile.established,
      website: profile.website,
      source: profile.source,
      published: true,
      federation_link_id: link.id,
      origin_revision: revision,
      received_at: new Date(),
    });
    await indexHubDocuments(trx, 'profile', member.id, profileDocuments(member, profile));
    return { outcome: 'stored', revision, hubId: member.id };
  });
}

export function deleteProfile(deps: Deps, request: InboundRequest): Promise<InboundResult> {
  return receive(deps, request, { kind: 'profile' }, async (trx, link) => {
    const { revision } = parse(inboundWithdrawalSchema, request.body);
    const existing = await findProfileOrigin(trx, link.member_id);
    if (!existing || existing.federation_link_id !== link.id) return { outcome: 'unchanged', revision, hubId: null };
    const held = existing.origin_revision ?? 0;
    if (held > revision) return { outcome: 'stale', revision: held, hubId: link.member_id };
    if (!existing.published) return { outcome: 'unchanged', revision: held, hubId: link.member_id };
    await unpublishOriginProfile(trx, link.member_id, revision);
    await removeHubDocuments(trx, 'profile', link.member_id);
    return { outcome: 'withdrawn', revision, hubId: link.member_id };
  });
}

export function putStatistics(deps: Deps, request: InboundRequest): Promise<InboundResult> {
  return receive(deps, request, { kind: 'statistics' }, async (trx, link) => {
    const { revision, statistics } = parse(inboundStatisticsSchema, request.body);
    const held = (await findStatisticsRevision(trx, link.id))?.revision ?? 0;
    if (held >= revision) return { outcome: held === revision ? 'unchanged' : 'stale', revision: held, hubId: null };
    await upsertStatistics(trx, { link_id: link.id, member_id: link.member_id, revision, payload: statistics });
    return { outcome: 'stored', revision, hubId: null };
  });
}

export function deleteStatisticsOf(deps: Deps, request: InboundRequest): Promise<InboundResult> {
  return receive(deps, request, { kind: 'statistics' }, async (trx, link) => {
    const { revision } = parse(inboundWithdrawalSchema, request.body);
    const held = (await findStatisticsRevision(trx, link.id))?.revision;
    if (held === undefined) return { outcome: 'unchanged', revision, hubId: null };
    if (held > revision) return { outcome: 'stale', revision: held, hubId: null };
    await deleteStatistics(trx, link.id);
    return { outcome: 'withdrawn', revision, hubId: null };
  });
}

/** The national instance unlinks: everything that came through its link leaves the hub at once. */
export function deleteEverything(deps: Deps, request: InboundRequest): Promise<InboundResult> {
  return receive(deps, request, { kind: 'everything' }, async (trx, link) => {
    const { revision } = parse(inboundWithdrawalSchema, request.body);
    await withdrawEverythingOf(trx, link.id);
    return { outcome: 'withdrawn', revision, hubId: null };
  });
}
