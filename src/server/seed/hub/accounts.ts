import type { DemoAccount } from '../../../shared/schemas/identity';

/**
 * One sign-in account per role of the demo hub (decision 035), shown on its sign-in page in demo
 * mode only, like the demo State's (seed/demo-accounts.ts). The people are invented; `country`
 * names the member NMIRF (profiles.data.ts) a member account acts for.
 */
export const hubDemoAccounts: (DemoAccount & { country: string | null })[] = [
  {
    role: 'hub_admin',
    name: 'Claire Dubois',
    email: 'admin@hub.demo.implementa.example',
    password: 'demo-hub-admin-2026',
    organisation: 'Knowledge hub secretariat',
    country: null,
  },
  {
    role: 'moderator',
    name: 'Kofi Mensah',
    email: 'moderator@hub.demo.implementa.example',
    password: 'demo-hub-moderator-2026',
    organisation: 'Knowledge hub secretariat',
    country: null,
  },
  {
    role: 'member',
    name: 'Inês Almeida',
    email: 'portugal@hub.demo.implementa.example',
    password: 'demo-hub-portugal-2026',
    organisation: 'National Human Rights Committee (Portugal)',
    country: 'PT',
  },
  {
    role: 'member',
    name: 'Lucía Benítez',
    email: 'paraguay@hub.demo.implementa.example',
    password: 'demo-hub-paraguay-2026',
    organisation: 'SIMORE Plus (Paraguay)',
    country: 'PY',
  },
  {
    role: 'member',
    name: 'Tina Kralj',
    email: 'slovenia@hub.demo.implementa.example',
    password: 'demo-hub-slovenia-2026',
    organisation: 'Inter-departmental Commission on Human Rights (Slovenia)',
    country: 'SI',
  },
  {
    role: 'reader',
    name: 'Samuel Okoro',
    email: 'reader@hub.demo.implementa.example',
    password: 'demo-hub-reader-2026',
    organisation: 'Member of the public',
    country: null,
  },
];
