import { readFile } from 'node:fs/promises';
import type { Insertable } from 'kysely';
import type { Database } from '../db/database';
import type { EntitiesTable } from '../db/schema';
import { systemActor } from '../http/context';
import { hashPassword } from '../lib/secrets';
import { recordAudit } from '../modules/audit/audit.service';
import { insertEntities } from '../modules/entities/entities.repo';
import { importTrustedFile } from '../modules/imports/imports.service';
import { insertStateProfile } from '../modules/state-profile/state-profile.repo';
import { insertUser } from '../modules/users/users.repo';
import countries from './data/countries.json' with { type: 'json' };
import subdivisions from './data/si-subdivisions.json' with { type: 'json' };
import { demoAccounts } from './demo-accounts';
import { seedDemoActions } from './demo-actions';
import { seedDemoCalendar } from './demo-calendar';
import { seedDemoIndicators } from './demo-indicators';
import { seedDemoProgress } from './demo-progress';
import { demoColleagues } from './demo-year.data';

type NewEntity = Insertable<EntitiesTable> & { key: string };

/** Slovenia's real public bodies that UPR and treaty body recommendations are addressed to. */
const nationalBodies: NewEntity[] = [
  {
    key: 'MFEA',
    kind: 'ministry',
    name: 'Ministry of Foreign and European Affairs',
    name_local: 'Ministrstvo za zunanje in evropske zadeve',
    acronym: 'MZEZ',
  },
  { key: 'MP', kind: 'ministry', name: 'Ministry of Justice', name_local: 'Ministrstvo za pravosodje', acronym: 'MP' },
  {
    key: 'MNZ',
    kind: 'ministry',
    name: 'Ministry of the Interior',
    name_local: 'Ministrstvo za notranje zadeve',
    acronym: 'MNZ',
  },
  {
    key: 'MDDSZ',
    kind: 'ministry',
    name: 'Ministry of Labour, Family, Social Affairs and Equal Opportunities',
    name_local: 'Ministrstvo za delo, družino, socialne zadeve in enake možnosti',
    acronym: 'MDDSZ',
  },
  { key: 'MZ', kind: 'ministry', name: 'Ministry of Health', name_local: 'Ministrstvo za zdravje', acronym: 'MZ' },
  {
    key: 'MVI',
    kind: 'ministry',
    name: 'Ministry of Education',
    name_local: 'Ministrstvo za vzgojo in izobraževanje',
    acronym: 'MVI',
  },
  {
    key: 'MJU',
    kind: 'ministry',
    name: 'Ministry of Public Administration',
    name_local: 'Ministrstvo za javno upravo',
    acronym: 'MJU',
  },
  {
    key: 'MSP',
    kind: 'ministry',
    name: 'Ministry of Solidarity-Based Future',
    name_local: 'Ministrstvo za solidarno prihodnost',
    acronym: 'MSP',
  },
  {
    key: 'UN',
    kind: 'agency',
    name: 'Government Office for National Minorities',
    name_local: 'Urad Vlade Republike Slovenije za narodnosti',
    acronym: 'UN',
  },
  {
    key: 'DZ',
    kind: 'parliament',
    name: 'National Assembly of the Republic of Slovenia',
    name_local: 'Državni zbor Republike Slovenije',
    acronym: 'DZ',
  },
  {
    key: 'VS',
    kind: 'judiciary',
    name: 'Supreme Court of the Republic of Slovenia',
    name_local: 'Vrhovno sodišče Republike Slovenije',
    acronym: 'VS RS',
  },
  {
    key: 'ZNE',
    kind: 'independent_body',
    name: 'Advocate of the Principle of Equality',
    name_local: 'Zagovornik načela enakosti',
    acronym: 'ZNE',
  },
  {
    key: 'VARUH',
    kind: 'nhri',
    name: 'Human Rights Ombudsman of the Republic of Slovenia',
    name_local: 'Varuh človekovih pravic Republike Slovenije',
    acronym: 'VČP',
  },
  {
    key: 'PIC',
    kind: 'cso',
    name: 'Legal-Informational Centre for NGOs',
    name_local: 'Pravno-informacijski center nevladnih organizacij',
    acronym: 'PIC',
  },
  {
    key: 'SOS',
    kind: 'lrg_network',
    name: 'Association of Municipalities and Towns of Slovenia',
    name_local: 'Skupnost občin Slovenije',
    acronym: 'SOS',
  },
  {
    key: 'ZOS',
    kind: 'lrg_network',
    name: 'Association of Municipalities of Slovenia',
    name_local: 'Združenje občin Slovenije',
    acronym: 'ZOS',
  },
];

const nmirfName = {
  en: 'Interministerial Commission on Human Rights',
  fr: 'Commission interministérielle des droits de l’homme',
  es: 'Comisión Interministerial de Derechos Humanos',
  ru: 'Межведомственная комиссия по правам человека',
  zh: '人权问题部际委员会',
  ar: 'اللجنة المشتركة بين الوزارات المعنية بحقوق الإنسان',
};

const nmirfMandate = {
  en: 'Coordinates the preparation of Slovenia’s reports to the UN and Council of Europe human rights mechanisms and the follow-up of their recommendations across ministries and municipalities.',
  fr: 'Coordonne l’élaboration des rapports de la Slovénie aux mécanismes des droits de l’homme de l’ONU et du Conseil de l’Europe et le suivi de leurs recommandations par les ministères et les communes.',
  es: 'Coordina la preparación de los informes de Eslovenia a los mecanismos de derechos humanos de las Naciones Unidas y del Consejo de Europa y el seguimiento de sus recomendaciones por los ministerios y los municipios.',
  ru: 'Координирует подготовку докладов Словении механизмам ООН и Совета Европы по правам человека и выполнение их рекомендаций министерствами и муниципалитетами.',
  zh: '协调斯洛文尼亚向联合国和欧洲委员会人权机制提交报告的编写工作，并协调各部委和各市镇对其建议的后续落实。',
  ar: 'تنسق إعداد تقارير سلوفينيا المقدمة إلى آليات حقوق الإنسان التابعة للأمم المتحدة ومجلس أوروبا، ومتابعة توصياتها على مستوى الوزارات والبلديات.',
};

const municipalityLevel = {
  en: 'Municipality',
  fr: 'Commune',
  es: 'Municipio',
  ru: 'Муниципалитет',
  zh: '市镇',
  ar: 'البلدية',
};

/**
 * Seeds the demo State (Slovenia: real bodies, its 212 municipalities from ISO 3166-2, one
 * account per role) into an empty database, in one transaction.
 */
export async function seedDemoState(db: Database): Promise<void> {
  const slovenia = countries.find((country) => country.iso2 === 'SI');
  if (!slovenia) throw new Error('countries.json lacks SI');
  const passwordHashes = await Promise.all(demoAccounts.map((account) => hashPassword(account.password)));
  await db.transaction().execute(async (trx) => {
    await insertStateProfile(trx, {
      country_iso2: 'SI',
      country_name: JSON.stringify(slovenia.name),
      nmirf_name: JSON.stringify(nmirfName),
      nmirf_mandate: JSON.stringify(nmirfMandate),
      system_of_government: 'unitary',
      lrg_level_names: JSON.stringify([{ level: 1, name: municipalityLevel }]),
    });
    const national = await insertEntities(
      trx,
      nationalBodies.map(({ key: _key, ...entity }) => entity),
    );
    const municipalities = await insertEntities(
      trx,
      subdivisions.map((subdivision) => ({
        kind: 'lrg' as const,
        name:
          subdivision.type === 'Urban municipality'
            ? `City Municipality of ${subdivision.name}`
            : `Municipality of ${subdivision.name}`,
        name_local:
          subdivision.type === 'Urban municipality'
            ? `Mestna občina ${subdivision.name}`
            : `Občina ${subdivision.name}`,
        lrg_level: 1,
        subdivision_code: subdivision.code,
      })),
    );
    const idByKey = new Map<string, string>();
    for (const [index, body] of nationalBodies.entries()) idByKey.set(body.key, national[index]?.id ?? '');
    for (const lrg of municipalities) if (lrg.subdivision_code) idByKey.set(lrg.subdivision_code, lrg.id);
    // The city municipalities are members of the Association of Municipalities and Towns (SOS).
    const sos = idByKey.get('SOS');
    const cities = municipalities.filter((lrg) => lrg.name.startsWith('City Municipality'));
    if (sos && cities.length > 0)
      await trx
        .insertInto('network_members')
        .values(cities.map((lrg) => ({ network_id: sos, member_id: lrg.id })))
        .execute();
    const actor = systemActor('demo-seed');
    for (const [index, account] of demoAccounts.entries()) {
      const user = await insertUser(trx, {
        email: account.email,
        name: account.name,
        role: account.role,
        organisation: account.organisation,
        locale: 'en',
        status: 'active',
        password_hash: passwordHashes[index] ?? null,
      });
      const entityId = account.entity ? idByKey.get(account.entity) : undefined;
      if (entityId && account.seat)
        await trx
          .insertInto('entity_people')
          .values({ entity_id: entityId, user_id: user.id, role: account.seat })
          .execute();
      const { password_hash: _hash, ...audited } = user;
      await recordAudit(trx, actor, { action: 'create', recordType: 'user', recordId: user.id, after: audited });
    }
    // The colleagues who act in the demo year (demo-year.ts): seated, without a demo sign-in.
    for (const person of demoColleagues) {
      const user = await insertUser(trx, {
        email: person.email,
        name: person.name,
        role: person.role,
        organisation:
          nationalBodies.find((body) => body.key === person.entity)?.name ??
          municipalities.find((lrg) => lrg.subdivision_code === person.entity)?.name ??
          null,
        locale: 'en',
        status: 'active',
        password_hash: null,
      });
      const entityId = idByKey.get(person.entity);
      if (entityId)
        await trx
          .insertInto('entity_people')
          .values({ entity_id: entityId, user_id: user.id, role: person.seat })
          .execute();
      const { password_hash: _hash, ...audited } = user;
      await recordAudit(trx, actor, { action: 'create', recordType: 'user', recordId: user.id, after: audited });
    }
  });
}

/** The demo State's real UN documents, imported in this order through the normal importer. */
const demoDocuments = [
  'A_HRC_59_15_Slovenia_working-group-report.pdf',
  'A_HRC_59_15_Add.1_Slovenia_views-on-recommendations.pdf',
  'slovenia-upr-cycle4-thematic-list.docx',
  'slovenia-upr-cycle2-thematic-list.docx',
];

/** Fills the demo register: 254 cycle 4 and 163 cycle 2 UPR recommendations with positions and themes. */
export async function seedDemoRegister(db: Database): Promise<void> {
  const actor = systemActor('demo-seed');
  for (const name of demoDocuments) {
    const data = await readFile(new URL(`./data/slovenia/${name}`, import.meta.url));
    await importTrustedFile(db, actor, name, data);
  }
  // The imports computed the calendar's due dates from the reviews; the visits are added by hand.
  await seedDemoCalendar(db);
  await seedDemoActions(db);
  // Validated updates for the report builder to pull in (skipped if the demo has some already).
  await seedDemoProgress(db);
  // Indicators with real WHO data (skipped if the demo has them already).
  await seedDemoIndicators(db);
}
