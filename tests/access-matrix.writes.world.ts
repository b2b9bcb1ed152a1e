import { sql } from 'kysely';
import type { Rule } from './access-matrix.expectations';
import type { Persona, World } from './access-matrix.world';
import { type Client, signInAs } from './app';
import {
  makeAction,
  makeAssignment,
  makeEntity,
  makeRecommendations,
  makeReview,
  makeUser,
  seatPerson,
} from './factories';

/**
 * What the write matrix (`access-matrix.writes.test.ts`) needs beyond the read matrix's world:
 * fresh records per case (so that no case sees another's write), a fingerprint of the database
 * (so that a refusal is shown to change nothing) and the secretariat's hand to arrange records
 * through the API where the API is the only sane way to make them.
 */
export type Params = Record<string, string | undefined>;

export interface WriteCase {
  /** Fresh records for this one case (run before each person is asked); their ids by name. */
  arrange?: (ctx: WriteCtx, client: Client | undefined) => Promise<Params>;
  /** The url to call, from the world's and the case's parameters. */
  url: (p: Params) => string;
  /** The payload: JSON, or a Buffer sent as a file. */
  body?: (p: Params) => unknown;
  /**
   * Tables an allowed write must change: the write is there afterwards (a row added, changed or
   * gone). Empty only where the write's whole effect is outside the database, named in `why`.
   */
  changes: string[];
  /** A read-back after an allowed write, as the person or the secretariat sees it: a failure's text, or nothing. */
  check?: (
    ctx: WriteCtx,
    p: Params,
    response: { statusCode: number; body: string },
    client: Client | undefined,
  ) => Promise<string | undefined>;
  /** Who may (default: the read matrix's row for the route). */
  rule?: Rule;
  /** The case changes the person's own sign-in (sessions, second factor): a fresh account of that persona. */
  freshPerson?: boolean;
  /** Why `changes` is empty, or anything a reader of the table should know. */
  why?: string;
  /** The same route on another's record (Education's, another person's): its own records and rule. */
  foreign?: WriteCase;
}

export interface WriteCtx {
  world: World;
  p: Params;
  /** The coordinator, to arrange through the API; throws on anything but 2xx. */
  // biome-ignore lint/suspicious/noExplicitAny: the answer of whichever route arranged the case, read by that case
  as: (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET', url: string, body?: unknown) => Promise<any>;
  /** A fresh recommendation of a fresh review, led by Labour and delegated to Region North. */
  labourRecommendation(): Promise<{ recommendation: string; assignment: string }>;
  /** A fresh Labour action on a fresh Labour recommendation. */
  labourAction(): Promise<{ action: string; recommendation: string }>;
  /** A fresh recommendation led by Education (the `other` relation's entity). */
  educationRecommendation(): Promise<{ recommendation: string; assignment: string }>;
  /** A fresh Education action on a fresh Education recommendation. */
  educationAction(): Promise<{ action: string; recommendation: string }>;
  db: World['test']['handle']['db'];
}

export function writeCtx(world: World): WriteCtx {
  const { db } = world.test.handle;
  const p = world.params;
  const coordinator = world.clients.get('coordinator') as Client;
  const as: WriteCtx['as'] = async (method, url, body) => {
    const response = await coordinator.request(method, url, body);
    if (response.statusCode >= 300)
      throw new Error(`arrange ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.body ? response.json() : undefined;
  };
  const ctx: WriteCtx = {
    world,
    p,
    as,
    db,
    async labourRecommendation() {
      const review = await makeReview(db);
      const [rec] = await makeRecommendations(db, review, [{ text_en: 'Strengthen the labour inspectorate' }]);
      const recommendation = rec?.id as string;
      const assignment = (await makeAssignment(db, recommendation, p.entity as string)).id;
      await as('POST', `/api/assignments/${assignment}/delegations`, { entityId: p.region });
      return { recommendation, assignment };
    },
    async labourAction() {
      const { recommendation } = await ctx.labourRecommendation();
      const action = await makeAction(db, p.entity as string, { recommendationIds: [recommendation] });
      return { action: action.id, recommendation };
    },
    async educationRecommendation() {
      const review = await makeReview(db);
      const [rec] = await makeRecommendations(db, review, [{ text_en: 'Include human rights in the curricula' }]);
      const recommendation = rec?.id as string;
      return { recommendation, assignment: (await makeAssignment(db, recommendation, p.foreignEntity as string)).id };
    },
    async educationAction() {
      const { recommendation } = await ctx.educationRecommendation();
      const action = await makeAction(db, p.foreignEntity as string, { recommendationIds: [recommendation] });
      return { action: action.id, recommendation };
    },
  };
  return ctx;
}

/**
 * A fresh account of the persona's role, signed in: for the cases on one's own account (sessions,
 * second factor, settings), which anyone signed in may use. A role that acts for entities holds
 * its seat in a fresh entity of the same kind (an entity has one main focal point and one
 * validator: the persona's own seat is taken).
 */
export async function freshClient(world: World, persona: Persona): Promise<Client> {
  const { db } = world.test.handle;
  const user = await makeUser(db, { role: persona.role });
  const seat = { focal_point: 'main', validator: 'validator', contributor: 'member' } as const;
  if (persona.relation !== 'none' && persona.role in seat) {
    const entity = await makeEntity(db, persona.relation === 'delegated' ? { kind: 'lrg' } : { kind: 'ministry' });
    await seatPerson(db, entity.id, user.id, seat[persona.role as keyof typeof seat]);
  }
  return signInAs(world.test.app, user.email);
}

/** Waits until the job worker has sent every queued mail: its status moves after the request. */
export async function mailSettled(db: WriteCtx['db']): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const busy = await db
      .selectFrom('mail_outbox')
      .select('id')
      .where('status', 'in', ['pending', 'retrying'])
      .limit(1)
      .executeTakeFirst();
    if (!busy) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('queued mail was not sent within 10 s');
}

/**
 * Sessions: the columns a request never moves (its last-seen time and sliding expiry move on any
 * request, refused or not), hashed. Every other table: its row count and the newest row version
 * (`xmin`, the transaction that wrote it): an insert or update writes a newer one, a delete lowers
 * the count, so any write shows, without hashing every row (the audit trail grows with each case).
 */
const volatile: Record<string, string> = {
  sessions: 'id, user_id, csrf_token, second_factor_pending, second_factor_attempts',
};
let tables: string[] | undefined;

/** One signature per table of the app's schema: what a refusal must not move. */
export async function fingerprint(db: WriteCtx['db']): Promise<Map<string, string>> {
  tables ??= (
    await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db)
  ).rows.map((row) => row.name);
  const parts = tables.map((name) =>
    volatile[name]
      ? sql`select ${name}::text as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from ${sql.raw(`(select ${volatile[name]} from ${name})`)} t`
      : sql`select ${name}::text as name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as hash from ${sql.table(name)}`,
  );
  const rows = (await sql<{ name: string; hash: string }>`${sql.join(parts, sql` union all `)}`.execute(db)).rows;
  return new Map(rows.map((row) => [row.name, row.hash]));
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([name, hash]) => before.get(name) !== hash).map(([name]) => name);
}

/** Rules of writes on Education's records, asked of Labour's people and the rest. */
const isSecretariat = (p: Persona) => p.role === 'admin' || p.role === 'coordinator';
/** Education's planning seats and the secretariat edit; its validator and readers 403; Labour and its region 404. */
export const educationEdit: Rule = (p) => {
  if (!p) return 401;
  if (isSecretariat(p)) return 'ok';
  if (p.relation === 'own' || p.relation === 'delegated') return 404;
  return p.relation === 'other' && p.role !== 'validator' ? 'ok' : 403;
};
/** Deleting an action is the secretariat's; Education's people and readers 403; Labour and its region 404. */
export const educationDelete: Rule = (p) => {
  if (!p) return 401;
  if (isSecretariat(p)) return 'ok';
  return p.relation === 'own' || p.relation === 'delegated' ? 404 : 403;
};
/** Education's own work in progress (a draft, an answer): its writing seats; its validator and the secretariat 403; others 404. */
export const educationWriters: Rule = (p) => {
  if (!p) return 401;
  if (p.relation === 'other') return p.role === 'validator' ? 403 : 'ok';
  return isSecretariat(p) ? 403 : 404;
};
/** Education's assignment: the secretariat and its focal point delegate; its others and readers 403; Labour and its region 404. */
export const educationDelegates: Rule = (p) => {
  if (!p) return 401;
  if (isSecretariat(p)) return 'ok';
  if (p.relation === 'own' || p.relation === 'delegated') return 404;
  return p.relation === 'other' && p.role === 'focal_point' ? 'ok' : 403;
};
/** Another person's own thing (a saved view, a session): it does not exist for anyone else. */
export const someoneElses: Rule = (p) => (p ? 404 : 401);
