import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/schemas/identity';
import type { Database } from '../../db/database';
import { systemActor } from '../../http/context';
import { hashPassword } from '../../lib/secrets';
import { recordAudit } from '../../modules/audit/audit.service';
import { reindexNetwork, reindexProfile } from '../../modules/hub-profiles/hub-profiles.index';
import { insertUser } from '../../modules/users/users.repo';
import { hubDemoAccounts } from './accounts';
import { seedHubAssessments } from './assessment';
import { seedHubCommunity } from './community';
import { seedHubPractices } from './practices';
import { demoHubMembers, demoHubNetworks } from './profiles.data';

// The demo knowledge hub (issue 19, decision 035): real NMIRFs as members with their published
// profiles, a real network, and one sign-in account per hub role. Other parts of the hub
// (practices, community, self-assessment) seed after this one from the context it returns.

export interface HubSeedContext {
  memberIdByCountry: Map<string, string>;
  networkIdByName: Map<string, string>;
  /** The first demo account of each hub role (the member accounts: also by e-mail below). */
  accountIdByRole: Map<Role, string>;
  accountIdByEmail: Map<string, string>;
}

/** A hub that has never been set up: no account and no member. */
export async function isHubEmpty(db: Database): Promise<boolean> {
  const [user, member] = await Promise.all([
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('hub_members').select('id').limit(1).executeTakeFirst(),
  ]);
  return !user && !member;
}

/** Seeds the demo hub into an empty database in one transaction; refuses a database in use. */
export async function seedDemoHub(db: Database): Promise<HubSeedContext> {
  if (!(await isHubEmpty(db))) throw new AppError('CONFLICT', { detail: 'This hub already has accounts or members.' });
  const passwordHashes = await Promise.all(hubDemoAccounts.map((account) => hashPassword(account.password)));
  const actor = systemActor('demo-seed');
  return db.transaction().execute(async (trx) => {
    const context: HubSeedContext = {
      memberIdByCountry: new Map(),
      networkIdByName: new Map(),
      accountIdByRole: new Map(),
      accountIdByEmail: new Map(),
    };
    for (const member of demoHubMembers) {
      const { id } = await trx
        .insertInto('hub_members')
        .values({
          country_code: member.countryCode,
          name: member.name,
          name_i18n: JSON.stringify(member.nameI18n),
          acronym: member.acronym,
          system_of_government: member.systemOfGovernment,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('hub_profiles')
        .values({
          member_id: id,
          mandate: JSON.stringify(member.mandate),
          legal_basis: JSON.stringify(member.legalBasis),
          composition: JSON.stringify(member.composition),
          secretariat: JSON.stringify(member.secretariat),
          focal_points: JSON.stringify(member.focalPoints),
          established: member.established,
          website: member.website,
          source: member.source,
          published: true,
        })
        .execute();
      context.memberIdByCountry.set(member.countryCode, id);
      await recordAudit(trx, actor, { action: 'create', recordType: 'hub_member', recordId: id, after: member });
    }
    for (const network of demoHubNetworks) {
      const { id } = await trx
        .insertInto('hub_networks')
        .values({
          kind: network.kind,
          name: network.name,
          name_i18n: JSON.stringify(network.nameI18n),
          description_i18n: JSON.stringify(network.descriptionI18n),
          website: network.website,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const memberIds = network.countries.map((country) => context.memberIdByCountry.get(country));
      if (memberIds.some((memberId) => !memberId)) throw new Error(`a member of ${network.name} is not seeded`);
      await trx
        .insertInto('hub_network_members')
        .values(memberIds.map((memberId) => ({ network_id: id, member_id: memberId as string })))
        .execute();
      context.networkIdByName.set(network.name, id);
      await recordAudit(trx, actor, { action: 'create', recordType: 'hub_network', recordId: id, after: network });
      await reindexNetwork(trx, id);
    }
    // After the networks: each profile's search rows carry its networks.
    for (const memberId of context.memberIdByCountry.values()) await reindexProfile(trx, memberId);
    for (const [index, account] of hubDemoAccounts.entries()) {
      const user = await insertUser(trx, {
        email: account.email,
        name: account.name,
        role: account.role,
        organisation: account.organisation,
        locale: 'en',
        status: 'active',
        password_hash: passwordHashes[index] ?? null,
      });
      if (!context.accountIdByRole.has(account.role)) context.accountIdByRole.set(account.role, user.id);
      context.accountIdByEmail.set(account.email, user.id);
      const memberId = account.country ? context.memberIdByCountry.get(account.country) : undefined;
      if (memberId)
        await trx.insertInto('hub_member_people').values({ member_id: memberId, user_id: user.id }).execute();
      const { password_hash: _hash, ...audited } = user;
      await recordAudit(trx, actor, { action: 'create', recordType: 'user', recordId: user.id, after: audited });
    }
    return context;
  });
}

/**
 * The whole demo hub: members, profiles, networks and accounts, then what the other parts show
 * from them: the members' published practices, the community's spaces, questions and past
 * events, and demo self-assessments (marked as demo data).
 */
export async function seedWholeDemoHub(db: Database): Promise<HubSeedContext> {
  const context = await seedDemoHub(db);
  const author = context.accountIdByRole.get('member');
  const moderator = context.accountIdByRole.get('moderator');
  if (!author || !moderator) throw new Error('the demo hub has no member or moderator account');
  await seedHubPractices(db, context.memberIdByCountry, author, moderator);
  await seedHubCommunity(db, context);
  await seedHubAssessments(db, context);
  return context;
}
