import type { EntityKind } from '../../shared/schemas/entities';

/** Who can be held to account for a recommendation: consulted stakeholders and networks cannot. */
export const dutyBearerKinds = ['ministry', 'agency', 'parliament', 'judiciary', 'independent_body', 'lrg'] as const;

export const isDutyBearer = (kind: string): kind is EntityKind => (dutyBearerKinds as readonly string[]).includes(kind);
