import type { Generated } from 'kysely';
import type {
  Ed25519Jwk,
  FederationShareKind,
  federationLinkStates,
  federationLinkStatuses,
} from '../../shared/schemas/federation';
import type { Json, OneOf, Optional } from './column-types';

/** Federation's tables (migration 0047, decision 038). National side: */
export interface FederationHubLinkTable {
  id: Generated<number>;
  state: Generated<OneOf<typeof federationLinkStates>>;
  hub_url: string | null;
  token_sealed: string | null;
  private_key_sealed: string;
  key_id: string;
  public_jwk: Json<Ed25519Jwk>;
  linked_at: Date | null;
  statistics_day: string | null;
  created_by: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface FederationSharesTable {
  id: Generated<string>;
  kind: FederationShareKind;
  payload: Json<unknown> | null;
  shared: Generated<boolean>;
  revision: Generated<number>;
  sent_revision: number | null;
  on_hub: Generated<boolean>;
  sent_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
  next_try_at: Date | null;
  fingerprint: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Hub side: */
export interface FederationLinksTable {
  id: Generated<string>;
  member_id: string;
  instance_name: string;
  key_id: string;
  public_jwk: Json<Ed25519Jwk>;
  api_token_id: string | null;
  status: Generated<OneOf<typeof federationLinkStatuses>>;
  created_by: string | null;
  created_at: Generated<Date>;
  last_received_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface FederationNoncesTable {
  link_id: string;
  nonce: string;
  expires_at: Date;
}

export interface FederationStatisticsTable {
  link_id: string;
  member_id: string;
  revision: number;
  payload: Json<unknown>;
  received_at: Generated<Date>;
}

/** The origin columns migration 0047 adds to hub_practices: where a federated practice came from. */
export interface HubPracticeOrigin {
  federation_link_id: Optional<string>;
  origin_ref: Optional<string>;
  origin_revision: Optional<number>;
  received_at: Optional<Date>;
}

/** The same for hub_profiles. */
export interface HubProfileOrigin {
  federation_link_id: Optional<string>;
  origin_revision: Optional<number>;
  received_at: Optional<Date>;
}
