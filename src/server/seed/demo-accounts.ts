import type { DemoAccount } from '../../shared/schemas/identity';

/**
 * One sign-in account per role for the demo State. Shown on the sign-in page in demo mode only
 * (DEMO=true, the default on the embedded database); never seeded otherwise. `entity` names the
 * organisation (see demo-state.ts) the person works for, `seat` their place in it (main or
 * alternate focal point, validating authority, or member).
 */
export const demoAccounts: (DemoAccount & {
  entity: string | null;
  seat: 'main' | 'alternate' | 'validator' | 'member' | null;
  organisation: string;
})[] = [
  {
    role: 'admin',
    name: 'Maja Novak',
    email: 'admin@demo.implementa.example',
    password: 'demo-admin-2026',
    entity: 'MFEA',
    seat: 'member',
    organisation: 'Ministry of Foreign and European Affairs',
  },
  {
    role: 'coordinator',
    name: 'Tomaž Kovač',
    email: 'coordinator@demo.implementa.example',
    password: 'demo-coordinator-2026',
    entity: 'MFEA',
    seat: 'member',
    organisation: 'Interministerial Commission on Human Rights, secretariat',
  },
  {
    role: 'focal_point',
    name: 'Ana Horvat',
    email: 'focal.point@demo.implementa.example',
    password: 'demo-focal-point-2026',
    entity: 'MDDSZ',
    seat: 'main',
    organisation: 'Ministry of Labour, Family, Social Affairs and Equal Opportunities',
  },
  {
    role: 'validator',
    name: 'Marko Krajnc',
    email: 'validator@demo.implementa.example',
    password: 'demo-validator-2026',
    entity: 'MDDSZ',
    seat: 'validator',
    organisation: 'Ministry of Labour, Family, Social Affairs and Equal Opportunities',
  },
  {
    role: 'focal_point',
    name: 'Jure Mlakar',
    email: 'ljubljana.focal.point@demo.implementa.example',
    password: 'demo-ljubljana-2026',
    entity: 'SI-061',
    seat: 'main',
    organisation: 'City Municipality of Ljubljana',
  },
  {
    role: 'validator',
    name: 'Petra Golob',
    email: 'ljubljana.validator@demo.implementa.example',
    password: 'demo-ljubljana-validator-2026',
    entity: 'SI-061',
    seat: 'validator',
    organisation: 'City Municipality of Ljubljana',
  },
  {
    role: 'contributor',
    name: 'Nina Zupan',
    email: 'contributor@demo.implementa.example',
    password: 'demo-contributor-2026',
    entity: 'SI-061',
    seat: 'member',
    organisation: 'City Municipality of Ljubljana',
  },
  {
    role: 'stakeholder',
    name: 'Luka Potočnik',
    email: 'stakeholder@demo.implementa.example',
    password: 'demo-stakeholder-2026',
    entity: 'VARUH',
    seat: 'member',
    organisation: 'Human Rights Ombudsman of the Republic of Slovenia',
  },
  {
    role: 'viewer',
    name: 'Eva Kos',
    email: 'viewer@demo.implementa.example',
    password: 'demo-viewer-2026',
    entity: null,
    seat: null,
    organisation: 'Member of the public',
  },
];
