import { is } from '../../../shared/roles';
import { type Capabilities, type Capability, roles, type SessionUser } from '../../../shared/schemas/identity';
import { canActions } from '../actions/actions.policy';
import { canAssessment } from '../assessment/assessment.policy';
import { canAssign } from '../assignments/assignments.policy';
import { canAudit } from '../audit/audit.policy';
import { canCalendar } from '../calendar/calendar.policy';
import { canCalls } from '../calls/calls.policy';
import { canCommunity } from '../community/community.policy';
import { canEntities } from '../entities/entities.policy';
import { canFederation } from '../federation/federation.policy';
import { canHubProfiles } from '../hub-profiles/hub-profiles.policy';
import { canImports } from '../imports/imports.policy';
import { canIndicators } from '../indicators/indicators.policy';
import { canOutbox } from '../outbox/outbox.policy';
import { canPractices } from '../practices/practices.policy';
import { canProgress } from '../progress/progress.policy';
import { canRegister } from '../register/register.policy';
import { canReports } from '../reports/reports.policy';
import { canStateProfile } from '../state-profile/state-profile.policy';
import { canTaxonomies } from '../taxonomies/taxonomies.policy';
import { canApiTokens } from '../users/api-tokens.policy';
import { canUsers } from '../users/users.policy';

/**
 * The signed-in person's collection-level capabilities, sent with the session: each one is its
 * module's policy asked without a record (or, where the record decides, with the most favourable
 * one: "may create an action" is "may, from a writing seat"). The few that only choose what the
 * navigation offers (an inbox, a queue to validate, the API docs) read the role's traits.
 */
export function capabilitiesOf(user: SessionUser): Capabilities {
  const can: Record<Capability, boolean> = {
    'actions:create': canActions(user, 'create', { seat: 'main' }),
    'apiTokens:manage': canApiTokens(user, 'manage'),
    'assignments:assign': canAssign(user),
    'assignments:mine': is(user.role, 'actsForEntities'),
    'audit:list': canAudit(user, 'list'),
    'calendar:edit': canCalendar(user, 'edit'),
    'calls:inbox': is(user.role, 'actsForEntities'),
    'calls:manage': canCalls(user, 'manage'),
    'calls:track': canCalls(user, 'track'),
    'entities:manage': canEntities(user, 'edit'),
    'hubMembers:list': canHubProfiles(user, 'listMembers'),
    'hubMembers:manage': canHubProfiles(user, 'manageMembers'),
    'hubNetworks:manage': canHubProfiles(user, 'manageNetworks'),
    'hubProfiles:editOwn':
      canHubProfiles(user, 'editProfile', { actsForMember: true }) && !is(user.role, 'moderatesHub'),
    'hubCommunity:events': canCommunity(user, 'manageEvents'),
    'hubCommunity:join': canCommunity(user, 'register'),
    'hubCommunity:moderate': canCommunity(user, 'moderate'),
    'hubPractices:moderate': canPractices(user, 'moderate'),
    'hubPractices:share': canPractices(user, 'listOwn'),
    'federation:hubLink': canFederation(user, 'linkHub'),
    'federation:links': canFederation(user, 'manageLinks'),
    'federation:share': canFederation(user, 'share'),
    'hubAssessment:fill': canAssessment(user, 'fill', { actsForMember: true, sharedWithHub: false }),
    'hubAssessment:readShared': canAssessment(user, 'listShared'),
    'imports:import': canImports(user, 'import'),
    'indicators:manage': canIndicators(user, 'manage'),
    'installation:apiDocs': is(user.role, 'administers'),
    // A national instance's pages (register, calendar, dashboards…): every national account reads
    // them; a hub account has none (a hub serves no national route, decision 034).
    'national:read': !is(user.role, 'hubAccount'),
    'outbox:list': canOutbox(user, 'list'),
    'progress:grade': canProgress(user, 'grade'),
    'progress:toValidate': canProgress(user, 'coordinatorStep') || is(user.role, 'endorses'),
    'register:batchEdit': canRegister(user, 'batchEdit'),
    'register:edit': canRegister(user, 'edit'),
    'register:manageClusters': canRegister(user, 'manageClusters'),
    'reports:create': canReports(user, 'create'),
    'reports:list': canReports(user, 'list'),
    'stateProfile:edit': canStateProfile(user, 'edit'),
    'taxonomies:administer': canTaxonomies(user, 'administer'),
    'taxonomies:manage': canTaxonomies(user, 'manage'),
    'users:invite': canUsers(user, 'invite'),
    'users:list': canUsers(user, 'list'),
    'users:update': canUsers(user, 'update'),
  };
  return { can, invitableRoles: roles.filter((role) => canUsers(user, 'invite', { newRole: role })) };
}
