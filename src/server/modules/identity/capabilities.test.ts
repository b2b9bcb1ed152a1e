import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInNew, type TestApp } from '../../../../tests/app';
import { is } from '../../../shared/roles';
import {
  type Capability,
  isHubRole,
  roles,
  type SessionResponse,
  type SessionUser,
} from '../../../shared/schemas/identity';
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

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

/** What each capability means, asked of the policies here, apart from the code that sends it. */
const meaning: Record<Capability, (user: SessionUser) => boolean> = {
  'actions:create': (user) => canActions(user, 'create', { seat: 'member' }),
  'apiTokens:manage': (user) => canApiTokens(user, 'manage'),
  'assignments:assign': (user) => canAssign(user),
  'assignments:mine': (user) => is(user.role, 'actsForEntities'),
  'audit:list': (user) => canAudit(user, 'list'),
  'calendar:edit': (user) => canCalendar(user, 'edit'),
  'calls:inbox': (user) => is(user.role, 'actsForEntities'),
  'calls:manage': (user) => canCalls(user, 'manage'),
  'calls:track': (user) => canCalls(user, 'track'),
  'entities:manage': (user) =>
    (['create', 'edit', 'delete', 'import', 'managePeople', 'manageMembers'] as const).every((action) =>
      canEntities(user, action),
    ),
  'hubMembers:list': (user) => is(user.role, 'hubAccount'),
  'hubMembers:manage': (user) => canHubProfiles(user, 'manageMembers'),
  'hubNetworks:manage': (user) => canHubProfiles(user, 'manageNetworks'),
  'hubProfiles:editOwn': (user) => is(user.role, 'sharesPractice') && !is(user.role, 'moderatesHub'),
  'hubCommunity:events': (user) => canCommunity(user, 'manageEvents'),
  'hubCommunity:join': (user) => canCommunity(user, 'register'),
  'hubCommunity:moderate': (user) => canCommunity(user, 'moderate'),
  'hubPractices:moderate': (user) => canPractices(user, 'moderate'),
  'hubPractices:share': (user) => canPractices(user, 'write', { actsForMember: true }),
  'federation:hubLink': (user) => canFederation(user, 'linkHub'),
  'federation:links': (user) => canFederation(user, 'manageLinks'),
  'federation:share': (user) => canFederation(user, 'share'),
  'hubAssessment:fill': (user) => canAssessment(user, 'fill', { actsForMember: true, sharedWithHub: false }),
  'hubAssessment:readShared': (user) => canAssessment(user, 'listShared'),
  'imports:import': (user) => canImports(user, 'import'),
  'indicators:manage': (user) => canIndicators(user, 'manage'),
  'installation:apiDocs': (user) => is(user.role, 'administers'),
  'national:read': (user) => !is(user.role, 'hubAccount'),
  'outbox:list': (user) => canOutbox(user, 'list'),
  'progress:grade': (user) => canProgress(user, 'grade'),
  'progress:toValidate': (user) => canProgress(user, 'coordinatorStep') || is(user.role, 'endorses'),
  'register:batchEdit': (user) => canRegister(user, 'batchEdit'),
  'register:edit': (user) => canRegister(user, 'edit'),
  'register:manageClusters': (user) => canRegister(user, 'manageClusters'),
  'reports:create': (user) => canReports(user, 'create'),
  'reports:list': (user) => canReports(user, 'list'),
  'stateProfile:edit': (user) => canStateProfile(user, 'edit'),
  'taxonomies:administer': (user) => canTaxonomies(user, 'administer'),
  'taxonomies:manage': (user) => canTaxonomies(user, 'manage'),
  'users:invite': (user) => canUsers(user, 'invite', { newRole: isHubRole(user.role) ? 'reader' : 'viewer' }),
  'users:list': (user) => canUsers(user, 'list'),
  'users:update': (user) => canUsers(user, 'update', { id: 'someone-else' }),
};

describe('the session carries what the policies allow', () => {
  it.each(roles)('for a signed-in %s', async (role) => {
    const client = await signInNew(test, role);
    const session = (await client.request('GET', '/api/session')).json() as SessionResponse;
    const user = session.user!;
    expect(user.role).toBe(role);
    const can = Object.fromEntries(Object.entries(meaning).map(([name, decide]) => [name, decide(user)]));
    expect(session.capabilities?.can).toEqual(can);
    expect(session.capabilities?.invitableRoles).toEqual(
      roles.filter((newRole) => canUsers(user, 'invite', { newRole })),
    );
  });

  it('and none without a session', async () => {
    const session = (await test.app.inject({ method: 'GET', url: '/api/session' })).json() as SessionResponse;
    expect(session.capabilities).toBeNull();
  });
});
