/**
 * Reading the audit log: who did what, when and from where, newest first, a page at a time. A reader with
 * audit.read sees the entries of their region and every region below it; the installation's administrator, who has
 * no region, sees all. The log itself is append-only in the database.
 */
import type { Kysely } from 'kysely';
import type { JsonValue } from '../db/account.schema.ts';
import { auditRepository } from '../db/audit.repository.ts';
import type { AuditRepository } from '../db/audit.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { can } from '../domain/access.ts';
import { accountErrors } from './account.errors.ts';
import type { ActingUser } from './audit.ts';
import { authorize } from './scope.ts';

export interface AuditQuery {
  /** Entries of this region and below (default: the reader's region; none for the installation's administrator). */
  region?: string;
  entity?: string;
  entityId?: string;
  /** Entries older than this id (the last id of the previous page). */
  before?: string;
  /** 1-500, default 100. */
  limit?: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  /** The account that acted; null for the installation itself or someone not signed in. */
  actorUserId: number | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string;
  region: string | null;
  before: JsonValue | null;
  after: JsonValue | null;
}

export function createAuditLogService(db: Kysely<Database>): AuditLogService {
  return new AuditLogService(auditRepository(db), regionRepository(db));
}

export class AuditLogService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly regions: RegionRepository,
  ) {}

  /** A page of entries, newest first. */
  async list(query: AuditQuery, reader: ActingUser): Promise<{ items: AuditEntry[]; next: string | null }> {
    const region = query.region ?? reader.regionCode ?? undefined;
    if (region === undefined) {
      if (!can(reader, 'audit.read', 'none')) throw accountErrors.forbidden();
    } else {
      await authorize(this.regions, reader, 'audit.read', region);
    }
    const limit = query.limit ?? 100;
    const rows = await this.audit.list({
      ...(region === undefined ? {} : { withinRegion: region }),
      ...(query.entity === undefined ? {} : { entity: query.entity }),
      ...(query.entityId === undefined ? {} : { entityId: query.entityId }),
      ...(query.before === undefined ? {} : { beforeId: query.before }),
      limit,
    });
    const items = rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorUserId: row.actor_user_id,
      ip: row.actor_ip,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      region: row.region_code,
      before: row.before,
      after: row.after,
    }));
    const last = items.at(-1);
    return { items, next: items.length === limit && last !== undefined ? last.id : null };
  }
}
