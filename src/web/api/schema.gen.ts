// Generated from the server's OpenAPI document by `npm run generate:api` (build/api-types.ts).
// Do not edit: change the route or its zod schema, then regenerate. api-types.test.ts fails while it is stale.

/** Every API route, `METHOD /path/{param}`: its path parameters, query, JSON body and JSON answer. */
export interface ApiRoutes {
  'GET /api/session': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      user: {
        id: string;
        email: string;
        name: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        organisation: string | null;
        version: number;
      } | null;
      capabilities: {
        can: Record<string, boolean>;
        invitableRoles: Array<'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader'>;
      } | null;
      csrfToken: string | null;
      demoAccounts: Array<{
        email: string;
        password: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        name: string;
        organisation: string;
      }>;
      secondFactorRequired?: boolean;
      singleSignOn?: {
        name: string;
      } | null;
    };
  };
  'POST /api/session': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      email: string;
      password: string;
    };
    response: {
      user: {
        id: string;
        email: string;
        name: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        organisation: string | null;
        version: number;
      } | null;
      capabilities: {
        can: Record<string, boolean>;
        invitableRoles: Array<'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader'>;
      } | null;
      csrfToken: string | null;
      demoAccounts: Array<{
        email: string;
        password: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        name: string;
        organisation: string;
      }>;
      secondFactorRequired?: boolean;
      singleSignOn?: {
        name: string;
      } | null;
    };
  };
  'DELETE /api/session': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'POST /api/session/second-factor': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      code: string;
    };
    response: {
      user: {
        id: string;
        email: string;
        name: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        organisation: string | null;
        version: number;
      } | null;
      capabilities: {
        can: Record<string, boolean>;
        invitableRoles: Array<'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader'>;
      } | null;
      csrfToken: string | null;
      demoAccounts: Array<{
        email: string;
        password: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        name: string;
        organisation: string;
      }>;
      secondFactorRequired?: boolean;
      singleSignOn?: {
        name: string;
      } | null;
    };
  };
  'POST /api/password-resets': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      email: string;
    };
    response: {
      ok: true;
    };
  };
  'POST /api/password-resets/complete': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      token: string;
      password: string;
    };
    response: {
      ok: true;
    };
  };
  'POST /api/invitations/accept': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      token: string;
      name: string;
      password: string;
    };
    response: {
      user: {
        id: string;
        email: string;
        name: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        organisation: string | null;
        version: number;
      } | null;
      capabilities: {
        can: Record<string, boolean>;
        invitableRoles: Array<'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader'>;
      } | null;
      csrfToken: string | null;
      demoAccounts: Array<{
        email: string;
        password: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        name: string;
        organisation: string;
      }>;
      secondFactorRequired?: boolean;
      singleSignOn?: {
        name: string;
      } | null;
    };
  };
  'POST /api/invitations/inspect': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      token: string;
    };
    response: {
      email: string;
      name: string;
      role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
      organisation: string | null;
      locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      expiresAt: string;
    };
  };
  'PATCH /api/me': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      name?: string;
      locale?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      version: number;
    };
    response: {
      id: string;
      email: string;
      name: string;
      role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
      locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      organisation: string | null;
      version: number;
    };
  };
  'GET /api/me/sessions': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Array<{
      id: string;
      createdAt: string;
      lastSeenAt: string;
      expiresAt: string;
      ip: string | null;
      userAgent: string | null;
      current: boolean;
      method: 'password' | 'two_step' | 'sso';
    }>;
  };
  'DELETE /api/me/sessions': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      revoked: number;
    };
  };
  'DELETE /api/me/sessions/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/me/totp': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      enabled: boolean;
      recoveryCodesLeft: number;
    };
  };
  'POST /api/me/totp/setup': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      uri: string;
      secret: string;
    };
  };
  'POST /api/me/totp/enable': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      code: string;
    };
    response: {
      recoveryCodes: string[];
    };
  };
  'POST /api/me/totp/disable': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      password: string;
    };
    response: {
      ok: true;
    };
  };
  'POST /api/me/totp/recovery-codes': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      password?: string;
      code?: string;
    };
    response: {
      recoveryCodes: string[];
    };
  };
  'DELETE /api/admin/users/{id}/totp': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/admin/users/{id}/sessions': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: Array<{
      id: string;
      createdAt: string;
      lastSeenAt: string;
      expiresAt: string;
      ip: string | null;
      userAgent: string | null;
      current: boolean;
      method: 'password' | 'two_step' | 'sso';
    }>;
  };
  'DELETE /api/admin/users/{id}/sessions': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      revoked: number;
    };
  };
  'GET /api/sso/start': {
    path: Record<string, never>;
    query: {
      next?: string;
    };
    body: never;
    response: unknown;
  };
  'GET /api/sso/callback': {
    path: Record<string, never>;
    query: {
      type?: unknown;
      additionalProperties?: unknown;
    };
    body: never;
    response: unknown;
  };
  'GET /api/admin/users': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
      role?: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
      status?: 'invited' | 'active' | 'disabled';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        email: string;
        name: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        organisation: string | null;
        version: number;
        status: 'invited' | 'active' | 'disabled';
        lastSignInAt: string | null;
        createdAt: string;
        secondFactor: boolean;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'PATCH /api/admin/users/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      role?: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
      status?: 'active' | 'disabled';
      version: number;
    };
    response: {
      id: string;
      email: string;
      name: string;
      role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
      locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      organisation: string | null;
      version: number;
      status: 'invited' | 'active' | 'disabled';
      lastSignInAt: string | null;
      createdAt: string;
      secondFactor: boolean;
    };
  };
  'GET /api/admin/invitations': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      status?: 'pending' | 'accepted' | 'expired' | 'revoked';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        userId: string;
        email: string;
        name: string;
        role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
        status: 'pending' | 'accepted' | 'expired' | 'revoked';
        invitedBy: string | null;
        createdAt: string;
        expiresAt: string;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/admin/invitations': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      email: string;
      name: string;
      role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
      organisation?: string;
      locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
    };
    response: {
      id: string;
      userId: string;
      email: string;
      name: string;
      role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
      status: 'pending' | 'accepted' | 'expired' | 'revoked';
      invitedBy: string | null;
      createdAt: string;
      expiresAt: string;
    };
  };
  'DELETE /api/admin/invitations/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/admin/api-tokens': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      status?: 'active' | 'expired' | 'revoked';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        name: string;
        prefix: string;
        scope: 'read_public' | 'read_scoped' | 'write' | 'federate';
        status: 'active' | 'expired' | 'revoked';
        owner: {
          id: string;
          name: string;
          email: string;
        };
        createdBy: string | null;
        createdAt: string;
        expiresAt: string;
        lastUsedAt: string | null;
        revokedAt: string | null;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/admin/api-tokens': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      name: string;
      scope: 'read_public' | 'read_scoped' | 'write';
      ownerEmail?: '' | string;
      expiresInDays: number;
    };
    response: {
      token: {
        id: string;
        name: string;
        prefix: string;
        scope: 'read_public' | 'read_scoped' | 'write' | 'federate';
        status: 'active' | 'expired' | 'revoked';
        owner: {
          id: string;
          name: string;
          email: string;
        };
        createdBy: string | null;
        createdAt: string;
        expiresAt: string;
        lastUsedAt: string | null;
        revokedAt: string | null;
      };
      secret: string;
    };
  };
  'POST /api/admin/api-tokens/{id}/revoke': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      name: string;
      prefix: string;
      scope: 'read_public' | 'read_scoped' | 'write' | 'federate';
      status: 'active' | 'expired' | 'revoked';
      owner: {
        id: string;
        name: string;
        email: string;
      };
      createdBy: string | null;
      createdAt: string;
      expiresAt: string;
      lastUsedAt: string | null;
      revokedAt: string | null;
    };
  };
  'GET /api/admin/audit': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      actorId?: string;
      action?: 'create' | 'update' | 'delete' | 'sign_in' | 'sign_in_failed' | 'sign_out' | 'session_revoked' | 'role_change' | 'invite' | 'password_reset' | 'revoke';
      recordType?: string;
      recordId?: string;
      from?: string;
      to?: string;
    };
    body: never;
    response: {
      items: Array<{
        id: number;
        occurredAt: string;
        actorId: string | null;
        actorLabel: string;
        action: 'create' | 'update' | 'delete' | 'sign_in' | 'sign_in_failed' | 'sign_out' | 'session_revoked' | 'role_change' | 'invite' | 'password_reset' | 'revoke';
        recordType: string;
        recordId: string | null;
        before: unknown;
        after: unknown;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'GET /api/me/activity': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
    };
    body: never;
    response: {
      items: Array<{
        id: number;
        occurredAt: string;
        actorId: string | null;
        actorLabel: string;
        action: 'create' | 'update' | 'delete' | 'sign_in' | 'sign_in_failed' | 'sign_out' | 'session_revoked' | 'role_change' | 'invite' | 'password_reset' | 'revoke';
        recordType: string;
        recordId: string | null;
        before: unknown;
        after: unknown;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'GET /api/admin/outbox': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      status?: 'pending' | 'retrying' | 'sent' | 'failed';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        kind: 'invitation' | 'password_reset' | 'account_locked' | 'nomination_request' | 'call_for_input' | 'call_reminder' | 'calendar_reminder' | 'action_reminder' | 'indicator_reminder' | 'progress_submitted' | 'progress_endorsed' | 'progress_returned' | 'hub_mention' | 'hub_digest' | 'hub_event_place' | 'practice_returned';
        to: string;
        recipientUserId: string | null;
        subject: string;
        status: 'pending' | 'retrying' | 'sent' | 'failed';
        attempts: number;
        lastError: string | null;
        createdAt: string;
        updatedAt: string;
        sentAt: string | null;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/admin/outbox/{id}/retry': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      kind: 'invitation' | 'password_reset' | 'account_locked' | 'nomination_request' | 'call_for_input' | 'call_reminder' | 'calendar_reminder' | 'action_reminder' | 'indicator_reminder' | 'progress_submitted' | 'progress_endorsed' | 'progress_returned' | 'hub_mention' | 'hub_digest' | 'hub_event_place' | 'practice_returned';
      to: string;
      recipientUserId: string | null;
      subject: string;
      status: 'pending' | 'retrying' | 'sent' | 'failed';
      attempts: number;
      lastError: string | null;
      createdAt: string;
      updatedAt: string;
      sentAt: string | null;
    };
  };
  'GET /api/state-profile': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      countryIso2: string;
      countryName: Record<string, string>;
      nmirfName: Record<string, string>;
      nmirfMandate: Record<string, string>;
      systemOfGovernment: 'unitary' | 'federal' | 'devolved';
      lrgLevelNames: Array<{
        level: number;
        name: Record<string, string>;
      }>;
      version: number;
      updatedAt: string;
      entityCounts: Record<string, number>;
    };
  };
  'PUT /api/state-profile': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      nmirfName: Record<string, string>;
      nmirfMandate: Record<string, string>;
      systemOfGovernment: 'unitary' | 'federal' | 'devolved';
      lrgLevelNames: Array<{
        level: number;
        name: Record<string, string>;
      }>;
      version: number;
    };
    response: {
      countryIso2: string;
      countryName: Record<string, string>;
      nmirfName: Record<string, string>;
      nmirfMandate: Record<string, string>;
      systemOfGovernment: 'unitary' | 'federal' | 'devolved';
      lrgLevelNames: Array<{
        level: number;
        name: Record<string, string>;
      }>;
      version: number;
      updatedAt: string;
      entityCounts: Record<string, number>;
    };
  };
  'GET /api/entities': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
      kind?: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
      level?: number;
      parentId?: string | 'none';
      networkId?: string;
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
        nameLocal: string | null;
        parentId: string | null;
        parentName: string | null;
        subdivisionCode: string | null;
        childCount: number;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/entities': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
      name: string;
      nameLocal?: string | null;
      acronym?: string | null;
      parentId?: string | null;
      lrgLevel?: number | null;
      subdivisionCode?: string | null;
    };
    response: {
      id: string;
      kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
      name: string;
      acronym: string | null;
      lrgLevel: number | null;
      nameLocal: string | null;
      parentId: string | null;
      parentName: string | null;
      subdivisionCode: string | null;
      childCount: number;
      version: number;
      ancestors: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      networks: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      memberCount: number;
      peopleCount: number;
      assignmentCount: number;
      createdAt: string;
      updatedAt: string;
    };
  };
  'POST /api/entities/import/preview': {
    path: Record<string, never>;
    query: {
      fileName: string;
    };
    body: never;
    response: {
      fileName: string;
      counts: {
        create: number;
        update: number;
        skip: number;
        error: number;
      };
      rows: Array<{
        row: number;
        action: 'create' | 'update' | 'skip';
        name: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        lrgLevel: number | null;
        parent: string | null;
        subdivisionCode: string | null;
        changes: Array<'name' | 'nameLocal' | 'kind' | 'acronym' | 'level' | 'parent' | 'subdivisionCode'>;
      }>;
      shownRows: number;
      issues: Array<{
        row?: number;
        column?: string;
        message: string;
      }>;
      applied: boolean;
    };
  };
  'POST /api/entities/import/apply': {
    path: Record<string, never>;
    query: {
      fileName: string;
    };
    body: never;
    response: {
      fileName: string;
      counts: {
        create: number;
        update: number;
        skip: number;
        error: number;
      };
      rows: Array<{
        row: number;
        action: 'create' | 'update' | 'skip';
        name: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        lrgLevel: number | null;
        parent: string | null;
        subdivisionCode: string | null;
        changes: Array<'name' | 'nameLocal' | 'kind' | 'acronym' | 'level' | 'parent' | 'subdivisionCode'>;
      }>;
      shownRows: number;
      issues: Array<{
        row?: number;
        column?: string;
        message: string;
      }>;
      applied: boolean;
    };
  };
  'GET /api/entities/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
      name: string;
      acronym: string | null;
      lrgLevel: number | null;
      nameLocal: string | null;
      parentId: string | null;
      parentName: string | null;
      subdivisionCode: string | null;
      childCount: number;
      version: number;
      ancestors: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      networks: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      memberCount: number;
      peopleCount: number;
      assignmentCount: number;
      createdAt: string;
      updatedAt: string;
    };
  };
  'PUT /api/entities/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
      name: string;
      nameLocal?: string | null;
      acronym?: string | null;
      parentId?: string | null;
      lrgLevel?: number | null;
      subdivisionCode?: string | null;
      version: number;
    };
    response: {
      id: string;
      kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
      name: string;
      acronym: string | null;
      lrgLevel: number | null;
      nameLocal: string | null;
      parentId: string | null;
      parentName: string | null;
      subdivisionCode: string | null;
      childCount: number;
      version: number;
      ancestors: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      networks: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      memberCount: number;
      peopleCount: number;
      assignmentCount: number;
      createdAt: string;
      updatedAt: string;
    };
  };
  'DELETE /api/entities/{id}': {
    path: {
      id: string;
    };
    query: {
      version: number;
    };
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/entities/{id}/people': {
    path: {
      id: string;
    };
    query: {
      page?: number;
      pageSize?: number;
    };
    body: never;
    response: {
      items: Array<{
        userId: string;
        name: string;
        email: string | null;
        organisation: string | null;
        role: string;
        status: 'invited' | 'active' | 'disabled';
        seat: 'main' | 'alternate' | 'validator' | 'member';
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/entities/{id}/people': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      userId: string;
      seat: 'main' | 'alternate' | 'validator' | 'member';
    };
    response: {
      userId: string;
      name: string;
      email: string | null;
      organisation: string | null;
      role: string;
      status: 'invited' | 'active' | 'disabled';
      seat: 'main' | 'alternate' | 'validator' | 'member';
    };
  };
  'POST /api/entities/{id}/people/invite': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      email: string;
      name: string;
      role: 'admin' | 'coordinator' | 'focal_point' | 'validator' | 'contributor' | 'stakeholder' | 'viewer' | 'hub_admin' | 'moderator' | 'member' | 'reader';
      organisation?: string;
      locale: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      seat: 'main' | 'alternate' | 'validator' | 'member';
    };
    response: {
      userId: string;
      name: string;
      email: string | null;
      organisation: string | null;
      role: string;
      status: 'invited' | 'active' | 'disabled';
      seat: 'main' | 'alternate' | 'validator' | 'member';
    };
  };
  'PATCH /api/entities/{id}/people/{userId}': {
    path: {
      id: string;
      userId: string;
    };
    query: Record<string, never>;
    body: {
      seat: 'main' | 'alternate' | 'validator' | 'member';
    };
    response: {
      userId: string;
      name: string;
      email: string | null;
      organisation: string | null;
      role: string;
      status: 'invited' | 'active' | 'disabled';
      seat: 'main' | 'alternate' | 'validator' | 'member';
    };
  };
  'DELETE /api/entities/{id}/people/{userId}': {
    path: {
      id: string;
      userId: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'POST /api/networks/{id}/members': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      memberIds: string[];
    };
    response: {
      added: number;
    };
  };
  'DELETE /api/networks/{id}/members/{memberId}': {
    path: {
      id: string;
      memberId: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/networks/{id}/nominations': {
    path: {
      id: string;
    };
    query: {
      page?: number;
      pageSize?: number;
      status?: 'open' | 'closed';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        network: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
        };
        topic: string;
        note: string | null;
        dueDate: string;
        status: 'open' | 'closed';
        requestedBy: string | null;
        createdAt: string;
        closedAt: string | null;
        candidateCount: number;
        chosenCount: number;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/networks/{id}/nominations': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      topic: string;
      note?: string | null;
      dueDate: string;
    };
    response: {
      id: string;
      network: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      topic: string;
      note: string | null;
      dueDate: string;
      status: 'open' | 'closed';
      requestedBy: string | null;
      createdAt: string;
      closedAt: string | null;
      candidateCount: number;
      chosenCount: number;
      version: number;
      candidates: Array<{
        lrg: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
          subdivisionCode: string | null;
        };
        reason: string | null;
        nominatedBy: string | null;
        nominatedAt: string;
        chosen: boolean;
      }>;
      canNominate: boolean;
      canChoose: boolean;
    };
  };
  'GET /api/nominations/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      network: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      topic: string;
      note: string | null;
      dueDate: string;
      status: 'open' | 'closed';
      requestedBy: string | null;
      createdAt: string;
      closedAt: string | null;
      candidateCount: number;
      chosenCount: number;
      version: number;
      candidates: Array<{
        lrg: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
          subdivisionCode: string | null;
        };
        reason: string | null;
        nominatedBy: string | null;
        nominatedAt: string;
        chosen: boolean;
      }>;
      canNominate: boolean;
      canChoose: boolean;
    };
  };
  'PATCH /api/nominations/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      topic: string;
      note?: string | null;
      dueDate: string;
      version: number;
    };
    response: {
      id: string;
      network: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      topic: string;
      note: string | null;
      dueDate: string;
      status: 'open' | 'closed';
      requestedBy: string | null;
      createdAt: string;
      closedAt: string | null;
      candidateCount: number;
      chosenCount: number;
      version: number;
      candidates: Array<{
        lrg: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
          subdivisionCode: string | null;
        };
        reason: string | null;
        nominatedBy: string | null;
        nominatedAt: string;
        chosen: boolean;
      }>;
      canNominate: boolean;
      canChoose: boolean;
    };
  };
  'POST /api/nominations/{id}/candidates': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      lrgId: string;
      reason?: string | null;
    };
    response: {
      id: string;
      network: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      topic: string;
      note: string | null;
      dueDate: string;
      status: 'open' | 'closed';
      requestedBy: string | null;
      createdAt: string;
      closedAt: string | null;
      candidateCount: number;
      chosenCount: number;
      version: number;
      candidates: Array<{
        lrg: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
          subdivisionCode: string | null;
        };
        reason: string | null;
        nominatedBy: string | null;
        nominatedAt: string;
        chosen: boolean;
      }>;
      canNominate: boolean;
      canChoose: boolean;
    };
  };
  'DELETE /api/nominations/{id}/candidates/{lrgId}': {
    path: {
      id: string;
      lrgId: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      network: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      topic: string;
      note: string | null;
      dueDate: string;
      status: 'open' | 'closed';
      requestedBy: string | null;
      createdAt: string;
      closedAt: string | null;
      candidateCount: number;
      chosenCount: number;
      version: number;
      candidates: Array<{
        lrg: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
          subdivisionCode: string | null;
        };
        reason: string | null;
        nominatedBy: string | null;
        nominatedAt: string;
        chosen: boolean;
      }>;
      canNominate: boolean;
      canChoose: boolean;
    };
  };
  'POST /api/nominations/{id}/choose': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      lrgIds: string[];
      version: number;
    };
    response: {
      id: string;
      network: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      topic: string;
      note: string | null;
      dueDate: string;
      status: 'open' | 'closed';
      requestedBy: string | null;
      createdAt: string;
      closedAt: string | null;
      candidateCount: number;
      chosenCount: number;
      version: number;
      candidates: Array<{
        lrg: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
          subdivisionCode: string | null;
        };
        reason: string | null;
        nominatedBy: string | null;
        nominatedAt: string;
        chosen: boolean;
      }>;
      canNominate: boolean;
      canChoose: boolean;
    };
  };
  'GET /api/recommendations': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
      mechanism?: Array<'upr' | 'treaty_body' | 'special_procedure' | 'regional' | 'other'>;
      body?: string[];
      review?: string[];
      cycle?: number[];
      theme?: number[];
      affected?: number[];
      sdgGoal?: number[];
      sdgTarget?: string[];
      position?: Array<'supported' | 'supported_in_part' | 'noted' | 'pending'>;
      status?: string[];
      state?: string[];
      entity?: string[];
      cluster?: string[];
      sort?: 'relevance' | 'number' | 'newest' | 'updated';
      lang?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        number: string | null;
        reviewId: string;
        reviewSymbol: string | null;
        bodyCode: string;
        cycle: number | null;
        text: string;
        textLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        snippet: string | null;
        recommendingStates: string[];
        position: 'supported' | 'supported_in_part' | 'noted' | 'pending' | null;
        status: string;
        sdgTargets: string[];
        themes: string[];
      }>;
      total: number;
      page: number;
      pageSize: number;
      facets: Record<string, Array<{
          value: string;
          label: string;
          count: number;
          lang?: string;
        }>>;
      correctedQuery: string | null;
      tookMs: number;
    };
  };
  'GET /api/recommendations/export.csv': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
      mechanism?: Array<'upr' | 'treaty_body' | 'special_procedure' | 'regional' | 'other'>;
      body?: string[];
      review?: string[];
      cycle?: number[];
      theme?: number[];
      affected?: number[];
      sdgGoal?: number[];
      sdgTarget?: string[];
      position?: Array<'supported' | 'supported_in_part' | 'noted' | 'pending'>;
      status?: string[];
      state?: string[];
      entity?: string[];
      cluster?: string[];
      sort?: 'relevance' | 'number' | 'newest' | 'updated';
      lang?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
    };
    body: never;
    response: unknown;
  };
  'GET /api/recommendations/export.xlsx': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
      mechanism?: Array<'upr' | 'treaty_body' | 'special_procedure' | 'regional' | 'other'>;
      body?: string[];
      review?: string[];
      cycle?: number[];
      theme?: number[];
      affected?: number[];
      sdgGoal?: number[];
      sdgTarget?: string[];
      position?: Array<'supported' | 'supported_in_part' | 'noted' | 'pending'>;
      status?: string[];
      state?: string[];
      entity?: string[];
      cluster?: string[];
      sort?: 'relevance' | 'number' | 'newest' | 'updated';
      lang?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
    };
    body: never;
    response: unknown;
  };
  'POST /api/recommendations/batch': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      ids: string[];
      addThemeIds?: number[];
      removeThemeIds?: number[];
      addSdgTargets?: string[];
      removeSdgTargets?: string[];
      status?: string;
      clusterId?: string;
      linkKind?: 'related' | 'duplicate';
    };
    response: {
      updated: number;
      linked: number;
    };
  };
  'GET /api/recommendations/by-number': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      number: string;
      lang?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'GET /api/recommendations/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      number: string | null;
      reviewId: string;
      reviewSymbol: string | null;
      bodyCode: string;
      cycle: number | null;
      text: string;
      textLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      snippet: string | null;
      recommendingStates: string[];
      position: 'supported' | 'supported_in_part' | 'noted' | 'pending' | null;
      status: string;
      sdgTargets: string[];
      themes: string[];
      texts: Record<string, string>;
      originalLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      heading: string | null;
      subItems: Array<{
        label: string;
        text: string;
      }>;
      positionSource: string | null;
      actionCategory: number | null;
      themeTerms: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: string;
        lang?: string;
      }>;
      affectedTerms: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: string;
        lang?: string;
      }>;
      issueTerms: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: string;
        lang?: string;
      }>;
      customTerms: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: string;
        lang?: string;
      }>;
      followUp: boolean;
      followUpDue: string | null;
      followUpGrade: string | null;
      localLevels: number[];
      sources: Array<{
        importId: string;
        fileName: string;
        format: string;
        location: {
          row?: number;
          paragraph?: string;
          page?: number;
        };
      }>;
      review: {
        id: string;
        symbol: string | null;
        bodyCode: string;
        bodyName: string;
        countryIso2: string | null;
        cycle: number | null;
        session: number | null;
        reviewDate: string | null;
      };
      statusHistory: Array<{
        status: string;
        previousStatus: string | null;
        cause: {
          kind: 'edit';
        } | {
          kind: 'batch';
        } | {
          kind: 'progress';
          progressUpdateId: string | null;
        } | {
          kind: 'import';
          importId: string | null;
        };
        note: string | null;
        changedBy: string | null;
        changedAt: string;
      }>;
      links: Array<{
        id: string;
        kind: 'related' | 'duplicate';
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
      }>;
      clusters: Array<{
        id: string;
        name: string;
      }>;
      changes: Array<{
        occurredAt: string;
        actorLabel: string;
        action: string;
        before: unknown;
        after: unknown;
      }>;
      version: number;
      updatedAt: string;
    };
  };
  'PATCH /api/recommendations/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      status?: string;
      statusNote?: string;
      position?: 'supported' | 'supported_in_part' | 'noted' | 'pending' | null;
      themeIds?: number[];
      affectedIds?: number[];
      customTermIds?: number[];
      sdgTargets?: string[];
      followUpGrade?: 'A' | 'B' | 'C' | 'D' | 'E' | null;
      version: number;
    };
    response: {
      id: string;
      number: string | null;
      reviewId: string;
      reviewSymbol: string | null;
      bodyCode: string;
      cycle: number | null;
      text: string;
      textLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      snippet: string | null;
      recommendingStates: string[];
      position: 'supported' | 'supported_in_part' | 'noted' | 'pending' | null;
      status: string;
      sdgTargets: string[];
      themes: string[];
      texts: Record<string, string>;
      originalLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      heading: string | null;
      subItems: Array<{
        label: string;
        text: string;
      }>;
      positionSource: string | null;
      actionCategory: number | null;
      themeTerms: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: string;
        lang?: string;
      }>;
      affectedTerms: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: string;
        lang?: string;
      }>;
      issueTerms: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: string;
        lang?: string;
      }>;
      customTerms: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: string;
        lang?: string;
      }>;
      followUp: boolean;
      followUpDue: string | null;
      followUpGrade: string | null;
      localLevels: number[];
      sources: Array<{
        importId: string;
        fileName: string;
        format: string;
        location: {
          row?: number;
          paragraph?: string;
          page?: number;
        };
      }>;
      review: {
        id: string;
        symbol: string | null;
        bodyCode: string;
        bodyName: string;
        countryIso2: string | null;
        cycle: number | null;
        session: number | null;
        reviewDate: string | null;
      };
      statusHistory: Array<{
        status: string;
        previousStatus: string | null;
        cause: {
          kind: 'edit';
        } | {
          kind: 'batch';
        } | {
          kind: 'progress';
          progressUpdateId: string | null;
        } | {
          kind: 'import';
          importId: string | null;
        };
        note: string | null;
        changedBy: string | null;
        changedAt: string;
      }>;
      links: Array<{
        id: string;
        kind: 'related' | 'duplicate';
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
      }>;
      clusters: Array<{
        id: string;
        name: string;
      }>;
      changes: Array<{
        occurredAt: string;
        actorLabel: string;
        action: string;
        before: unknown;
        after: unknown;
      }>;
      version: number;
      updatedAt: string;
    };
  };
  'POST /api/recommendations/{id}/links': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      otherId: string;
      kind: 'related' | 'duplicate';
    };
    response: {
      ok: true;
    };
  };
  'DELETE /api/recommendations/{id}/links/{otherId}': {
    path: {
      id: string;
      otherId: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/reviews': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      body?: string;
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        symbol: string | null;
        bodyCode: string;
        bodyName: string;
        mechanism: 'upr' | 'treaty_body' | 'special_procedure' | 'regional' | 'other';
        countryIso2: string | null;
        cycle: number | null;
        session: number | null;
        reviewDate: string | null;
        followUpParagraphs: string[];
        followUpMonths: number | null;
        followUpDue: string | null;
        recommendationCount: number;
        statusCounts: Record<string, number>;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'GET /api/reviews/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      symbol: string | null;
      bodyCode: string;
      bodyName: string;
      mechanism: 'upr' | 'treaty_body' | 'special_procedure' | 'regional' | 'other';
      countryIso2: string | null;
      cycle: number | null;
      session: number | null;
      reviewDate: string | null;
      followUpParagraphs: string[];
      followUpMonths: number | null;
      followUpDue: string | null;
      recommendationCount: number;
      statusCounts: Record<string, number>;
    };
  };
  'GET /api/clusters': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        name: string;
        description: string | null;
        size: number;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/clusters': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      name: string;
      description?: string;
    };
    response: {
      id: string;
      name: string;
      description: string | null;
      size: number;
      version: number;
    };
  };
  'GET /api/clusters/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      name: string;
      description: string | null;
      size: number;
      version: number;
    };
  };
  'PATCH /api/clusters/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      name: string;
      description?: string | null;
      version: number;
    };
    response: {
      id: string;
      name: string;
      description: string | null;
      size: number;
      version: number;
    };
  };
  'DELETE /api/clusters/{id}': {
    path: {
      id: string;
    };
    query: {
      version: number;
    };
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/saved-views': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Array<{
      id: string;
      name: string;
      query: Record<string, unknown>;
      createdAt: string;
    }>;
  };
  'POST /api/saved-views': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      name: string;
      query: Record<string, unknown>;
    };
    response: {
      id: string;
      name: string;
      query: Record<string, unknown>;
      createdAt: string;
    };
  };
  'DELETE /api/saved-views/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/recommendations/{id}/assignments': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: Array<{
      id: string;
      recommendationId: string;
      entity: {
        id: string;
        name: string;
        kind: string;
        lrgLevel: number | null;
      };
      role: 'lead' | 'supporting';
      dueDate: string | null;
      delegatedFrom: string | null;
      note: string | null;
      canDelegate: boolean;
      version: number;
    }>;
  };
  'PUT /api/recommendations/{id}/local-levels': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      levels: number[];
    };
    response: {
      ok: true;
    };
  };
  'GET /api/assignments/mine': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      overdue?: string;
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        recommendation: {
          id: string;
          number: string | null;
          symbol: string | null;
          bodyCode: string;
          text: string;
          status: string;
        };
        entity: {
          id: string;
          name: string;
        };
        role: 'lead' | 'supporting';
        dueDate: string | null;
        overdue: boolean;
        delegatedBy: string | null;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/assignments': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      recommendationIds?: string[];
      clusterId?: string;
      entityId: string;
      role: 'lead' | 'supporting';
      dueDate?: string;
      note?: string;
    };
    response: {
      created: number;
      updated: number;
    };
  };
  'POST /api/assignments/{id}/delegations': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      entityId: string;
      dueDate?: string;
      note?: string;
    };
    response: {
      id: string;
    };
  };
  'DELETE /api/assignments/{id}': {
    path: {
      id: string;
    };
    query: {
      version: number;
    };
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/peers': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      level?: number;
      sort?: 'onTime' | 'progress' | 'name';
    };
    body: never;
    response: {
      level: number;
      items: Array<{
        id: string;
        name: string;
        callsAsked: number;
        callsOnTime: number;
        recommendations: number;
        inProgress: number;
        implemented: number;
        mine: boolean;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'GET /api/dashboards/status': {
    path: Record<string, never>;
    query: {
      body?: string;
      cycle?: number;
      entity?: string;
      from?: string;
      to?: string;
      dimension?: 'mechanism' | 'body' | 'cycle' | 'theme' | 'sdgGoal' | 'entity' | 'lrgLevel' | 'lrg';
      limit?: number;
    };
    body: never;
    response: {
      dimension: 'mechanism' | 'body' | 'cycle' | 'theme' | 'sdgGoal' | 'entity' | 'lrgLevel' | 'lrg';
      statuses: Array<{
        code: string;
        label: string;
        final: boolean;
      }>;
      rows: Array<{
        key: string | null;
        label: string;
        counts: Record<string, number>;
        total: number;
      }>;
      other: {
        label: string;
        values: number;
        counts: Record<string, number>;
        total: number;
      } | null;
      values: number;
      recommendations: number;
    };
  };
  'GET /api/dashboards/overdue': {
    path: Record<string, never>;
    query: {
      body?: string;
      cycle?: number;
      entity?: string;
      from?: string;
      to?: string;
      page?: number;
      pageSize?: number;
    };
    body: never;
    response: {
      items: Array<{
        kind: 'assignment';
        id: string;
        status: string;
        statusLabel: string;
        entityId: string;
        entityName: string;
        dueDate: string;
        daysOverdue: number;
        recommendationId: string;
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
        textLang: string;
        role: 'lead' | 'supporting';
        delegated: boolean;
      } | {
        kind: 'action';
        id: string;
        status: string;
        statusLabel: string;
        entityId: string;
        entityName: string;
        dueDate: string;
        daysOverdue: number;
        title: string;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'GET /api/dashboards/trend': {
    path: Record<string, never>;
    query: {
      body?: string;
      cycle?: number;
      entity?: string;
      from?: string;
      to?: string;
      interval?: 'month' | 'quarter';
      periods?: number;
      until?: string;
    };
    body: never;
    response: {
      interval: 'month' | 'quarter';
      periods: string[];
      statuses: Array<{
        code: string;
        label: string;
        final: boolean;
      }>;
      series: Array<{
        status: string;
        counts: number[];
      }>;
    };
  };
  'GET /api/calls': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      status?: 'draft' | 'sent';
      q?: string;
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        title: string;
        deadline: string;
        status: 'draft' | 'sent';
        createdBy: string | null;
        createdAt: string;
        sentAt: string | null;
        recommendationCount: number;
        entityCount: number;
        answeredCount: number;
        lateCount: number;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/calls': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      title: string;
      message: string;
      deadline: string;
      askNarrative?: boolean;
      askStatus?: boolean;
      remindBefore?: number[];
      remindAfter?: number[];
      recommendationIds?: string[];
      clusterIds?: string[];
      entityIds?: string[];
      allAssigned?: boolean;
    };
    response: {
      id: string;
      title: string;
      deadline: string;
      status: 'draft' | 'sent';
      createdBy: string | null;
      createdAt: string;
      sentAt: string | null;
      recommendationCount: number;
      entityCount: number;
      answeredCount: number;
      lateCount: number;
      version: number;
      message: string;
      askNarrative: boolean;
      askStatus: boolean;
      remindBefore: number[];
      remindAfter: number[];
      sentBy: string | null;
      updatedAt: string;
      reminders: Array<{
        daysFromDeadline: number;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped';
        entityCount: number | null;
        mailCount: number | null;
        doneAt: string | null;
      }>;
      answerCounts: Record<string, number>;
      canEdit: boolean;
      canSend: boolean;
    };
  };
  'GET /api/calls/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      title: string;
      deadline: string;
      status: 'draft' | 'sent';
      createdBy: string | null;
      createdAt: string;
      sentAt: string | null;
      recommendationCount: number;
      entityCount: number;
      answeredCount: number;
      lateCount: number;
      version: number;
      message: string;
      askNarrative: boolean;
      askStatus: boolean;
      remindBefore: number[];
      remindAfter: number[];
      sentBy: string | null;
      updatedAt: string;
      reminders: Array<{
        daysFromDeadline: number;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped';
        entityCount: number | null;
        mailCount: number | null;
        doneAt: string | null;
      }>;
      answerCounts: Record<string, number>;
      canEdit: boolean;
      canSend: boolean;
    };
  };
  'PATCH /api/calls/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      title: string;
      message: string;
      deadline: string;
      askNarrative?: boolean;
      askStatus?: boolean;
      remindBefore?: number[];
      remindAfter?: number[];
      version: number;
    };
    response: {
      id: string;
      title: string;
      deadline: string;
      status: 'draft' | 'sent';
      createdBy: string | null;
      createdAt: string;
      sentAt: string | null;
      recommendationCount: number;
      entityCount: number;
      answeredCount: number;
      lateCount: number;
      version: number;
      message: string;
      askNarrative: boolean;
      askStatus: boolean;
      remindBefore: number[];
      remindAfter: number[];
      sentBy: string | null;
      updatedAt: string;
      reminders: Array<{
        daysFromDeadline: number;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped';
        entityCount: number | null;
        mailCount: number | null;
        doneAt: string | null;
      }>;
      answerCounts: Record<string, number>;
      canEdit: boolean;
      canSend: boolean;
    };
  };
  'DELETE /api/calls/{id}': {
    path: {
      id: string;
    };
    query: {
      version: number;
    };
    body: never;
    response: {
      ok: true;
    };
  };
  'POST /api/calls/{id}/send': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      version: number;
    };
    response: {
      id: string;
      title: string;
      deadline: string;
      status: 'draft' | 'sent';
      createdBy: string | null;
      createdAt: string;
      sentAt: string | null;
      recommendationCount: number;
      entityCount: number;
      answeredCount: number;
      lateCount: number;
      version: number;
      message: string;
      askNarrative: boolean;
      askStatus: boolean;
      remindBefore: number[];
      remindAfter: number[];
      sentBy: string | null;
      updatedAt: string;
      reminders: Array<{
        daysFromDeadline: number;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped';
        entityCount: number | null;
        mailCount: number | null;
        doneAt: string | null;
      }>;
      answerCounts: Record<string, number>;
      canEdit: boolean;
      canSend: boolean;
    };
  };
  'POST /api/calls/{id}/reminders': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/calls/{id}/recommendations': {
    path: {
      id: string;
    };
    query: {
      page?: number;
      pageSize?: number;
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        number: string | null;
        reviewSymbol: string | null;
        bodyCode: string;
        text: string;
        textLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        status: string;
        assigned: Array<{
          id: string;
          name: string;
          asked: boolean;
        }>;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/calls/{id}/recommendations': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      recommendationIds?: string[];
      clusterIds?: string[];
    };
    response: {
      id: string;
      title: string;
      deadline: string;
      status: 'draft' | 'sent';
      createdBy: string | null;
      createdAt: string;
      sentAt: string | null;
      recommendationCount: number;
      entityCount: number;
      answeredCount: number;
      lateCount: number;
      version: number;
      message: string;
      askNarrative: boolean;
      askStatus: boolean;
      remindBefore: number[];
      remindAfter: number[];
      sentBy: string | null;
      updatedAt: string;
      reminders: Array<{
        daysFromDeadline: number;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped';
        entityCount: number | null;
        mailCount: number | null;
        doneAt: string | null;
      }>;
      answerCounts: Record<string, number>;
      canEdit: boolean;
      canSend: boolean;
    };
  };
  'DELETE /api/calls/{id}/recommendations/{recommendationId}': {
    path: {
      id: string;
      recommendationId: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      title: string;
      deadline: string;
      status: 'draft' | 'sent';
      createdBy: string | null;
      createdAt: string;
      sentAt: string | null;
      recommendationCount: number;
      entityCount: number;
      answeredCount: number;
      lateCount: number;
      version: number;
      message: string;
      askNarrative: boolean;
      askStatus: boolean;
      remindBefore: number[];
      remindAfter: number[];
      sentBy: string | null;
      updatedAt: string;
      reminders: Array<{
        daysFromDeadline: number;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped';
        entityCount: number | null;
        mailCount: number | null;
        doneAt: string | null;
      }>;
      answerCounts: Record<string, number>;
      canEdit: boolean;
      canSend: boolean;
    };
  };
  'GET /api/calls/{id}/entities': {
    path: {
      id: string;
    };
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
      asked?: 'true' | 'false';
    };
    body: never;
    response: {
      items: Array<{
        entity: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
        };
        recommendationCount: number;
        asked: boolean;
        focalPointCount: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/calls/{id}/entities': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      entityIds?: string[];
      allAssigned?: boolean;
    };
    response: {
      id: string;
      title: string;
      deadline: string;
      status: 'draft' | 'sent';
      createdBy: string | null;
      createdAt: string;
      sentAt: string | null;
      recommendationCount: number;
      entityCount: number;
      answeredCount: number;
      lateCount: number;
      version: number;
      message: string;
      askNarrative: boolean;
      askStatus: boolean;
      remindBefore: number[];
      remindAfter: number[];
      sentBy: string | null;
      updatedAt: string;
      reminders: Array<{
        daysFromDeadline: number;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped';
        entityCount: number | null;
        mailCount: number | null;
        doneAt: string | null;
      }>;
      answerCounts: Record<string, number>;
      canEdit: boolean;
      canSend: boolean;
    };
  };
  'DELETE /api/calls/{id}/entities/{entityId}': {
    path: {
      id: string;
      entityId: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      title: string;
      deadline: string;
      status: 'draft' | 'sent';
      createdBy: string | null;
      createdAt: string;
      sentAt: string | null;
      recommendationCount: number;
      entityCount: number;
      answeredCount: number;
      lateCount: number;
      version: number;
      message: string;
      askNarrative: boolean;
      askStatus: boolean;
      remindBefore: number[];
      remindAfter: number[];
      sentBy: string | null;
      updatedAt: string;
      reminders: Array<{
        daysFromDeadline: number;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped';
        entityCount: number | null;
        mailCount: number | null;
        doneAt: string | null;
      }>;
      answerCounts: Record<string, number>;
      canEdit: boolean;
      canSend: boolean;
    };
  };
  'GET /api/calls/{id}/tracker': {
    path: {
      id: string;
    };
    query: {
      page?: number;
      pageSize?: number;
      status?: 'not_started' | 'draft' | 'answered_on_time' | 'answered_late' | 'late';
      q?: string;
    };
    body: never;
    response: {
      items: Array<{
        entity: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
        };
        status: 'not_started' | 'draft' | 'answered_on_time' | 'answered_late' | 'late';
        itemCount: number;
        submittedCount: number;
        draftCount: number;
        lastSubmittedAt: string | null;
        focalPointCount: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
      counts: Record<string, number>;
    };
  };
  'GET /api/calls/{id}/entities/{entityId}/answers': {
    path: {
      id: string;
      entityId: string;
    };
    query: {
      page?: number;
      pageSize?: number;
    };
    body: never;
    response: {
      call: {
        id: string;
        title: string;
        message: string;
        deadline: string;
        askNarrative: boolean;
        askStatus: boolean;
        sentAt: string | null;
      };
      entity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      status: 'not_started' | 'draft' | 'answered_on_time' | 'answered_late' | 'late';
      itemCount: number;
      submittedCount: number;
      draftCount: number;
      canAnswer: boolean;
      statusOptions: Array<{
        code: string;
        label: string;
      }>;
      items: Array<{
        recommendation: {
          id: string;
          number: string | null;
          reviewSymbol: string | null;
          bodyCode: string;
          text: string;
          textLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
          status: string;
        };
        update: {
          id: string;
          narrative: string | null;
          proposedStatus: string | null;
          status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
          submittedAt: string | null;
          submittedBy: string | null;
          updatedAt: string;
          version: number;
        } | null;
        evidence: Array<{
          id: string;
          fileName: string;
          contentType: string;
          sizeBytes: number;
        }>;
      }>;
      evidenceLimits: {
        maxBytes: number;
        types: string[];
      };
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'PUT /api/calls/{id}/entities/{entityId}/answers': {
    path: {
      id: string;
      entityId: string;
    };
    query: Record<string, never>;
    body: {
      items: Array<{
        recommendationId: string;
        narrative?: string | null;
        proposedStatus?: string | null;
        version: number | null;
      }>;
      submit?: boolean;
    };
    response: {
      status: 'not_started' | 'draft' | 'answered_on_time' | 'answered_late' | 'late';
      saved: Array<{
        recommendationId: string;
        update: {
          id: string;
          narrative: string | null;
          proposedStatus: string | null;
          status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
          submittedAt: string | null;
          submittedBy: string | null;
          updatedAt: string;
          version: number;
        };
      }>;
    };
  };
  'GET /api/inbox': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      open?: 'true' | 'false';
    };
    body: never;
    response: {
      items: Array<{
        call: {
          id: string;
          title: string;
          deadline: string;
        };
        entity: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
        };
        receivedAt: string;
        status: 'not_started' | 'draft' | 'answered_on_time' | 'answered_late' | 'late';
        itemCount: number;
        submittedCount: number;
        draftCount: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'GET /api/me/notifications': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      callsByEmail: boolean;
    };
  };
  'PUT /api/me/notifications': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      callsByEmail: boolean;
    };
    response: {
      callsByEmail: boolean;
    };
  };
  'GET /api/reports': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      status?: 'drafting' | 'consultation' | 'approved';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        title: string;
        type: 'upr_national' | 'upr_mid_term' | 'tb_periodic' | 'tb_follow_up' | 'loi_reply' | 'communication_reply';
        bodyCode: string;
        status: 'drafting' | 'consultation' | 'approved';
        language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        wordLimit: number;
        createdAt: string;
        updatedAt: string;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/reports': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      bodyCode: string;
      type: 'upr_national' | 'upr_mid_term' | 'tb_periodic' | 'tb_follow_up' | 'loi_reply' | 'communication_reply';
      title: string;
      language?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      reviewIds?: string[];
      cycle?: number;
      clusterIds?: string[];
      viewId?: string;
      grouping?: 'theme' | 'cluster' | 'recommendation';
      symbol?: string | null;
      lrgPlacement?: 'annex' | 'section';
      wordLimit?: number;
      annexWordLimit?: number | null;
    };
    response: {
      id: string;
      title: string;
      type: 'upr_national' | 'upr_mid_term' | 'tb_periodic' | 'tb_follow_up' | 'loi_reply' | 'communication_reply';
      bodyCode: string;
      status: 'drafting' | 'consultation' | 'approved';
      language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      wordLimit: number;
      createdAt: string;
      updatedAt: string;
      version: number;
      reviewIds: string[];
      grouping: 'theme' | 'cluster' | 'recommendation';
      symbol: string | null;
      lrgPlacement: 'annex' | 'section';
      annexWordLimit: number | null;
      consultationVersion: number | null;
      approvedVersion: number | null;
      approvedAt: string | null;
      sections: Array<{
        id: string;
        position: number;
        heading: string;
        body: string;
        words: number;
        recommendations: Array<{
          id: string;
          number: string | null;
          excerpt: string;
          present: boolean;
          position: string | null;
          status: string | null;
        }>;
        sources: Array<{
          updateId: string;
          entityId: string;
          entityName: string;
          recommendationIds: string[];
          periodStart: string | null;
          periodEnd: string | null;
        }>;
        version: number;
        updatedAt: string;
        updatedBy: string | null;
      }>;
      annex: Array<{
        entityId: string;
        entityName: string;
        lrgLevel: number | null;
        included: boolean;
        words: number;
        items: Array<{
          updateId: string;
          recommendationNumbers: string[];
          periodStart: string | null;
          periodEnd: string | null;
          text: string;
        }>;
      }>;
      counts: {
        main: number;
        annex: number;
        mainLimit: number;
        annexLimit: number | null;
        mainOver: boolean;
        annexOver: boolean;
      };
      missingRecommendations: Array<{
        id: string;
        number: string | null;
        sectionId: string;
      }>;
      canEdit: boolean;
    };
  };
  'GET /api/reports/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      title: string;
      type: 'upr_national' | 'upr_mid_term' | 'tb_periodic' | 'tb_follow_up' | 'loi_reply' | 'communication_reply';
      bodyCode: string;
      status: 'drafting' | 'consultation' | 'approved';
      language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      wordLimit: number;
      createdAt: string;
      updatedAt: string;
      version: number;
      reviewIds: string[];
      grouping: 'theme' | 'cluster' | 'recommendation';
      symbol: string | null;
      lrgPlacement: 'annex' | 'section';
      annexWordLimit: number | null;
      consultationVersion: number | null;
      approvedVersion: number | null;
      approvedAt: string | null;
      sections: Array<{
        id: string;
        position: number;
        heading: string;
        body: string;
        words: number;
        recommendations: Array<{
          id: string;
          number: string | null;
          excerpt: string;
          present: boolean;
          position: string | null;
          status: string | null;
        }>;
        sources: Array<{
          updateId: string;
          entityId: string;
          entityName: string;
          recommendationIds: string[];
          periodStart: string | null;
          periodEnd: string | null;
        }>;
        version: number;
        updatedAt: string;
        updatedBy: string | null;
      }>;
      annex: Array<{
        entityId: string;
        entityName: string;
        lrgLevel: number | null;
        included: boolean;
        words: number;
        items: Array<{
          updateId: string;
          recommendationNumbers: string[];
          periodStart: string | null;
          periodEnd: string | null;
          text: string;
        }>;
      }>;
      counts: {
        main: number;
        annex: number;
        mainLimit: number;
        annexLimit: number | null;
        mainOver: boolean;
        annexOver: boolean;
      };
      missingRecommendations: Array<{
        id: string;
        number: string | null;
        sectionId: string;
      }>;
      canEdit: boolean;
    };
  };
  'PATCH /api/reports/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      title: string;
      symbol?: string | null;
      lrgPlacement?: 'annex' | 'section';
      wordLimit: number;
      annexWordLimit: number | null;
      version: number;
    };
    response: {
      id: string;
      title: string;
      type: 'upr_national' | 'upr_mid_term' | 'tb_periodic' | 'tb_follow_up' | 'loi_reply' | 'communication_reply';
      bodyCode: string;
      status: 'drafting' | 'consultation' | 'approved';
      language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      wordLimit: number;
      createdAt: string;
      updatedAt: string;
      version: number;
      reviewIds: string[];
      grouping: 'theme' | 'cluster' | 'recommendation';
      symbol: string | null;
      lrgPlacement: 'annex' | 'section';
      annexWordLimit: number | null;
      consultationVersion: number | null;
      approvedVersion: number | null;
      approvedAt: string | null;
      sections: Array<{
        id: string;
        position: number;
        heading: string;
        body: string;
        words: number;
        recommendations: Array<{
          id: string;
          number: string | null;
          excerpt: string;
          present: boolean;
          position: string | null;
          status: string | null;
        }>;
        sources: Array<{
          updateId: string;
          entityId: string;
          entityName: string;
          recommendationIds: string[];
          periodStart: string | null;
          periodEnd: string | null;
        }>;
        version: number;
        updatedAt: string;
        updatedBy: string | null;
      }>;
      annex: Array<{
        entityId: string;
        entityName: string;
        lrgLevel: number | null;
        included: boolean;
        words: number;
        items: Array<{
          updateId: string;
          recommendationNumbers: string[];
          periodStart: string | null;
          periodEnd: string | null;
          text: string;
        }>;
      }>;
      counts: {
        main: number;
        annex: number;
        mainLimit: number;
        annexLimit: number | null;
        mainOver: boolean;
        annexOver: boolean;
      };
      missingRecommendations: Array<{
        id: string;
        number: string | null;
        sectionId: string;
      }>;
      canEdit: boolean;
    };
  };
  'PUT /api/reports/{id}/sections/{sectionId}': {
    path: {
      id: string;
      sectionId: string;
    };
    query: Record<string, never>;
    body: {
      heading: string;
      body: string;
      version: number;
    };
    response: {
      id: string;
      position: number;
      heading: string;
      body: string;
      words: number;
      recommendations: Array<{
        id: string;
        number: string | null;
        excerpt: string;
        present: boolean;
        position: string | null;
        status: string | null;
      }>;
      sources: Array<{
        updateId: string;
        entityId: string;
        entityName: string;
        recommendationIds: string[];
        periodStart: string | null;
        periodEnd: string | null;
      }>;
      version: number;
      updatedAt: string;
      updatedBy: string | null;
    };
  };
  'PUT /api/reports/{id}/annex/{entityId}': {
    path: {
      id: string;
      entityId: string;
    };
    query: Record<string, never>;
    body: {
      included: boolean;
      version: number;
    };
    response: {
      id: string;
      title: string;
      type: 'upr_national' | 'upr_mid_term' | 'tb_periodic' | 'tb_follow_up' | 'loi_reply' | 'communication_reply';
      bodyCode: string;
      status: 'drafting' | 'consultation' | 'approved';
      language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      wordLimit: number;
      createdAt: string;
      updatedAt: string;
      version: number;
      reviewIds: string[];
      grouping: 'theme' | 'cluster' | 'recommendation';
      symbol: string | null;
      lrgPlacement: 'annex' | 'section';
      annexWordLimit: number | null;
      consultationVersion: number | null;
      approvedVersion: number | null;
      approvedAt: string | null;
      sections: Array<{
        id: string;
        position: number;
        heading: string;
        body: string;
        words: number;
        recommendations: Array<{
          id: string;
          number: string | null;
          excerpt: string;
          present: boolean;
          position: string | null;
          status: string | null;
        }>;
        sources: Array<{
          updateId: string;
          entityId: string;
          entityName: string;
          recommendationIds: string[];
          periodStart: string | null;
          periodEnd: string | null;
        }>;
        version: number;
        updatedAt: string;
        updatedBy: string | null;
      }>;
      annex: Array<{
        entityId: string;
        entityName: string;
        lrgLevel: number | null;
        included: boolean;
        words: number;
        items: Array<{
          updateId: string;
          recommendationNumbers: string[];
          periodStart: string | null;
          periodEnd: string | null;
          text: string;
        }>;
      }>;
      counts: {
        main: number;
        annex: number;
        mainLimit: number;
        annexLimit: number | null;
        mainOver: boolean;
        annexOver: boolean;
      };
      missingRecommendations: Array<{
        id: string;
        number: string | null;
        sectionId: string;
      }>;
      canEdit: boolean;
    };
  };
  'GET /api/reports/{id}/versions': {
    path: {
      id: string;
    };
    query: {
      page?: number;
      pageSize?: number;
    };
    body: never;
    response: {
      items: Array<{
        number: number;
        note: string | null;
        createdBy: string | null;
        createdAt: string;
        words: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/reports/{id}/versions': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      note?: string;
    };
    response: {
      number: number;
      note: string | null;
      createdBy: string | null;
      createdAt: string;
      words: number;
    };
  };
  'GET /api/reports/{id}/diff': {
    path: {
      id: string;
    };
    query: {
      from: number;
      to: number;
    };
    body: never;
    response: {
      from: number;
      to: number;
      sections: Array<{
        sectionId: string;
        heading: string;
        change: 'added' | 'removed' | 'changed' | 'same';
        parts: Array<{
          value: string;
          added: boolean;
          removed: boolean;
        }>;
      }>;
    };
  };
  'POST /api/reports/{id}/consultation': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      versionNumber: number;
      version: number;
    };
    response: {
      versionNumber: number;
    };
  };
  'GET /api/reports/{id}/consultation': {
    path: {
      id: string;
    };
    query: {
      version?: number;
    };
    body: never;
    response: {
      reportId: string;
      title: string;
      status: 'drafting' | 'consultation' | 'approved';
      versionNumber: number;
      snapshot: {
        title: string;
        type: 'upr_national' | 'upr_mid_term' | 'tb_periodic' | 'tb_follow_up' | 'loi_reply' | 'communication_reply';
        bodyCode: string;
        sections: Array<{
          id: string;
          heading: string;
          body: string;
          recommendationNumbers: string[];
        }>;
        annex: Array<{
          entityName: string;
          items: Array<{
            updateId: string;
            recommendationNumbers: string[];
            periodStart: string | null;
            periodEnd: string | null;
            text: string;
          }>;
        }>;
        counts: {
          main: number;
          annex: number;
          mainLimit: number;
          annexLimit: number | null;
          mainOver: boolean;
          annexOver: boolean;
        };
      };
      comments: Array<{
        id: string;
        sectionId: string;
        paragraph: number;
        parentId: string | null;
        body: string;
        authorName: string | null;
        authorRole: string | null;
        resolved: boolean;
        createdAt: string;
      }>;
      canComment: boolean;
      canReply: boolean;
    };
  };
  'POST /api/reports/{id}/comments': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      sectionId: string;
      paragraph: number;
      body: string;
    };
    response: {
      id: string;
    };
  };
  'POST /api/reports/{id}/comments/{commentId}/replies': {
    path: {
      id: string;
      commentId: string;
    };
    query: Record<string, never>;
    body: {
      body: string;
    };
    response: {
      id: string;
    };
  };
  'PATCH /api/reports/{id}/comments/{commentId}': {
    path: {
      id: string;
      commentId: string;
    };
    query: Record<string, never>;
    body: {
      resolved: boolean;
    };
    response: {
      ok: true;
    };
  };
  'POST /api/reports/{id}/approve': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      version: number;
      note?: string;
    };
    response: {
      versionNumber: number;
    };
  };
  'GET /api/reports/{id}/export.docx': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: unknown;
  };
  'GET /api/reports/{id}/export.pdf': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: unknown;
  };
  'GET /api/indicators': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
      type?: 'structural' | 'process' | 'outcome';
      ownerId?: string;
      sdg?: string;
      recommendationId?: string;
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        code: string;
        title: string;
        type: 'structural' | 'process' | 'outcome';
        unit: string;
        frequency: 'annual' | 'semiannual' | 'quarterly' | 'monthly' | 'once';
        owner: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
        };
        sdgCodes: string[];
        observationCount: number;
        lastPeriodEnd: string | null;
        nextDue: string | null;
        overdue: boolean;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/indicators': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      code: string;
      title: string;
      description?: string | null;
      type: 'structural' | 'process' | 'outcome';
      unit: string;
      baselineValue?: number | null;
      baselineYear?: number | null;
      targetValue?: number | null;
      targetYear?: number | null;
      frequency: 'annual' | 'semiannual' | 'quarterly' | 'monthly' | 'once';
      ownerEntityId: string;
      dimensions?: Array<{
        key: string;
        label?: string;
        values: string[];
      }>;
      byPlace?: boolean;
      sdgCodes?: string[];
      recommendationIds?: string[];
    };
    response: {
      id: string;
      code: string;
      title: string;
      type: 'structural' | 'process' | 'outcome';
      unit: string;
      frequency: 'annual' | 'semiannual' | 'quarterly' | 'monthly' | 'once';
      owner: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      sdgCodes: string[];
      observationCount: number;
      lastPeriodEnd: string | null;
      nextDue: string | null;
      overdue: boolean;
      version: number;
      description: string | null;
      baselineValue: number | null;
      baselineYear: number | null;
      targetValue: number | null;
      targetYear: number | null;
      dimensions: Array<{
        key: string;
        label?: string;
        values: string[];
      }>;
      byPlace: boolean;
      sdg: Array<{
        code: string;
        title: Record<string, string>;
      }>;
      recommendations: Array<{
        id: string;
        symbol: string | null;
        text: string;
      }>;
      recommendationIds: string[];
      reminder: {
        dueDate: string;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped' | 'cancelled';
      } | null;
      canEdit: boolean;
      canEnterNational: boolean;
      enterablePlaces: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      createdAt: string;
      updatedAt: string;
    };
  };
  'GET /api/indicators/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      code: string;
      title: string;
      type: 'structural' | 'process' | 'outcome';
      unit: string;
      frequency: 'annual' | 'semiannual' | 'quarterly' | 'monthly' | 'once';
      owner: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      sdgCodes: string[];
      observationCount: number;
      lastPeriodEnd: string | null;
      nextDue: string | null;
      overdue: boolean;
      version: number;
      description: string | null;
      baselineValue: number | null;
      baselineYear: number | null;
      targetValue: number | null;
      targetYear: number | null;
      dimensions: Array<{
        key: string;
        label?: string;
        values: string[];
      }>;
      byPlace: boolean;
      sdg: Array<{
        code: string;
        title: Record<string, string>;
      }>;
      recommendations: Array<{
        id: string;
        symbol: string | null;
        text: string;
      }>;
      recommendationIds: string[];
      reminder: {
        dueDate: string;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped' | 'cancelled';
      } | null;
      canEdit: boolean;
      canEnterNational: boolean;
      enterablePlaces: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      createdAt: string;
      updatedAt: string;
    };
  };
  'PUT /api/indicators/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      version: number;
      fields: {
        code: string;
        title: string;
        description?: string | null;
        type: 'structural' | 'process' | 'outcome';
        unit: string;
        baselineValue?: number | null;
        baselineYear?: number | null;
        targetValue?: number | null;
        targetYear?: number | null;
        frequency: 'annual' | 'semiannual' | 'quarterly' | 'monthly' | 'once';
        ownerEntityId: string;
        dimensions?: Array<{
          key: string;
          label?: string;
          values: string[];
        }>;
        byPlace?: boolean;
        sdgCodes?: string[];
        recommendationIds?: string[];
      };
    };
    response: {
      id: string;
      code: string;
      title: string;
      type: 'structural' | 'process' | 'outcome';
      unit: string;
      frequency: 'annual' | 'semiannual' | 'quarterly' | 'monthly' | 'once';
      owner: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      sdgCodes: string[];
      observationCount: number;
      lastPeriodEnd: string | null;
      nextDue: string | null;
      overdue: boolean;
      version: number;
      description: string | null;
      baselineValue: number | null;
      baselineYear: number | null;
      targetValue: number | null;
      targetYear: number | null;
      dimensions: Array<{
        key: string;
        label?: string;
        values: string[];
      }>;
      byPlace: boolean;
      sdg: Array<{
        code: string;
        title: Record<string, string>;
      }>;
      recommendations: Array<{
        id: string;
        symbol: string | null;
        text: string;
      }>;
      recommendationIds: string[];
      reminder: {
        dueDate: string;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped' | 'cancelled';
      } | null;
      canEdit: boolean;
      canEnterNational: boolean;
      enterablePlaces: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      createdAt: string;
      updatedAt: string;
    };
  };
  'DELETE /api/indicators/{id}': {
    path: {
      id: string;
    };
    query: {
      version: number;
    };
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/indicators/{id}/observations': {
    path: {
      id: string;
    };
    query: {
      page?: number;
      pageSize?: number;
      place?: 'national' | string;
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        periodStart: string;
        periodEnd: string;
        value: number;
        lowerBound: number | null;
        upperBound: number | null;
        place: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
        } | null;
        disaggregation: Record<string, string>;
        source: string | null;
        enteredBy: string | null;
        createdAt: string;
        canEdit: boolean;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/indicators/{id}/observations': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      periodStart: string;
      periodEnd: string;
      value: number;
      lowerBound?: number | null;
      upperBound?: number | null;
      placeId?: string | null;
      disaggregation?: Record<string, string>;
      source?: string | null;
    };
    response: {
      id: string;
      periodStart: string;
      periodEnd: string;
      value: number;
      lowerBound: number | null;
      upperBound: number | null;
      place: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      } | null;
      disaggregation: Record<string, string>;
      source: string | null;
      enteredBy: string | null;
      createdAt: string;
      canEdit: boolean;
      version: number;
    };
  };
  'PUT /api/indicators/{id}/observations/{observationId}': {
    path: {
      id: string;
      observationId: string;
    };
    query: Record<string, never>;
    body: {
      version: number;
      fields: {
        periodStart: string;
        periodEnd: string;
        value: number;
        lowerBound?: number | null;
        upperBound?: number | null;
        placeId?: string | null;
        disaggregation?: Record<string, string>;
        source?: string | null;
      };
    };
    response: {
      id: string;
      periodStart: string;
      periodEnd: string;
      value: number;
      lowerBound: number | null;
      upperBound: number | null;
      place: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      } | null;
      disaggregation: Record<string, string>;
      source: string | null;
      enteredBy: string | null;
      createdAt: string;
      canEdit: boolean;
      version: number;
    };
  };
  'DELETE /api/indicators/{id}/observations/{observationId}': {
    path: {
      id: string;
      observationId: string;
    };
    query: {
      version: number;
    };
    body: never;
    response: {
      ok: true;
    };
  };
  'POST /api/indicators/{id}/observations/import/preview': {
    path: {
      id: string;
    };
    query: {
      fileName: string;
      iso3?: string;
    };
    body: never;
    response: {
      fileName: string;
      format: 'who' | 'vlr';
      counts: {
        create: number;
        update: number;
        skip: number;
        ignored: number;
        error: number;
      };
      rows: Array<{
        row: number;
        action: 'create' | 'update' | 'skip';
        periodStart: string;
        periodEnd: string;
        place: string | null;
        disaggregation: Record<string, string>;
        value: number;
        lowerBound: number | null;
        upperBound: number | null;
      }>;
      shownRows: number;
      issues: Array<{
        file?: string;
        row?: number;
        column?: string;
        message: string;
      }>;
      applied: boolean;
    };
  };
  'POST /api/indicators/{id}/observations/import/apply': {
    path: {
      id: string;
    };
    query: {
      fileName: string;
      iso3?: string;
    };
    body: never;
    response: {
      fileName: string;
      format: 'who' | 'vlr';
      counts: {
        create: number;
        update: number;
        skip: number;
        ignored: number;
        error: number;
      };
      rows: Array<{
        row: number;
        action: 'create' | 'update' | 'skip';
        periodStart: string;
        periodEnd: string;
        place: string | null;
        disaggregation: Record<string, string>;
        value: number;
        lowerBound: number | null;
        upperBound: number | null;
      }>;
      shownRows: number;
      issues: Array<{
        file?: string;
        row?: number;
        column?: string;
        message: string;
      }>;
      applied: boolean;
    };
  };
  'GET /api/indicators/{id}/series/over-time': {
    path: {
      id: string;
    };
    query: {
      placeId?: string;
    };
    body: never;
    response: {
      categories: string[];
      periods: Array<{
        start: string;
        end: string;
      }>;
      series: Array<{
        label: string;
        placeId: string | null;
        values: Array<number | null>;
        lower: Array<number | null>;
        upper: Array<number | null>;
      }>;
      unit: string;
      localOnly: boolean;
    };
  };
  'GET /api/indicators/{id}/series/across-places': {
    path: {
      id: string;
    };
    query: {
      periodStart: string;
      periodEnd: string;
    };
    body: never;
    response: {
      places: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      values: number[];
      lower: Array<number | null>;
      upper: Array<number | null>;
      truncated: boolean;
      unit: string;
    };
  };
  'GET /api/indicators/{id}/series/periods': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: Array<{
      start: string;
      end: string;
      placeCount: number;
    }>;
  };
  'GET /api/me/notifications/indicators': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      indicatorsByEmail: boolean;
    };
  };
  'PUT /api/me/notifications/indicators': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      indicatorsByEmail: boolean;
    };
    response: {
      indicatorsByEmail: boolean;
    };
  };
  'GET /api/progress-updates': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      recommendationId?: string;
      actionId?: string;
      entityId?: string;
      status?: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
      toValidate?: 'true' | 'false';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        subject: {
          kind: 'recommendation' | 'action';
          id: string;
          label: string;
        };
        recommendation: {
          id: string;
          number: string | null;
          bodyCode: string;
          reviewSymbol: string | null;
          text: string;
          textLang: string | null;
        } | null;
        entity: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
        };
        status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
        proposedStatus: string | null;
        proposedStatusLabel: string | null;
        periodStart: string | null;
        periodEnd: string | null;
        callId: string | null;
        submittedAt: string | null;
        updatedAt: string;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/progress-updates': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      narrative?: string;
      proposedStatus?: string | null;
      periodStart: string;
      periodEnd: string;
      recommendationId?: string;
      actionId?: string;
      entityId: string;
    };
    response: {
      id: string;
      subject: {
        kind: 'recommendation' | 'action';
        id: string;
        label: string;
      };
      recommendation: {
        id: string;
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
        textLang: string | null;
      } | null;
      entity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
      proposedStatus: string | null;
      proposedStatusLabel: string | null;
      periodStart: string | null;
      periodEnd: string | null;
      callId: string | null;
      submittedAt: string | null;
      updatedAt: string;
      version: number;
      narrativeHtml: string;
      createdBy: string | null;
      submittedBy: string | null;
      endorsedBy: string | null;
      endorsedAt: string | null;
      validatedBy: string | null;
      validatedAt: string | null;
      entityHasValidator: boolean;
      events: Array<{
        step: 'submitted' | 'endorsed' | 'validated' | 'returned';
        comment: string | null;
        actor: string | null;
        at: string;
      }>;
      can: {
        edit: boolean;
        submit: boolean;
        approve: boolean;
        return: boolean;
      };
    };
  };
  'GET /api/progress-updates/options': {
    path: Record<string, never>;
    query: {
      recommendationId?: string;
      actionId?: string;
    };
    body: never;
    response: {
      subject: {
        kind: 'recommendation' | 'action';
        id: string;
        label: string;
      };
      entities: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      statusOptions: Array<{
        code: string;
        label: string;
      }>;
    };
  };
  'GET /api/progress-updates/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      subject: {
        kind: 'recommendation' | 'action';
        id: string;
        label: string;
      };
      recommendation: {
        id: string;
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
        textLang: string | null;
      } | null;
      entity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
      proposedStatus: string | null;
      proposedStatusLabel: string | null;
      periodStart: string | null;
      periodEnd: string | null;
      callId: string | null;
      submittedAt: string | null;
      updatedAt: string;
      version: number;
      narrativeHtml: string;
      createdBy: string | null;
      submittedBy: string | null;
      endorsedBy: string | null;
      endorsedAt: string | null;
      validatedBy: string | null;
      validatedAt: string | null;
      entityHasValidator: boolean;
      events: Array<{
        step: 'submitted' | 'endorsed' | 'validated' | 'returned';
        comment: string | null;
        actor: string | null;
        at: string;
      }>;
      can: {
        edit: boolean;
        submit: boolean;
        approve: boolean;
        return: boolean;
      };
    };
  };
  'PUT /api/progress-updates/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      narrative?: string;
      proposedStatus?: string | null;
      periodStart: string;
      periodEnd: string;
      version: number;
    };
    response: {
      id: string;
      subject: {
        kind: 'recommendation' | 'action';
        id: string;
        label: string;
      };
      recommendation: {
        id: string;
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
        textLang: string | null;
      } | null;
      entity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
      proposedStatus: string | null;
      proposedStatusLabel: string | null;
      periodStart: string | null;
      periodEnd: string | null;
      callId: string | null;
      submittedAt: string | null;
      updatedAt: string;
      version: number;
      narrativeHtml: string;
      createdBy: string | null;
      submittedBy: string | null;
      endorsedBy: string | null;
      endorsedAt: string | null;
      validatedBy: string | null;
      validatedAt: string | null;
      entityHasValidator: boolean;
      events: Array<{
        step: 'submitted' | 'endorsed' | 'validated' | 'returned';
        comment: string | null;
        actor: string | null;
        at: string;
      }>;
      can: {
        edit: boolean;
        submit: boolean;
        approve: boolean;
        return: boolean;
      };
    };
  };
  'POST /api/progress-updates/bulk/approve': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      items: Array<{
        id: string;
        version: number;
      }>;
      comment?: string;
    };
    response: {
      results: Array<{
        id: string;
        ok: boolean;
        status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned' | null;
        code: string | null;
        message: string | null;
      }>;
      succeeded: number;
      failed: number;
    };
  };
  'POST /api/progress-updates/bulk/return': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      items: Array<{
        id: string;
        version: number;
      }>;
      comment?: string;
    };
    response: {
      results: Array<{
        id: string;
        ok: boolean;
        status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned' | null;
        code: string | null;
        message: string | null;
      }>;
      succeeded: number;
      failed: number;
    };
  };
  'POST /api/progress-updates/{id}/submit': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      version: number;
      comment?: string;
    };
    response: {
      id: string;
      subject: {
        kind: 'recommendation' | 'action';
        id: string;
        label: string;
      };
      recommendation: {
        id: string;
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
        textLang: string | null;
      } | null;
      entity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
      proposedStatus: string | null;
      proposedStatusLabel: string | null;
      periodStart: string | null;
      periodEnd: string | null;
      callId: string | null;
      submittedAt: string | null;
      updatedAt: string;
      version: number;
      narrativeHtml: string;
      createdBy: string | null;
      submittedBy: string | null;
      endorsedBy: string | null;
      endorsedAt: string | null;
      validatedBy: string | null;
      validatedAt: string | null;
      entityHasValidator: boolean;
      events: Array<{
        step: 'submitted' | 'endorsed' | 'validated' | 'returned';
        comment: string | null;
        actor: string | null;
        at: string;
      }>;
      can: {
        edit: boolean;
        submit: boolean;
        approve: boolean;
        return: boolean;
      };
    };
  };
  'POST /api/progress-updates/{id}/approve': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      version: number;
      comment?: string;
    };
    response: {
      id: string;
      subject: {
        kind: 'recommendation' | 'action';
        id: string;
        label: string;
      };
      recommendation: {
        id: string;
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
        textLang: string | null;
      } | null;
      entity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
      proposedStatus: string | null;
      proposedStatusLabel: string | null;
      periodStart: string | null;
      periodEnd: string | null;
      callId: string | null;
      submittedAt: string | null;
      updatedAt: string;
      version: number;
      narrativeHtml: string;
      createdBy: string | null;
      submittedBy: string | null;
      endorsedBy: string | null;
      endorsedAt: string | null;
      validatedBy: string | null;
      validatedAt: string | null;
      entityHasValidator: boolean;
      events: Array<{
        step: 'submitted' | 'endorsed' | 'validated' | 'returned';
        comment: string | null;
        actor: string | null;
        at: string;
      }>;
      can: {
        edit: boolean;
        submit: boolean;
        approve: boolean;
        return: boolean;
      };
    };
  };
  'POST /api/progress-updates/{id}/return': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      version: number;
      comment?: string;
    };
    response: {
      id: string;
      subject: {
        kind: 'recommendation' | 'action';
        id: string;
        label: string;
      };
      recommendation: {
        id: string;
        number: string | null;
        bodyCode: string;
        reviewSymbol: string | null;
        text: string;
        textLang: string | null;
      } | null;
      entity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      status: 'draft' | 'submitted' | 'endorsed' | 'validated' | 'returned';
      proposedStatus: string | null;
      proposedStatusLabel: string | null;
      periodStart: string | null;
      periodEnd: string | null;
      callId: string | null;
      submittedAt: string | null;
      updatedAt: string;
      version: number;
      narrativeHtml: string;
      createdBy: string | null;
      submittedBy: string | null;
      endorsedBy: string | null;
      endorsedAt: string | null;
      validatedBy: string | null;
      validatedAt: string | null;
      entityHasValidator: boolean;
      events: Array<{
        step: 'submitted' | 'endorsed' | 'validated' | 'returned';
        comment: string | null;
        actor: string | null;
        at: string;
      }>;
      can: {
        edit: boolean;
        submit: boolean;
        approve: boolean;
        return: boolean;
      };
    };
  };
  'GET /api/progress-updates/{id}/attachments': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      items: Array<{
        id: string;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        sha256: string;
        uploadedBy: string | null;
        createdAt: string;
      }>;
      canEdit: boolean;
      maxBytes: number;
      types: string[];
    };
  };
  'POST /api/progress-updates/{id}/attachments': {
    path: {
      id: string;
    };
    query: {
      fileName: string;
    };
    body: never;
    response: {
      id: string;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      sha256: string;
      uploadedBy: string | null;
      createdAt: string;
    };
  };
  'GET /api/actions/{id}/attachments': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      items: Array<{
        id: string;
        fileName: string;
        contentType: string;
        sizeBytes: number;
        sha256: string;
        uploadedBy: string | null;
        createdAt: string;
      }>;
      canEdit: boolean;
      maxBytes: number;
      types: string[];
    };
  };
  'POST /api/actions/{id}/attachments': {
    path: {
      id: string;
    };
    query: {
      fileName: string;
    };
    body: never;
    response: {
      id: string;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      sha256: string;
      uploadedBy: string | null;
      createdAt: string;
    };
  };
  'GET /api/attachments/{id}/download': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: unknown;
  };
  'DELETE /api/attachments/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: null;
  };
  'GET /api/follow-up': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      bodyCode?: string;
      reviewId?: string;
      ungraded?: 'true' | 'false';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        number: string | null;
        bodyCode: string;
        reviewId: string;
        reviewSymbol: string | null;
        text: string;
        status: string;
        followUpDue: string | null;
        grade: 'A' | 'B' | 'C' | 'D' | 'E' | null;
        gradedAt: string | null;
        gradeDocument: string | null;
        overdue: boolean;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'PUT /api/follow-up/{id}/grade': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      grade: 'A' | 'B' | 'C' | 'D' | 'E' | null;
      gradedAt?: string | null;
      gradeDocument?: string | null;
      version: number;
    };
    response: {
      id: string;
      number: string | null;
      bodyCode: string;
      reviewId: string;
      reviewSymbol: string | null;
      text: string;
      status: string;
      followUpDue: string | null;
      grade: 'A' | 'B' | 'C' | 'D' | 'E' | null;
      gradedAt: string | null;
      gradeDocument: string | null;
      overdue: boolean;
      version: number;
    };
  };
  'GET /api/calendar/events': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      from: string;
      to: string;
      kind?: 'upr_national_report' | 'upr_mid_term_report' | 'upr_review' | 'tb_periodic_report' | 'tb_follow_up_reply' | 'tb_list_of_issues_reply' | 'sp_visit' | 'sp_communication_reply' | 'session' | 'other';
      body?: string;
      status?: 'due' | 'submitted' | 'requested' | 'accepted' | 'scheduled' | 'held';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        kind: 'upr_national_report' | 'upr_mid_term_report' | 'upr_review' | 'tb_periodic_report' | 'tb_follow_up_reply' | 'tb_list_of_issues_reply' | 'sp_visit' | 'sp_communication_reply' | 'session' | 'other';
        title: string;
        customTitle: string | null;
        startsOn: string;
        endsOn: string | null;
        bodyCode: string | null;
        bodyName: string | null;
        reviewId: string | null;
        reviewSymbol: string | null;
        status: 'due' | 'submitted' | 'requested' | 'accepted' | 'scheduled' | 'held' | null;
        source: 'computed' | 'manual';
        estimated: boolean;
        overridden: boolean;
        notes: string | null;
        version: number;
        canEdit: boolean;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/calendar/events': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      kind: 'upr_national_report' | 'upr_mid_term_report' | 'upr_review' | 'tb_periodic_report' | 'tb_follow_up_reply' | 'tb_list_of_issues_reply' | 'sp_visit' | 'sp_communication_reply' | 'session' | 'other';
      title: string | null;
      startsOn: string;
      endsOn: string | null;
      bodyCode: string | null;
      status: 'due' | 'submitted' | 'requested' | 'accepted' | 'scheduled' | 'held' | null;
      notes: string | null;
    };
    response: {
      id: string;
      kind: 'upr_national_report' | 'upr_mid_term_report' | 'upr_review' | 'tb_periodic_report' | 'tb_follow_up_reply' | 'tb_list_of_issues_reply' | 'sp_visit' | 'sp_communication_reply' | 'session' | 'other';
      title: string;
      customTitle: string | null;
      startsOn: string;
      endsOn: string | null;
      bodyCode: string | null;
      bodyName: string | null;
      reviewId: string | null;
      reviewSymbol: string | null;
      status: 'due' | 'submitted' | 'requested' | 'accepted' | 'scheduled' | 'held' | null;
      source: 'computed' | 'manual';
      estimated: boolean;
      overridden: boolean;
      notes: string | null;
      version: number;
      canEdit: boolean;
    };
  };
  'GET /api/calendar/events/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      kind: 'upr_national_report' | 'upr_mid_term_report' | 'upr_review' | 'tb_periodic_report' | 'tb_follow_up_reply' | 'tb_list_of_issues_reply' | 'sp_visit' | 'sp_communication_reply' | 'session' | 'other';
      title: string;
      customTitle: string | null;
      startsOn: string;
      endsOn: string | null;
      bodyCode: string | null;
      bodyName: string | null;
      reviewId: string | null;
      reviewSymbol: string | null;
      status: 'due' | 'submitted' | 'requested' | 'accepted' | 'scheduled' | 'held' | null;
      source: 'computed' | 'manual';
      estimated: boolean;
      overridden: boolean;
      notes: string | null;
      version: number;
      canEdit: boolean;
    };
  };
  'PUT /api/calendar/events/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      kind: 'upr_national_report' | 'upr_mid_term_report' | 'upr_review' | 'tb_periodic_report' | 'tb_follow_up_reply' | 'tb_list_of_issues_reply' | 'sp_visit' | 'sp_communication_reply' | 'session' | 'other';
      title: string | null;
      startsOn: string;
      endsOn: string | null;
      bodyCode: string | null;
      status: 'due' | 'submitted' | 'requested' | 'accepted' | 'scheduled' | 'held' | null;
      notes: string | null;
      version: number;
    };
    response: {
      id: string;
      kind: 'upr_national_report' | 'upr_mid_term_report' | 'upr_review' | 'tb_periodic_report' | 'tb_follow_up_reply' | 'tb_list_of_issues_reply' | 'sp_visit' | 'sp_communication_reply' | 'session' | 'other';
      title: string;
      customTitle: string | null;
      startsOn: string;
      endsOn: string | null;
      bodyCode: string | null;
      bodyName: string | null;
      reviewId: string | null;
      reviewSymbol: string | null;
      status: 'due' | 'submitted' | 'requested' | 'accepted' | 'scheduled' | 'held' | null;
      source: 'computed' | 'manual';
      estimated: boolean;
      overridden: boolean;
      notes: string | null;
      version: number;
      canEdit: boolean;
    };
  };
  'DELETE /api/calendar/events/{id}': {
    path: {
      id: string;
    };
    query: {
      version: number;
    };
    body: never;
    response: {
      ok: true;
    };
  };
  'POST /api/calendar/recompute': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      created: number;
      updated: number;
      deleted: number;
      kept: number;
    };
  };
  'GET /api/calendar/settings': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      remindDays: number[];
      version: number;
    };
  };
  'PUT /api/calendar/settings': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      remindDays: number[];
      version: number;
    };
    response: {
      remindDays: number[];
      version: number;
    };
  };
  'GET /api/calendar/preferences': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      remindersByEmail: boolean;
    };
  };
  'PUT /api/calendar/preferences': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      remindersByEmail: boolean;
    };
    response: {
      remindersByEmail: boolean;
    };
  };
  'GET /api/calendar/feed': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      active: boolean;
      createdAt: string | null;
      lastUsedAt: string | null;
      url: string | null;
    };
  };
  'POST /api/calendar/feed': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      active: boolean;
      createdAt: string | null;
      lastUsedAt: string | null;
      url: string | null;
    };
  };
  'DELETE /api/calendar/feed': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/calendar/feed/{file}': {
    path: {
      file: string;
    };
    query: Record<string, never>;
    body: never;
    response: unknown;
  };
  'GET /api/actions': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
      status?: 'planned' | 'in_progress' | 'completed' | 'cancelled';
      entityId?: string;
      entityRole?: 'any' | 'responsible' | 'supporting';
      recommendationId?: string;
      clusterId?: string;
      overdue?: 'true' | 'false';
      sort?: 'due' | 'title' | 'updated';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        title: string;
        status: 'planned' | 'in_progress' | 'completed' | 'cancelled';
        responsibleEntity: {
          id: string;
          kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
          name: string;
          acronym: string | null;
          lrgLevel: number | null;
        };
        startDate: string | null;
        endDate: string | null;
        overdue: boolean;
        budget: {
          amount: number;
          currency: string;
          source: string | null;
        } | null;
        recommendationCount: number;
        clusterCount: number;
        updatedAt: string;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/actions': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      title: string;
      description?: string | null;
      responsibleEntityId: string;
      supportingEntityIds?: string[];
      startDate?: string | null;
      endDate?: string | null;
      budgetAmount?: number | null;
      budgetCurrency?: string | null;
      budgetSource?: string | null;
      status?: 'planned' | 'in_progress' | 'completed' | 'cancelled';
      recommendationIds?: string[];
      clusterIds?: string[];
    };
    response: {
      id: string;
      title: string;
      status: 'planned' | 'in_progress' | 'completed' | 'cancelled';
      responsibleEntity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      startDate: string | null;
      endDate: string | null;
      overdue: boolean;
      budget: {
        amount: number;
        currency: string;
        source: string | null;
      } | null;
      recommendationCount: number;
      clusterCount: number;
      updatedAt: string;
      version: number;
      description: string | null;
      supportingEntities: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      recommendations: Array<{
        id: string;
        number: string | null;
        reviewSymbol: string | null;
        bodyCode: string;
        text: string;
        textLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        readable: boolean;
      }>;
      otherRecommendationCount: number;
      clusters: Array<{
        id: string;
        name: string;
        size: number;
      }>;
      reminders: Array<{
        kind: 'due_soon' | 'overdue';
        dueDate: string;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped' | 'cancelled';
        mailCount: number | null;
        doneAt: string | null;
      }>;
      createdBy: string | null;
      createdAt: string;
      canEdit: boolean;
      canDelete: boolean;
    };
  };
  'GET /api/actions/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      title: string;
      status: 'planned' | 'in_progress' | 'completed' | 'cancelled';
      responsibleEntity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      startDate: string | null;
      endDate: string | null;
      overdue: boolean;
      budget: {
        amount: number;
        currency: string;
        source: string | null;
      } | null;
      recommendationCount: number;
      clusterCount: number;
      updatedAt: string;
      version: number;
      description: string | null;
      supportingEntities: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      recommendations: Array<{
        id: string;
        number: string | null;
        reviewSymbol: string | null;
        bodyCode: string;
        text: string;
        textLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        readable: boolean;
      }>;
      otherRecommendationCount: number;
      clusters: Array<{
        id: string;
        name: string;
        size: number;
      }>;
      reminders: Array<{
        kind: 'due_soon' | 'overdue';
        dueDate: string;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped' | 'cancelled';
        mailCount: number | null;
        doneAt: string | null;
      }>;
      createdBy: string | null;
      createdAt: string;
      canEdit: boolean;
      canDelete: boolean;
    };
  };
  'PUT /api/actions/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      title: string;
      description?: string | null;
      responsibleEntityId: string;
      supportingEntityIds?: string[];
      startDate?: string | null;
      endDate?: string | null;
      budgetAmount?: number | null;
      budgetCurrency?: string | null;
      budgetSource?: string | null;
      status?: 'planned' | 'in_progress' | 'completed' | 'cancelled';
      recommendationIds?: string[];
      clusterIds?: string[];
      version: number;
    };
    response: {
      id: string;
      title: string;
      status: 'planned' | 'in_progress' | 'completed' | 'cancelled';
      responsibleEntity: {
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      };
      startDate: string | null;
      endDate: string | null;
      overdue: boolean;
      budget: {
        amount: number;
        currency: string;
        source: string | null;
      } | null;
      recommendationCount: number;
      clusterCount: number;
      updatedAt: string;
      version: number;
      description: string | null;
      supportingEntities: Array<{
        id: string;
        kind: 'ministry' | 'agency' | 'parliament' | 'judiciary' | 'independent_body' | 'nhri' | 'cso' | 'lrg' | 'lrg_network';
        name: string;
        acronym: string | null;
        lrgLevel: number | null;
      }>;
      recommendations: Array<{
        id: string;
        number: string | null;
        reviewSymbol: string | null;
        bodyCode: string;
        text: string;
        textLang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        readable: boolean;
      }>;
      otherRecommendationCount: number;
      clusters: Array<{
        id: string;
        name: string;
        size: number;
      }>;
      reminders: Array<{
        kind: 'due_soon' | 'overdue';
        dueDate: string;
        dueAt: string;
        status: 'scheduled' | 'sent' | 'skipped' | 'cancelled';
        mailCount: number | null;
        doneAt: string | null;
      }>;
      createdBy: string | null;
      createdAt: string;
      canEdit: boolean;
      canDelete: boolean;
    };
  };
  'DELETE /api/actions/{id}': {
    path: {
      id: string;
    };
    query: {
      version: number;
    };
    body: never;
    response: {
      ok: true;
    };
  };
  'GET /api/me/notifications/actions': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      actionsByEmail: boolean;
    };
  };
  'PUT /api/me/notifications/actions': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      actionsByEmail: boolean;
    };
    response: {
      actionsByEmail: boolean;
    };
  };
  'GET /api/countries': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Array<{
      iso2: string;
      name: string;
    }>;
  };
  'GET /api/bodies': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Array<{
      code: string;
      mechanism: string;
      name: string;
    }>;
  };
  'POST /api/bodies': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      code: string;
      mechanism: 'treaty_body' | 'special_procedure' | 'regional' | 'other';
      name: Record<string, string>;
    };
    response: {
      code: string;
      mechanism: 'upr' | 'treaty_body' | 'special_procedure' | 'regional' | 'other';
      name: Record<string, string>;
      reviews: number;
      version: number;
    };
  };
  'GET /api/bodies/records': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Array<{
      code: string;
      mechanism: 'upr' | 'treaty_body' | 'special_procedure' | 'regional' | 'other';
      name: Record<string, string>;
      reviews: number;
      version: number;
    }>;
  };
  'PATCH /api/bodies/{code}': {
    path: {
      code: string;
    };
    query: Record<string, never>;
    body: {
      mechanism: 'upr' | 'treaty_body' | 'special_procedure' | 'regional' | 'other';
      name: Record<string, string>;
      version: number;
    };
    response: {
      code: string;
      mechanism: 'upr' | 'treaty_body' | 'special_procedure' | 'regional' | 'other';
      name: Record<string, string>;
      reviews: number;
      version: number;
    };
  };
  'GET /api/taxonomies': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Array<{
      code: string;
      name: Record<string, string>;
      builtin: boolean;
      termCount: number;
      version: number;
    }>;
  };
  'POST /api/taxonomies': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      code: string;
      name: Record<string, string>;
    };
    response: {
      code: string;
      name: Record<string, string>;
      builtin: boolean;
      termCount: number;
      version: number;
    };
  };
  'GET /api/taxonomies/{code}/terms': {
    path: {
      code: string;
    };
    query: {
      page?: number;
      pageSize?: number;
      q?: string;
      parentId?: number;
      root?: 'true' | 'false';
      untranslated?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
    };
    body: never;
    response: {
      items: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: Record<string, string>;
        parentId: number | null;
        usage: number;
        childCount: number;
        final: boolean;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/taxonomies/{code}/terms': {
    path: {
      code: string;
    };
    query: Record<string, never>;
    body: {
      code: string;
      label: Record<string, string>;
      parentId?: number | null;
      final?: boolean;
    };
    response: {
      id: number;
      taxonomy: string;
      code: string;
      label: Record<string, string>;
      parentId: number | null;
      usage: number;
      childCount: number;
      final: boolean;
      version: number;
    };
  };
  'GET /api/taxonomies/{code}/variants': {
    path: {
      code: string;
    };
    query: Record<string, never>;
    body: never;
    response: Array<{
      key: string;
      terms: Array<{
        id: number;
        taxonomy: string;
        code: string;
        label: Record<string, string>;
        parentId: number | null;
        usage: number;
        childCount: number;
        final: boolean;
        version: number;
      }>;
    }>;
  };
  'GET /api/taxonomies/{code}/untranslated': {
    path: {
      code: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      total: number;
      untranslated: Record<string, number>;
    };
  };
  'POST /api/terms/merge': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      into: number;
      terms: Array<{
        id: number;
        version: number;
      }>;
    };
    response: {
      recommendations: number;
    };
  };
  'PATCH /api/terms/{id}': {
    path: {
      id: number;
    };
    query: Record<string, never>;
    body: {
      label: Record<string, string>;
      parentId?: number | null;
      final?: boolean;
      version: number;
    };
    response: {
      id: number;
      taxonomy: string;
      code: string;
      label: Record<string, string>;
      parentId: number | null;
      usage: number;
      childCount: number;
      final: boolean;
      version: number;
    };
  };
  'DELETE /api/terms/{id}': {
    path: {
      id: number;
    };
    query: Record<string, never>;
    body: never;
    response: {
      ok: true;
    };
  };
  'POST /api/terms/{id}/merge': {
    path: {
      id: number;
    };
    query: Record<string, never>;
    body: {
      into: number | null;
      version: number;
    };
    response: {
      recommendations: number;
    };
  };
  'POST /api/imports': {
    path: Record<string, never>;
    query: {
      fileName: string;
    };
    body: never;
    response: {
      importId: string;
      fileName: string;
      format: string;
      sizeBytes: number;
      alreadyAppliedAt: string | null;
      reviews: Array<{
        key: string;
        symbol: string | null;
        bodyCode: string;
        countryIso2: string | null;
        session: number | null;
        action: 'create' | 'update' | 'unchanged';
        recommendations: number;
        changes: Array<{
          field: string;
          before: unknown;
          after: unknown;
        }>;
      }>;
      counts: {
        create: number;
        update: number;
        unchanged: number;
        skip: number;
      };
      rows: Array<{
        action: 'create' | 'update' | 'unchanged' | 'skip';
        number: string | null;
        text: string;
        lang: string | null;
        location: {
          file: string;
          row?: number;
          paragraph?: string;
          page?: number;
        };
        reason?: string;
        changes: Array<{
          field: string;
          before: unknown;
          after: unknown;
        }>;
        kept?: Array<{
          field: string;
          value: unknown;
          offered: unknown;
          fileName: string;
          format: string;
        }>;
      }>;
      states: Array<{
        name: string;
        iso2: string | null;
        how: 'exact' | 'alias' | 'fuzzy' | 'none' | 'user';
        rows: number;
      }>;
      newTerms: {
        themes: string[];
        affected: string[];
        issues: string[];
      };
      warnings: Array<{
        location: {
          file: string;
          row?: number;
          paragraph?: string;
          page?: number;
        };
        message: string;
        params?: Record<string, string>;
      }>;
      duplicates: Array<{
        location: {
          file: string;
          row?: number;
          paragraph?: string;
          page?: number;
        };
        duplicateOf: {
          file: string;
          row?: number;
          paragraph?: string;
          page?: number;
        };
      }>;
      headers?: string[];
      foreignState?: {
        stateIso2: string;
        stateName: string;
        countries: Array<{
          iso2: string;
          name: string;
          recommendations: number;
        }>;
      } | null;
      suggestedMapping?: Record<string, string>;
    };
  };
  'GET /api/imports': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        fileName: string;
        format: string;
        sizeBytes: number;
        status: 'previewed' | 'applying' | 'applied' | 'failed';
        summary: unknown;
        createdAt: string;
        appliedAt: string | null;
        createdBy: string | null;
        progress: {
          done: number;
          total: number;
        } | null;
        error: unknown;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'GET /api/imports/mappings': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: Array<{
      id: string;
      name: string;
      mapping: Record<string, string>;
    }>;
  };
  'GET /api/imports/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      fileName: string;
      format: string;
      sizeBytes: number;
      status: 'previewed' | 'applying' | 'applied' | 'failed';
      summary: unknown;
      createdAt: string;
      appliedAt: string | null;
      createdBy: string | null;
      progress: {
        done: number;
        total: number;
      } | null;
      error: unknown;
    };
  };
  'POST /api/imports/{id}/preview': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      stateMapping?: Record<string, string | null>;
      columnMapping?: Record<string, string>;
      saveMappingAs?: string;
      confirmForeignState?: boolean;
      review?: {
        bodyCode?: string;
        symbol?: string;
        countryIso2?: string;
        cycle?: number;
        date?: string;
      };
    };
    response: {
      importId: string;
      fileName: string;
      format: string;
      sizeBytes: number;
      alreadyAppliedAt: string | null;
      reviews: Array<{
        key: string;
        symbol: string | null;
        bodyCode: string;
        countryIso2: string | null;
        session: number | null;
        action: 'create' | 'update' | 'unchanged';
        recommendations: number;
        changes: Array<{
          field: string;
          before: unknown;
          after: unknown;
        }>;
      }>;
      counts: {
        create: number;
        update: number;
        unchanged: number;
        skip: number;
      };
      rows: Array<{
        action: 'create' | 'update' | 'unchanged' | 'skip';
        number: string | null;
        text: string;
        lang: string | null;
        location: {
          file: string;
          row?: number;
          paragraph?: string;
          page?: number;
        };
        reason?: string;
        changes: Array<{
          field: string;
          before: unknown;
          after: unknown;
        }>;
        kept?: Array<{
          field: string;
          value: unknown;
          offered: unknown;
          fileName: string;
          format: string;
        }>;
      }>;
      states: Array<{
        name: string;
        iso2: string | null;
        how: 'exact' | 'alias' | 'fuzzy' | 'none' | 'user';
        rows: number;
      }>;
      newTerms: {
        themes: string[];
        affected: string[];
        issues: string[];
      };
      warnings: Array<{
        location: {
          file: string;
          row?: number;
          paragraph?: string;
          page?: number;
        };
        message: string;
        params?: Record<string, string>;
      }>;
      duplicates: Array<{
        location: {
          file: string;
          row?: number;
          paragraph?: string;
          page?: number;
        };
        duplicateOf: {
          file: string;
          row?: number;
          paragraph?: string;
          page?: number;
        };
      }>;
      headers?: string[];
      foreignState?: {
        stateIso2: string;
        stateName: string;
        countries: Array<{
          iso2: string;
          name: string;
          recommendations: number;
        }>;
      } | null;
      suggestedMapping?: Record<string, string>;
    };
  };
  'POST /api/imports/{id}/apply': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      stateMapping?: Record<string, string | null>;
      columnMapping?: Record<string, string>;
      saveMappingAs?: string;
      confirmForeignState?: boolean;
      review?: {
        bodyCode?: string;
        symbol?: string;
        countryIso2?: string;
        cycle?: number;
        date?: string;
      };
    };
    response: {
      id: string;
      fileName: string;
      format: string;
      sizeBytes: number;
      status: 'previewed' | 'applying' | 'applied' | 'failed';
      summary: unknown;
      createdAt: string;
      appliedAt: string | null;
      createdBy: string | null;
      progress: {
        done: number;
        total: number;
      } | null;
      error: unknown;
    };
  };
  'GET /api/imports/{id}/original': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: unknown;
  };
  'GET /api/me/waiting': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      inbox: number | null;
      toValidate: number | null;
    };
  };
  'GET /api/publication/{subject}/{id}': {
    path: {
      subject: 'review' | 'recommendation' | 'progress_update';
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      subject: 'review' | 'recommendation' | 'progress_update';
      id: string;
      decision: boolean | null;
      publicness: 'hidden' | 'text' | 'full';
      publicPath: string | null;
    };
  };
  'PUT /api/publication/{subject}/{id}': {
    path: {
      subject: 'review' | 'recommendation' | 'progress_update';
      id: string;
    };
    query: Record<string, never>;
    body: {
      published: boolean | null;
    };
    response: {
      subject: 'review' | 'recommendation' | 'progress_update';
      id: string;
      decision: boolean | null;
      publicness: 'hidden' | 'text' | 'full';
      publicPath: string | null;
    };
  };
  'POST /api/publication/reviews/{id}/validated-updates': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      published: number;
    };
  };
  'GET /api/federation/link': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      link: {
        state: 'key_only' | 'linked' | 'unlinking';
        hubUrl: string | null;
        keyId: string;
        publicJwk: {
          kty: 'OKP';
          crv: 'Ed25519';
          x: string;
          kid?: string;
        };
        linkedAt: string | null;
        version: number;
      } | null;
    };
  };
  'PUT /api/federation/link': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      hubUrl: string;
      token: string;
      version: number;
    };
    response: {
      state: 'key_only' | 'linked' | 'unlinking';
      hubUrl: string | null;
      keyId: string;
      publicJwk: {
        kty: 'OKP';
        crv: 'Ed25519';
        x: string;
        kid?: string;
      };
      linkedAt: string | null;
      version: number;
    };
  };
  'POST /api/federation/link/key': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      state: 'key_only' | 'linked' | 'unlinking';
      hubUrl: string | null;
      keyId: string;
      publicJwk: {
        kty: 'OKP';
        crv: 'Ed25519';
        x: string;
        kid?: string;
      };
      linkedAt: string | null;
      version: number;
    };
  };
  'POST /api/federation/link/unlink': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      version: number;
    };
    response: {
      state: 'key_only' | 'linked' | 'unlinking';
      hubUrl: string | null;
      keyId: string;
      publicJwk: {
        kty: 'OKP';
        crv: 'Ed25519';
        x: string;
        kid?: string;
      };
      linkedAt: string | null;
      version: number;
    };
  };
  'GET /api/federation/shares': {
    path: Record<string, never>;
    query: {
      page?: number;
      pageSize?: number;
      kind?: 'practice' | 'profile' | 'statistics';
    };
    body: never;
    response: {
      items: Array<{
        id: string;
        kind: 'practice' | 'profile' | 'statistics';
        title: string;
        shared: boolean;
        state: 'not_shared' | 'pending' | 'sent' | 'failed';
        revision: number;
        sentRevision: number | null;
        sentAt: string | null;
        attempts: number;
        lastError: string | null;
        nextTryAt: string | null;
        updatedAt: string;
        version: number;
      }>;
      total: number;
      page: number;
      pageSize: number;
    };
  };
  'POST /api/federation/shares/{id}/retry': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      kind: 'practice' | 'profile' | 'statistics';
      title: string;
      shared: boolean;
      state: 'not_shared' | 'pending' | 'sent' | 'failed';
      revision: number;
      sentRevision: number | null;
      sentAt: string | null;
      attempts: number;
      lastError: string | null;
      nextTryAt: string | null;
      updatedAt: string;
      version: number;
    };
  };
  'POST /api/federation/practices': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      practice: {
        level: 'national' | 'regional' | 'local';
        themes: Array<'mandate' | 'coordination' | 'linkage' | 'information' | 'engagement_lrg' | 'engagement_nhri' | 'engagement_civil_society' | 'engagement_parliament'>;
        texts: Record<string, {
            title: string;
            summary: string;
            body: string;
          }>;
        contact: string | null;
        links: Array<{
          url: string;
          label: string;
        }>;
        source: string | null;
      };
      shared: boolean;
    };
    response: {
      id: string;
      kind: 'practice' | 'profile' | 'statistics';
      title: string;
      shared: boolean;
      state: 'not_shared' | 'pending' | 'sent' | 'failed';
      revision: number;
      sentRevision: number | null;
      sentAt: string | null;
      attempts: number;
      lastError: string | null;
      nextTryAt: string | null;
      updatedAt: string;
      version: number;
      practice: {
        level: 'national' | 'regional' | 'local';
        themes: Array<'mandate' | 'coordination' | 'linkage' | 'information' | 'engagement_lrg' | 'engagement_nhri' | 'engagement_civil_society' | 'engagement_parliament'>;
        texts: Record<string, {
            title: string;
            summary: string;
            body: string;
          }>;
        contact: string | null;
        links: Array<{
          url: string;
          label: string;
        }>;
        source: string | null;
      };
    };
  };
  'GET /api/federation/practices/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: never;
    response: {
      id: string;
      kind: 'practice' | 'profile' | 'statistics';
      title: string;
      shared: boolean;
      state: 'not_shared' | 'pending' | 'sent' | 'failed';
      revision: number;
      sentRevision: number | null;
      sentAt: string | null;
      attempts: number;
      lastError: string | null;
      nextTryAt: string | null;
      updatedAt: string;
      version: number;
      practice: {
        level: 'national' | 'regional' | 'local';
        themes: Array<'mandate' | 'coordination' | 'linkage' | 'information' | 'engagement_lrg' | 'engagement_nhri' | 'engagement_civil_society' | 'engagement_parliament'>;
        texts: Record<string, {
            title: string;
            summary: string;
            body: string;
          }>;
        contact: string | null;
        links: Array<{
          url: string;
          label: string;
        }>;
        source: string | null;
      };
    };
  };
  'PUT /api/federation/practices/{id}': {
    path: {
      id: string;
    };
    query: Record<string, never>;
    body: {
      practice: {
        level: 'national' | 'regional' | 'local';
        themes: Array<'mandate' | 'coordination' | 'linkage' | 'information' | 'engagement_lrg' | 'engagement_nhri' | 'engagement_civil_society' | 'engagement_parliament'>;
        texts: Record<string, {
            title: string;
            summary: string;
            body: string;
          }>;
        contact: string | null;
        links: Array<{
          url: string;
          label: string;
        }>;
        source: string | null;
      };
      shared: boolean;
      version: number;
    };
    response: {
      id: string;
      kind: 'practice' | 'profile' | 'statistics';
      title: string;
      shared: boolean;
      state: 'not_shared' | 'pending' | 'sent' | 'failed';
      revision: number;
      sentRevision: number | null;
      sentAt: string | null;
      attempts: number;
      lastError: string | null;
      nextTryAt: string | null;
      updatedAt: string;
      version: number;
      practice: {
        level: 'national' | 'regional' | 'local';
        themes: Array<'mandate' | 'coordination' | 'linkage' | 'information' | 'engagement_lrg' | 'engagement_nhri' | 'engagement_civil_society' | 'engagement_parliament'>;
        texts: Record<string, {
            title: string;
            summary: string;
            body: string;
          }>;
        contact: string | null;
        links: Array<{
          url: string;
          label: string;
        }>;
        source: string | null;
      };
    };
  };
  'GET /api/federation/profile': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: never;
    response: {
      share: {
        id: string;
        kind: 'practice' | 'profile' | 'statistics';
        title: string;
        shared: boolean;
        state: 'not_shared' | 'pending' | 'sent' | 'failed';
        revision: number;
        sentRevision: number | null;
        sentAt: string | null;
        attempts: number;
        lastError: string | null;
        nextTryAt: string | null;
        updatedAt: string;
        version: number;
      } | null;
      profile: {
        mandate: Record<string, string>;
        legalBasis: Record<string, string>;
        composition: Record<string, string>;
        secretariat: Record<string, string>;
        focalPoints: Record<string, string>;
        established: number | null;
        website: string | null;
        source: string | null;
      };
    };
  };
  'PUT /api/federation/profile': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      profile: {
        mandate: Record<string, string>;
        legalBasis: Record<string, string>;
        composition: Record<string, string>;
        secretariat: Record<string, string>;
        focalPoints: Record<string, string>;
        established: number | null;
        website: string | null;
        source: string | null;
      };
      shared: boolean;
      version: number | null;
    };
    response: {
      share: {
        id: string;
        kind: 'practice' | 'profile' | 'statistics';
        title: string;
        shared: boolean;
        state: 'not_shared' | 'pending' | 'sent' | 'failed';
        revision: number;
        sentRevision: number | null;
        sentAt: string | null;
        attempts: number;
        lastError: string | null;
        nextTryAt: string | null;
        updatedAt: string;
        version: number;
      } | null;
      profile: {
        mandate: Record<string, string>;
        legalBasis: Record<string, string>;
        composition: Record<string, string>;
        secretariat: Record<string, string>;
        focalPoints: Record<string, string>;
        established: number | null;
        website: string | null;
        source: string | null;
      };
    };
  };
  'PUT /api/federation/statistics': {
    path: Record<string, never>;
    query: Record<string, never>;
    body: {
      shared: boolean;
      version: number | null;
    };
    response: {
      id: string;
      kind: 'practice' | 'profile' | 'statistics';
      title: string;
      shared: boolean;
      state: 'not_shared' | 'pending' | 'sent' | 'failed';
      revision: number;
      sentRevision: number | null;
      sentAt: string | null;
      attempts: number;
      lastError: string | null;
      nextTryAt: string | null;
      updatedAt: string;
      version: number;
    };
  };
}
