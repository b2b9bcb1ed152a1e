import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../errors';
import {
  actionEntityRoles,
  actionReminderKinds,
  actionReminderStatuses,
  actionSorts,
  actionStatuses,
} from '../schemas/actions';
import { apiTokenScopes, apiTokenStatuses } from '../schemas/api-tokens';
import { assignmentRoles } from '../schemas/assignments';
import { auditActions, auditRecordTypes } from '../schemas/audit';
import { calendarKinds, calendarSources, calendarStatuses } from '../schemas/calendar';
import { answerStatuses, callStatuses, progressStatuses, reminderStatuses } from '../schemas/calls';
import { digestChoices, postStatuses, registrationStatuses, reportReasons, threadKinds } from '../schemas/community';
import { dashboardDimensions, trendIntervals } from '../schemas/dashboards';
import { entityImportActions, entityImportFields, entityKinds, nominationStatuses, seats } from '../schemas/entities';
import {
  federationLinkStates,
  federationLinkStatuses,
  federationShareKinds,
  federationShareStates,
} from '../schemas/federation';
import {
  governmentLevels,
  hubDocumentKinds,
  hubMemberStatuses,
  hubNetworkKinds,
  hubThemes,
  practiceStatuses,
} from '../schemas/hub';
import { assessmentStatuses } from '../schemas/hub-assessment';
import { practiceFacetNames, practiceVersionOutcomes } from '../schemas/hub-practices';
import { hubRegions } from '../schemas/hub-profiles';
import { hubSearchFacetNames } from '../schemas/hub-search';
import { invitationStatusSchema, roles, signInMethods, ssoRefusals, userStatuses } from '../schemas/identity';
import { importRowActions, importSummarySchema, mappableFields, stateMatchSchema } from '../schemas/imports';
import {
  builtinDimensions,
  indicatorFrequencies,
  indicatorTypes,
  observationImportActions,
  observationImportFormats,
} from '../schemas/indicators';
import { mailKinds, mailStatuses } from '../schemas/outbox';
import { datasetColumns, datasetDictionaryKeys } from '../schemas/public';
import { publicnessValues } from '../schemas/publication';
import { facetNames, followUpGrades, linkKinds, mechanisms, positions, searchSorts } from '../schemas/register';
import { lrgPlacements, reportGroupings, reportStatuses, reportTypes } from '../schemas/reports';
import { systemsOfGovernment } from '../schemas/state-profile';
import { type Locale, locales } from './locales';

const here = fileURLToPath(new URL('.', import.meta.url));
const srcDir = join(here, '..', '..');

type Catalogue = Record<string, string>;
const catalogues = Object.fromEntries(
  locales.map((locale) => [
    locale,
    JSON.parse(readFileSync(join(here, 'messages', `${locale}.json`), 'utf8')) as Catalogue,
  ]),
) as Record<Locale, Catalogue>;
const english = catalogues.en;
const others = locales.filter((locale) => locale !== 'en');

/** Keys built at run time from an enum (t(`errors.${code}`)): each family lists its values. */
const dynamicFamilies: Record<string, readonly string[]> = {
  'errors.': errorCodes,
  'roles.': roles,
  'home.roleIntro.': roles,
  'audit.actions.': auditActions,
  'recordTypes.': auditRecordTypes,
  'public.publication.': publicnessValues,
  'users.status.': userStatuses,
  'sessions.method.': signInMethods,
  'signIn.ssoRefused.': ssoRefusals,
  'invitations.status.': invitationStatusSchema.options,
  'outbox.status.': mailStatuses,
  'apiTokens.status.': apiTokenStatuses,
  'apiTokens.scopes.': apiTokenScopes,
  'federation.kinds.': federationShareKinds,
  'federation.states.': federationShareStates,
  'federation.linkStates.': ['none', ...federationLinkStates],
  'federation.linkStatuses.': federationLinkStatuses,
  'federation.levels.': governmentLevels,
  'federation.profile.': ['mandate', 'legalBasis', 'composition', 'secretariat', 'focalPoints'],
  'outbox.kinds.': mailKinds,
  'hubThemes.': hubThemes,
  'hubCommunity.kind.': threadKinds,
  'hubCommunity.status.': postStatuses,
  'hubCommunity.reason.': reportReasons,
  'hubCommunity.digest.': digestChoices,
  'hubCommunity.registration.': registrationStatuses,
  'hubCommunity.language.': locales,
  'hubCommunity.moderation.queue.': ['reported', 'held'],
  'hubPractices.level.': governmentLevels,
  'hubPractices.facet.': practiceFacetNames,
  'hubPractices.status.': practiceStatuses,
  'hubPractices.outcome.': practiceVersionOutcomes,
  'stateProfile.system.': systemsOfGovernment,
  'hubProfiles.kind.': hubDocumentKinds,
  'hubProfiles.region.': hubRegions,
  'hubProfiles.networkKind.': hubNetworkKinds,
  'hubProfiles.status.': hubMemberStatuses,
  'hubSearch.kind.': hubDocumentKinds,
  'hubSearch.level.': governmentLevels,
  'hubSearch.facet.': hubSearchFacetNames,
  'hubAssessment.status.': assessmentStatuses,
  'register.facet.': facetNames,
  'register.position.': positions,
  'register.mechanism.': mechanisms,
  'public.data.set.': Object.keys(datasetColumns),
  'public.data.dict.': datasetDictionaryKeys,
  'register.sortBy.': searchSorts,
  'register.links.': linkKinds,
  'assignments.role.': assignmentRoles,
  'peers.sort.': ['onTime', 'progress', 'name'],
  'chart.': ['lower', 'upper'],
  'dashboards.dimension.': dashboardDimensions,
  'dashboards.none.': dashboardDimensions,
  'dashboards.interval.': trendIntervals,
  'recommendation.grade.': followUpGrades,
  'imports.action.': importRowActions,
  'imports.section.': importRowActions,
  'imports.reviewActions.': ['create', 'update', 'unchanged'],
  'imports.status.': importSummarySchema.shape.status.options,
  'imports.how.': stateMatchSchema.shape.how.options,
  'imports.step.': ['upload', 'preview', 'applying', 'done'],
  // The importer's own vocabularies (server/modules/imports): formats, skip reasons, changed fields, summary.
  'imports.format.': [
    'uhri-xlsx',
    'uhri-json',
    'upr-info-csv',
    'ohchr-thematic-docx',
    'upr-wg-report-pdf',
    'upr-addendum-pdf',
    'treaty-body-co',
    'tabular',
  ],
  'imports.reason.': [
    'voluntaryPledge',
    'notARecommendation',
    'emptyText',
    'missingBody',
    'missingCountry',
    'duplicateInFile',
    'notInRegister',
    'heldOnReview',
  ],
  'imports.changeField.': [
    'heading',
    'sub_items',
    'position',
    'position_source',
    'action_category',
    'external_id',
    'follow_up',
    'recommending_states',
    'sdg_targets',
    'themes',
    'affected_persons',
    'issues',
    // Decision 017: sources, SDG goals, held views and what a file fills in on a review.
    'sources',
    'sdg_goals',
    'held_positions',
    'symbol',
    'country',
    'session',
    'cycle',
    'review_date',
  ],
  'imports.summary.': [
    'created',
    'updated',
    'unchanged',
    'skipped',
    'reviewsCreated',
    'reviewsUpdated',
    'termsCreated',
  ],
  'imports.field.': [...mappableFields],
  'entities.kind.': entityKinds,
  'entities.seat.': seats,
  'entities.import.action.': entityImportActions,
  'entities.import.field.': entityImportFields,
  'entities.import.count.': [...entityImportActions, 'error'],
  'nominations.status.': nominationStatuses,
  'calls.status.': callStatuses,
  'calls.answerStatus.': answerStatuses,
  'calls.reminderStatus.': reminderStatuses,
  'calendar.kind.': calendarKinds,
  'calendar.status.': calendarStatuses,
  'calendar.view.': ['month', 'agenda'],
  'calendar.source.': calendarSources,
  'answer.updateStatus.': progressStatuses,
  'reports.type.': reportTypes,
  'reports.status.': reportStatuses,
  'reports.grouping.': reportGroupings,
  'reports.lrgPlacement.': lrgPlacements,
  'reports.diff.change.': ['added', 'removed', 'changed', 'same'],
  'actions.status.': actionStatuses,
  'actions.entityRole.': actionEntityRoles,
  'actions.sort.': actionSorts,
  'actions.reminderKind.': actionReminderKinds,
  'actions.reminderStatus.': actionReminderStatuses,
  'indicators.type.': indicatorTypes,
  'indicators.frequency.': indicatorFrequencies,
  'indicators.dimension.': builtinDimensions,
  // The states of indicator_reminders (migrations/0014_indicators.sql).
  'indicators.reminderStatus.': ['scheduled', 'sent', 'skipped', 'cancelled'],
  'indicators.import.step.': ['upload', 'preview', 'done'],
  'indicators.import.format.': observationImportFormats,
  'indicators.import.action.': observationImportActions,
  'indicators.import.count.': [...observationImportActions, 'ignored', 'error'],
};

/** Keys the server uses for e-mails, with the exact values it passes. */
const serverKeys: Record<string, string[]> = {
  'hubCommunity.mail.mention.subject': ['author', 'title'],
  'hubCommunity.mail.mention.body': ['author', 'excerpt', 'link', 'name', 'title'],
  'hubCommunity.mail.digest.subject': ['count'],
  'hubCommunity.mail.digest.subjectWeekly': ['count'],
  'hubCommunity.mail.digest.body': ['list', 'name', 'settingsLink'],
  'hubCommunity.mail.digest.newThread': ['author', 'excerpt', 'time'],
  'hubCommunity.mail.digest.reply': ['author', 'excerpt', 'time'],
  'hubCommunity.mail.place.subject': ['title'],
  'hubCommunity.mail.place.body': ['link', 'name', 'title'],
  'hubCommunity.errors.banned': ['reason'],
  'hubCommunity.errors.bannedUntil': ['reason', 'until'],
  'hubCommunity.errors.postingLimit': ['max', 'minutes'],
  'mail.invitation.subject': ['appName'],
  'hubPractices.mail.returned.subject': ['title'],
  'hubPractices.mail.returned.body': ['link', 'moderator', 'name', 'note', 'title'],
  'mail.invitation.body': ['hours', 'inviter', 'link', 'name'],
  'mail.passwordReset.subject': ['appName'],
  'mail.passwordReset.body': ['link', 'minutes', 'name'],
  'errors.ACCOUNT_LOCKED': ['minutes'],
  'mail.call.subject': ['title'],
  'mail.call.body': [
    'coordinator',
    'count',
    'deadline',
    'entity',
    'link',
    'list',
    'message',
    'name',
    'nmirf',
    'settingsLink',
  ],
  'mail.call.item': ['number', 'symbol', 'text'],
  'mail.call.more': ['count'],
  'mail.callReminder.subject': ['deadline', 'title'],
  'mail.calendarReminder.subject': ['count'],
  'mail.calendarReminder.line': ['date', 'days', 'estimated', 'title'],
  'mail.calendarReminder.body': ['link', 'list', 'name', 'settingsLink'],
  'calendar.computedTitle': ['body', 'kind'],
  'calendar.computedTitleWithSymbol': ['body', 'kind', 'symbol'],
  'mail.callReminder.body': ['count', 'deadline', 'entity', 'link', 'name', 'settingsLink', 'title'],
  'mail.callOverdue.subject': ['deadline', 'title'],
  'mail.callOverdue.body': ['count', 'deadline', 'entity', 'link', 'name', 'settingsLink', 'title'],
  'mail.nominationRequest.subject': ['network', 'topic'],
  'mail.nominationRequest.body': ['coordinator', 'due', 'link', 'name', 'network', 'topic'],
  'errors.ENTITY_IN_USE': ['assignments', 'children', 'records'],
  'mail.indicatorReminder.subject': ['code', 'due'],
  'mail.indicatorReminder.body': ['code', 'due', 'entity', 'link', 'name', 'settingsLink', 'title'],
  'mail.actionDueSoon.subject': ['due', 'title'],
  'mail.actionDueSoon.body': ['due', 'entity', 'link', 'name', 'settingsLink', 'title'],
  'mail.actionOverdue.subject': ['due', 'title'],
  'mail.actionOverdue.body': ['due', 'entity', 'link', 'name', 'settingsLink', 'title'],
};

/** Values that may stay the same in every language: brand names, and text without letters. */
const sameEverywhere = /^(Implementa|OpenAPI|[^\p{L}]*)$/u;
const maxIdenticalToEnglish = 6;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'messages' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function usedKeys() {
  const literal = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const file of sourceFiles(srcDir)) {
    if (file.endsWith('catalogues.test.ts')) continue;
    const code = readFileSync(file, 'utf8');
    const where = relative(srcDir, file);
    for (const match of code.matchAll(/\bt\(\s*(['"])([A-Za-z][\w.-]*)\1/g)) literal.set(match[2] as string, where);
    for (const match of code.matchAll(/\b\w*[kK]ey:\s*(['"])([A-Za-z][\w-]*\.[\w.-]+)\1/g)) {
      literal.set(match[2] as string, where);
    }
    for (const match of code.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) templates.set(match[1] as string, where);
    // Field issues the server names (AppError issues, zod refinements): the client translates them.
    for (const match of code.matchAll(/(['"])(issues\.[A-Za-z][\w.-]*)\1/g)) literal.set(match[2] as string, where);
  }
  return { literal, templates };
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

/** Plural categories a message in this language must spell out (French and Spanish "many" is for millions). */
function requiredPluralCategories(locale: Locale): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
  return categories.filter((category) => !(category === 'many' && (locale === 'fr' || locale === 'es')));
}

function missingPluralForms(elements: MessageFormatElement[], locale: Locale): string[] {
  const missing: string[] = [];
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      const has = Object.keys(element.options);
      for (const category of requiredPluralCategories(locale)) {
        if (!has.includes(category)) missing.push(`${element.value}:${category}`);
      }
      for (const option of Object.values(element.options)) missing.push(...missingPluralForms(option.value, locale));
    } else if (element.type === TYPE.select) {
      for (const option of Object.values(element.options)) missing.push(...missingPluralForms(option.value, locale));
    } else if (element.type === TYPE.tag) {
      missing.push(...missingPluralForms(element.children, locale));
    }
  }
  return missing;
}

function astOf(message: string, locale: Locale): MessageFormatElement[] {
  return new IntlMessageFormat(message, locale).getAst();
}

describe('message catalogues', () => {
  const { literal, templates } = usedKeys();

  it('finds the keys used in the code', () => {
    expect(literal.size).toBeGreaterThan(50);
  });

  it('builds dynamic keys only from known enum families', () => {
    const unknown = [...templates.keys()].filter((prefix) => !(prefix in dynamicFamilies));
    expect(unknown, `t(\`prefix\${...}\`) with an unregistered prefix: add it to dynamicFamilies`).toEqual([]);
  });

  it.each(locales)('%s has every key used in the code, the enums and the server', (locale) => {
    const needed = [
      ...literal.keys(),
      ...Object.entries(dynamicFamilies).flatMap(([prefix, values]) => values.map((value) => `${prefix}${value}`)),
      ...Object.keys(serverKeys),
    ];
    const missing = [...new Set(needed)].filter((key) => !(key in catalogues[locale]));
    expect(missing).toEqual([]);
  });

  it.each(others)('%s has the same keys as English', (locale) => {
    const keys = Object.keys(catalogues[locale]);
    expect(keys.filter((key) => !(key in english))).toEqual([]);
    expect(Object.keys(english).filter((key) => !(key in catalogues[locale]))).toEqual([]);
  });

  it.each(locales)('%s: every message is valid ICU with the same {values} as English', (locale) => {
    const problems: string[] = [];
    for (const [key, message] of Object.entries(catalogues[locale])) {
      let ast: MessageFormatElement[];
      try {
        ast = astOf(message, locale);
      } catch (error) {
        problems.push(`${key}: does not parse (${(error as Error).message})`);
        continue;
      }
      const source = english[key];
      if (source === undefined) continue;
      const mine = [...argumentsOf(ast)].sort();
      const theirs = [...argumentsOf(astOf(source, 'en'))].sort();
      if (mine.join() !== theirs.join()) problems.push(`${key}: {${mine}} instead of {${theirs}}`);
      const missingForms = missingPluralForms(ast, locale);
      if (missingForms.length > 0) problems.push(`${key}: plural forms missing ${missingForms.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('server keys take exactly the values the server passes', () => {
    for (const [key, values] of Object.entries(serverKeys)) {
      const message = english[key];
      expect(message, key).toBeDefined();
      expect([...argumentsOf(astOf(message as string, 'en'))].sort(), key).toEqual(values);
    }
  });

  it.each(others)('%s is translated, not copied from English', (locale) => {
    const copies = Object.entries(catalogues[locale])
      .filter(([key, value]) => value === english[key] && !sameEverywhere.test(value))
      .map(([key]) => key);
    expect(copies.length, `identical to English: ${copies.join(', ')}`).toBeLessThanOrEqual(maxIdenticalToEnglish);
  });

  it.each(locales)('%s formats every message with sample values', (locale) => {
    const samples = { count: 3, min: 12, max: 200, minutes: 15, hours: 72, level: 2, page: 1, pages: 4 };
    for (const [key, message] of Object.entries(catalogues[locale])) {
      const names = argumentsOf(astOf(message, locale));
      const values = Object.fromEntries(
        [...names].map((name) => [name, name in samples ? samples[name as keyof typeof samples] : `‹${name}›`]),
      );
      expect(() => new IntlMessageFormat(message, locale).format(values), key).not.toThrow();
    }
  });
});
