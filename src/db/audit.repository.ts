import type { Kysely } from 'kysely';
import type { AuditRow, NewAuditRow } from './account.schema.ts';
import type { Database } from './schema.ts';

/** Which entries to read, newest first, a page at a time. */
export interface AuditQuery {
  /** Only entries of this region and every region below it, in any period (history outlives re-zoning). */
  withinRegion?: string;
  entity?: string;
  entityId?: string;
  /** Only entries with a smaller id (the last id of the previous page). */
  beforeId?: string;
  limit: number;
}

/** SQL over `audit_log`: append and read; the table itself refuses anything else. */
export interface AuditRepository {
  /** Appends one entry and returns it as stored. */
  append(row: NewAuditRow): Promise<AuditRow>;
  /** Entries matching the query, newest first. */
  list(query: AuditQuery): Promise<AuditRow[]>;
}

/** The audit repository on a database or a transaction. */
export function auditRepository(db: Kysely<Database>): AuditRepository {
  return {
    append: (row) => db.insertInto('audit_log').values(row).returningAll().executeTakeFirstOrThrow(),

    list: ({ withinRegion, entity, entityId, beforeId, limit }) => {
      let query = db
        .withRecursive('scope(code)', (qb) =>
          qb
            .selectFrom('regions')
            .select('code')
            .where('code', '=', withinRegion ?? '')
            .union((union) =>
              union
                .selectFrom('regions')
                .innerJoin('scope', 'scope.code', 'regions.parent_code')
                .select('regions.code'),
            ),
        )
        .selectFrom('audit_log')
        .selectAll('audit_log');
      if (withinRegion !== undefined) {
        query = query.where('audit_log.region_code', 'in', (eb) => eb.selectFrom('scope').select('scope.code'));
      }
      if (entity !== undefined) query = query.where('entity', '=', entity);
      if (entityId !== undefined) query = query.where('entity_id', '=', entityId);
      if (beforeId !== undefined) query = query.where('audit_log.id', '<', beforeId);
      return query.orderBy('audit_log.id', 'desc').limit(limit).execute();
    },
  };
}
