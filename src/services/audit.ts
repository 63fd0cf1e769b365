import type { JsonValue, NewAuditRow } from '../db/account.schema.ts';
import type { AuditRepository } from '../db/audit.repository.ts';
import type { AccessUser } from '../domain/access.ts';

/** A signed-in user acting, as services see them. */
export interface ActingUser extends AccessUser {
  readonly id: number;
}

/**
 * Who acts: a signed-in user, or 'system' for the installation itself (first start, the command line run by the
 * operator). There is deliberately no value for "nobody": a write needs an actor, so an HTTP handler cannot forget
 * to sign someone in and slip through as a privileged default.
 */
export type Actor = ActingUser | 'system';

/** Who is acting and from where, passed to every service call that writes. */
export interface RequestContext {
  readonly actor: Actor;
  /** The client's address as the HTTP layer trusts it (behind a proxy: the proxy's X-Forwarded-For). */
  readonly ip: string | null;
}

/**
 * Who the audit log names: an actor, or 'anonymous' for attempts by someone not signed in (a failed sign-in). Kept
 * apart from Actor so no service can authorize an anonymous caller by mistake.
 */
export interface AuditContext {
  readonly actor: Actor | 'anonymous';
  readonly ip: string | null;
}

/** The context for work the installation does by itself. */
export const SYSTEM_CONTEXT: RequestContext = Object.freeze({ actor: 'system', ip: null });

/** One change to record. */
export interface AuditEvent {
  /** What happened, as `entity.verb`: 'user.create', 'auth.sign_in'. */
  action: string;
  entity: string;
  entityId: string;
  /** The region the entity belongs to; null for installation-wide entities. */
  regionCode: string | null;
  before?: JsonValue;
  after?: JsonValue;
}

// Keys whose values are secrets. Services never put one into an event; this is the second line of defence, so a
// careless `after: row` cannot write a hash or a token into a table nobody can ever clean.
const SECRET_KEY = /password(?!_?changed)|passwd|token|secret|hash/i;

/** A copy of a JSON value without any key that names a secret, at any depth. */
export function redact(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, inner]) => [key, redact(inner)]),
  );
}

const asJson = (value: JsonValue | undefined): string | null =>
  value === undefined ? null : JSON.stringify(redact(value));

/** The audit row for an event: who (null: the system or someone signed out), when, where from, what, before, after. */
export function auditRow(at: Date, context: AuditContext, event: AuditEvent): NewAuditRow {
  return {
    at,
    actor_user_id: typeof context.actor === 'string' ? null : context.actor.id,
    actor_ip: context.ip,
    action: event.action,
    entity: event.entity,
    entity_id: event.entityId,
    region_code: event.regionCode,
    before: asJson(event.before),
    after: asJson(event.after),
  };
}

/** Appends an event in the caller's transaction, so the change and its record stand or fall together. */
export async function recordAudit(
  audit: AuditRepository,
  at: Date,
  context: AuditContext,
  event: AuditEvent,
): Promise<void> {
  await audit.append(auditRow(at, context, event));
}
