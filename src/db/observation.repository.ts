import { sql } from 'kysely';
import type { Kysely, SqlBool } from 'kysely';
import type {
  NewObservation,
  NewObservationEvent,
  NewObservationVersion,
  Observation,
  ObservationEvent,
  ObservationStatus,
  ObservationVersion,
  SubjectKind,
} from './observation.schema.ts';
import type { Database, Region } from './schema.ts';

/** One figure's identity. */
export interface ObservationKey {
  regionCode: string;
  subjectKind: SubjectKind;
  subjectId: string;
  year: number;
}

/** A figure as shown: its head, the version shown, and its region's name. */
export interface ObservationView extends Observation {
  shown_version: number;
  /** The status the reader sees: 'published' for someone reading a published figure outside their scope. */
  shown_status: ObservationStatus;
  value: number;
  unit: string;
  qualifier: ObservationVersion['qualifier'];
  source: string | null;
  quote: string | null;
  note: string | null;
  comment: string | null;
  reason: string | null;
  series_break: ObservationVersion['series_break'];
  caveats: ObservationVersion['caveats'];
  origin: ObservationVersion['origin'];
  version_created_at: Date;
  region_name: string | null;
  published_value: number | null;
}

/** The regions whose unpublished figures a reader may see: some codes, or every region (the installation). */
export type ReadScope = readonly string[] | 'all';

/** Which figures to list. `scope`: the regions whose unpublished figures the reader may see. */
export interface ObservationFilter {
  regionCode?: string;
  subjectId?: string;
  year?: number;
  status?: ObservationStatus;
  scope: ReadScope;
  limit: number;
  offset: number;
}

/** Which version of a figure counts for aggregation: the last approved one, or the last published one. */
export type Basis = 'approved' | 'published';

/** A value for aggregation and the year-on-year check. */
export interface StoredValue {
  region_code: string;
  subject_id: string;
  year: number;
  value: number;
}

/** A figure of a series, on a basis, with its qualifier and id (the provenance a status cites). */
export interface SeriesRow extends StoredValue {
  id: number;
  qualifier: ObservationVersion['qualifier'];
}

/** An indicator row of a published plan that applies to a region and year. */
export interface RequiredIndicatorRow {
  plan_id: number;
  plan_title: string | null;
  plan_region_code: string;
  period_start: number;
  period_end: number;
  row_no: number;
  catalogue_id: string;
}

/** A figure's head with its current version, as a batch compares what it brings with what is stored. */
export interface StoredFigure extends Observation {
  current_value: number;
  current_qualifier: ObservationVersion['qualifier'];
  current_source: string | null;
  current_note: string | null;
}

/** A head inserted by a batch, with the key it was inserted under. */
export interface InsertedHead {
  id: number;
  region_code: string;
  subject_kind: SubjectKind;
  subject_id: string;
  year: number;
}

/** SQL over the monitoring-data tables. */
export interface ObservationRepository {
  /**
   * The stored figures among these keys, each with its current version (one statement per 10,000 keys); with `lock`,
   * their heads stay locked until the transaction ends (row locks, which, unlike advisory locks, any number of
   * figures can take).
   */
  findByKeys(keys: readonly ObservationKey[], options?: { lock?: boolean }): Promise<StoredFigure[]>;
  /** Serialises writes to these figures (existing or not) until the transaction ends, in one ordered statement. */
  lockKeys(keys: readonly ObservationKey[]): Promise<void>;
  insertMany(heads: readonly NewObservation[]): Promise<InsertedHead[]>;
  insertVersions(versions: readonly NewObservationVersion[]): Promise<void>;
  insertEvents(events: readonly NewObservationEvent[]): Promise<void>;
  findByKey(key: ObservationKey): Promise<Observation | undefined>;
  /** The head, locked for the rest of the transaction (a concurrent reviewer waits, then sees the new lock). */
  lockById(id: number): Promise<Observation | undefined>;
  /** Serialises writes to one figure that may not exist yet (two imports creating the same figure). */
  lockKey(key: ObservationKey): Promise<void>;
  findVersion(id: number, version: number): Promise<ObservationVersion | undefined>;
  insert(head: NewObservation): Promise<number>;
  insertVersion(version: NewObservationVersion): Promise<void>;
  insertEvent(event: NewObservationEvent): Promise<void>;
  /** Applies changes when the lock still reads `lock`, adding one to it; false when someone changed it first. */
  update(
    id: number,
    lock: number,
    changes: Partial<
      Pick<
        Observation,
        'status' | 'current_version' | 'approved_version' | 'published_version' | 'return_reason' | 'updated_at'
      >
    >,
  ): Promise<boolean>;
  list(filter: ObservationFilter): Promise<ObservationView[]>;
  findView(id: number, scope: ReadScope): Promise<ObservationView | undefined>;
  /** Every version, oldest first, with the name of the account that wrote it. */
  versions(id: number): Promise<(ObservationVersion & { created_by_name: string | null })[]>;
  /** Every workflow step, oldest first, with the name of the account that took it. */
  events(id: number): Promise<(ObservationEvent & { actor_name: string | null })[]>;
  /** The values of the given regions and year counting on a basis (all subjects when subjectIds is empty). */
  values(
    regionCodes: readonly string[],
    year: number,
    basis: Basis,
    subjectIds?: readonly string[],
  ): Promise<StoredValue[]>;
  /** The figures of these regions and subjects over a span of years, on a basis. */
  series(
    regionCodes: readonly string[],
    subjectIds: readonly string[],
    years: { from: number; to: number },
    basis: Basis,
  ): Promise<SeriesRow[]>;
  /** The current values (any status) of a region's figures in a year: what the reporter sees as last year's. */
  currentValues(regionCode: string, year: number): Promise<StoredValue[]>;
  /** The indicator rows of the current published plans of these regions whose period (with its baseline year) holds the year. */
  requiredIndicators(regionCodes: readonly string[], year: number): Promise<RequiredIndicatorRow[]>;
  /** The years the current published plans of these regions cover, baseline years included. */
  coveredYears(regionCodes: readonly string[]): Promise<{ from: number; to: number } | null>;
  /** The current values (any status) of every figure of these region-years, in one statement. */
  currentValuesOf(regionYears: readonly { regionCode: string; year: number }[]): Promise<StoredValue[]>;
  /**
   * For each region, the years covered by the published plans of the region and the regions above it (as
   * coveredYears over its regionChain), in one statement; a region no plan applies to is absent.
   */
  coveredYearsOf(regionCodes: readonly string[]): Promise<{ region_code: string; from: number; to: number }[]>;
  /** The regions these codes name today, in one statement. (A region query, here until regions has a set lookup.) */
  findRegions(codes: readonly string[]): Promise<Region[]>;
  /**
   * Moves heads whose lock still reads what was read, in one statement: status, current version, the return reason
   * kept or cleared, lock + 1. Returns the ids it moved; an id missing was changed by someone first.
   */
  moveMany(
    moves: readonly { id: number; lock: number; version: number; keepReturnReason: boolean }[],
    status: ObservationStatus,
    at: Date,
  ): Promise<number[]>;
}

/** Rows per statement: 1,000 rows of 16 columns stay far below PostgreSQL's 65,535 parameters. */
const CHUNK = 1_000;
/** Rows per statement passed as one array per column (unnest): no parameter limit, but a bounded statement. */
const ARRAY_CHUNK = 10_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

// Each column travels as one array parameter: one statement of ten thousand rows is parsed and planned once, where
// a multi-row VALUES list costs a parameter per cell. Timestamps go as ISO text, which both drivers pass unchanged.
const column = <T>(rows: readonly T[], pick: (row: T) => unknown, type: string) =>
  sql`${rows.map(pick)}::${sql.raw(type)}[]`;
const iso = (date: Date): string => date.toISOString();

const keyText = (key: ObservationKey): string =>
  `observations:${key.regionCode}:${key.subjectKind}:${key.subjectId}:${key.year}`;

/** The observation repository on a database or a transaction. */
export function observationRepository(db: Kysely<Database>): ObservationRepository {
  // Outside the reader's scope a figure shows its published version; without one it does not show at all (the
  // join on a null version finds nothing).
  const inScopeOf = (scope: ReadScope) => {
    if (scope === 'all') return sql<boolean>`true`;
    return scope.length === 0 ? sql<boolean>`false` : sql<boolean>`o.region_code in (${sql.join([...scope])})`;
  };
  const view = (scope: ReadScope) => {
    const inScope = inScopeOf(scope);
    return db
      .selectFrom('observations as o')
      .innerJoin('observation_versions as v', (join) =>
        join
          .onRef('v.observation_id', '=', 'o.id')
          .on(sql<SqlBool>`v.version = case when ${inScope} then o.current_version else o.published_version end`),
      )
      .leftJoin('observation_versions as p', (join) =>
        join.onRef('p.observation_id', '=', 'o.id').onRef('p.version', '=', 'o.published_version'),
      )
      .leftJoin('regions as r', (join) =>
        join
          .onRef('r.code', '=', 'o.region_code')
          .on('r.valid_from', '<=', sql<string>`current_date`)
          .on((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>', sql<string>`current_date`)])),
      )
      .selectAll('o')
      .select([
        'v.version as shown_version',
        sql<ObservationStatus>`case when ${inScope} then o.status else 'published' end`.as('shown_status'),
        'v.value',
        'v.unit',
        'v.qualifier',
        'v.source',
        'v.quote',
        'v.note',
        'v.comment',
        'v.reason',
        'v.series_break',
        'v.caveats',
        'v.origin',
        'v.created_at as version_created_at',
        'r.name as region_name',
        'p.value as published_value',
      ]);
  };

  const keyMatches = (key: ObservationKey) =>
    db
      .selectFrom('observations')
      .where('region_code', '=', key.regionCode)
      .where('subject_kind', '=', key.subjectKind)
      .where('subject_id', '=', key.subjectId)
      .where('year', '=', key.year);

  return {
    findByKey: (key) => keyMatches(key).selectAll().executeTakeFirst(),

    lockById: (id) => db.selectFrom('observations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    lockKey: async (key) => {
      await sql`select pg_advisory_xact_lock(hashtext(${keyText(key)}))`.execute(db);
    },

    findByKeys: async (keys, options = {}) => {
      const found: StoredFigure[] = [];
      for (const chunk of chunks(keys, ARRAY_CHUNK)) {
        const rows = await sql<StoredFigure>`
          select o.*, v.value as current_value, v.qualifier as current_qualifier, v.source as current_source,
            v.note as current_note
          from unnest(${column(chunk, (key) => key.regionCode, 'char(6)')}, ${column(chunk, (key) => key.subjectKind, 'text')},
            ${column(chunk, (key) => key.subjectId, 'text')}, ${column(chunk, (key) => key.year, 'int')}) as k(region_code, subject_kind, subject_id, year)
          join observations o on (o.region_code, o.subject_kind, o.subject_id, o.year) = (k.region_code, k.subject_kind, k.subject_id, k.year)
          join observation_versions v on v.observation_id = o.id and v.version = o.current_version
          ${options.lock === true ? sql`for update of o` : sql``}`.execute(db);
        found.push(...rows.rows);
      }
      return found;
    },

    lockKeys: async (keys) => {
      // One ordered statement: two batches locking overlapping figures take them in the same order, never deadlock.
      const names = [...new Set(keys.map(keyText))].sort();
      for (const chunk of chunks(names)) {
        await sql`select pg_advisory_xact_lock(hashtext(k)) from (values ${sql.join(chunk.map((name) => sql`(${name})`))}) as t(k) order by k`.execute(
          db,
        );
      }
    },

    insertMany: async (heads) => {
      const inserted: InsertedHead[] = [];
      for (const chunk of chunks(heads, ARRAY_CHUNK)) {
        // Through the query builder (an insert into observations, as plugins and tests see it), from arrays.
        const rows = await db
          .insertInto('observations')
          .columns([
            'region_code',
            'subject_kind',
            'subject_id',
            'year',
            'status',
            'current_version',
            'approved_version',
            'published_version',
            'lock',
            'return_reason',
            'created_at',
            'updated_at',
          ])
          .expression(
            sql`select * from unnest(${column(chunk, (head) => head.region_code, 'char(6)')},
            ${column(chunk, (head) => head.subject_kind, 'text')}, ${column(chunk, (head) => head.subject_id, 'text')},
            ${column(chunk, (head) => head.year, 'int')}, ${column(chunk, (head) => head.status, 'text')},
            ${column(chunk, (head) => head.current_version, 'int')}, ${column(chunk, (head) => head.approved_version ?? null, 'int')},
            ${column(chunk, (head) => head.published_version ?? null, 'int')}, ${column(chunk, (head) => head.lock ?? 1, 'int')},
            ${column(chunk, (head) => head.return_reason ?? null, 'text')}, ${column(chunk, (head) => iso(head.created_at), 'timestamptz')},
            ${column(chunk, (head) => iso(head.updated_at), 'timestamptz')})`,
          )
          .returning(['id', 'region_code', 'subject_kind', 'subject_id', 'year'])
          .execute();
        inserted.push(...rows);
      }
      return inserted;
    },

    insertVersions: async (versions) => {
      for (const chunk of chunks(versions, ARRAY_CHUNK)) {
        await sql`
          insert into observation_versions (observation_id, version, value, unit, qualifier, source, quote, note,
            comment, reason, series_break, caveats, origin, file_name, file_row, created_by_user_id, created_at)
          select observation_id, version, value, unit, qualifier, source, quote, note, comment, reason, series_break,
            coalesce(caveats, '[]'::jsonb), origin, file_name, file_row, created_by_user_id, created_at
          from unnest(${column(chunk, (one) => one.observation_id, 'int')}, ${column(chunk, (one) => one.version, 'int')},
            ${column(chunk, (one) => one.value, 'float8')}, ${column(chunk, (one) => one.unit, 'text')},
            ${column(chunk, (one) => one.qualifier, 'text')}, ${column(chunk, (one) => one.source ?? null, 'text')},
            ${column(chunk, (one) => one.quote ?? null, 'text')}, ${column(chunk, (one) => one.note ?? null, 'text')},
            ${column(chunk, (one) => one.comment ?? null, 'text')}, ${column(chunk, (one) => one.reason ?? null, 'text')},
            ${column(chunk, (one) => one.series_break ?? null, 'jsonb')}, ${column(chunk, (one) => one.caveats ?? null, 'jsonb')},
            ${column(chunk, (one) => one.origin, 'text')}, ${column(chunk, (one) => one.file_name ?? null, 'text')},
            ${column(chunk, (one) => one.file_row ?? null, 'int')}, ${column(chunk, (one) => one.created_by_user_id ?? null, 'int')},
            ${column(chunk, (one) => iso(one.created_at), 'timestamptz')})
            as t(observation_id, version, value, unit, qualifier, source, quote, note, comment, reason, series_break,
              caveats, origin, file_name, file_row, created_by_user_id, created_at)`.execute(db);
      }
    },

    insertEvents: async (events) => {
      for (const chunk of chunks(events, ARRAY_CHUNK)) {
        await sql`
          insert into observation_events (observation_id, version, action, from_status, to_status, reason,
            actor_user_id, actor_ip, at)
          select * from unnest(${column(chunk, (one) => one.observation_id, 'int')}, ${column(chunk, (one) => one.version, 'int')},
            ${column(chunk, (one) => one.action, 'text')}, ${column(chunk, (one) => one.from_status ?? null, 'text')},
            ${column(chunk, (one) => one.to_status, 'text')}, ${column(chunk, (one) => one.reason ?? null, 'text')},
            ${column(chunk, (one) => one.actor_user_id ?? null, 'int')}, ${column(chunk, (one) => one.actor_ip ?? null, 'text')},
            ${column(chunk, (one) => iso(one.at), 'timestamptz')})`.execute(db);
      }
    },

    findVersion: (id, version) =>
      db
        .selectFrom('observation_versions')
        .selectAll()
        .where('observation_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst(),

    insert: async (head) =>
      (await db.insertInto('observations').values(head).returning('id').executeTakeFirstOrThrow()).id,

    insertVersion: async (version) => {
      await db.insertInto('observation_versions').values(version).execute();
    },

    insertEvent: async (event) => {
      await db.insertInto('observation_events').values(event).execute();
    },

    update: async (id, lock, changes) => {
      const result = await db
        .updateTable('observations')
        .set({ ...changes, lock: lock + 1 })
        .where('id', '=', id)
        .where('lock', '=', lock)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    list: ({ regionCode, subjectId, year, status, scope, limit, offset }) => {
      let query = view(scope);
      if (regionCode !== undefined) query = query.where('o.region_code', '=', regionCode);
      if (subjectId !== undefined) query = query.where('o.subject_id', '=', subjectId);
      if (year !== undefined) query = query.where('o.year', '=', year);
      if (status !== undefined) {
        const inScope = inScopeOf(scope);
        query = query.where(sql<SqlBool>`(case when ${inScope} then o.status else 'published' end) = ${status}`);
      }
      return query
        .orderBy('o.region_code')
        .orderBy('o.subject_id')
        .orderBy('o.year')
        .limit(limit)
        .offset(offset)
        .execute();
    },

    findView: (id, scope) => view(scope).where('o.id', '=', id).executeTakeFirst(),

    versions: (id) =>
      db
        .selectFrom('observation_versions as v')
        .leftJoin('users as u', 'u.id', 'v.created_by_user_id')
        .selectAll('v')
        .select('u.display_name as created_by_name')
        .where('v.observation_id', '=', id)
        .orderBy('v.version')
        .execute(),

    events: (id) =>
      db
        .selectFrom('observation_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_user_id')
        .selectAll('e')
        .select('u.display_name as actor_name')
        .where('e.observation_id', '=', id)
        .orderBy('e.id')
        .execute(),

    values: (regionCodes, year, basis, subjectIds = []) => {
      if (regionCodes.length === 0) return Promise.resolve([]);
      const version = basis === 'approved' ? 'o.approved_version' : 'o.published_version';
      let query = db
        .selectFrom('observations as o')
        .innerJoin('observation_versions as v', (join) =>
          join.onRef('v.observation_id', '=', 'o.id').onRef('v.version', '=', version),
        )
        .select(['o.region_code', 'o.subject_id', 'o.year', 'v.value'])
        .where('o.region_code', 'in', regionCodes)
        .where('o.year', '=', year);
      if (subjectIds.length > 0) query = query.where('o.subject_id', 'in', subjectIds);
      return query.execute();
    },

    series: (regionCodes, subjectIds, years, basis) => {
      if (regionCodes.length === 0 || subjectIds.length === 0) return Promise.resolve([]);
      const version = basis === 'approved' ? 'o.approved_version' : 'o.published_version';
      return (
        db
          .selectFrom('observations as o')
          .innerJoin('observation_versions as v', (join) =>
            join.onRef('v.observation_id', '=', 'o.id').onRef('v.version', '=', version),
          )
          .select(['o.id', 'o.region_code', 'o.subject_id', 'o.year', 'v.value', 'v.qualifier'])
          .where('o.region_code', 'in', regionCodes)
          .where('o.subject_id', 'in', subjectIds)
          .where('o.year', '>=', years.from)
          .where('o.year', '<=', years.to)
          // No ORDER BY: every caller files the rows by year itself, and at a province's size the sort went to disk.
          .execute()
      );
    },

    currentValues: (regionCode, year) =>
      db
        .selectFrom('observations as o')
        .innerJoin('observation_versions as v', (join) =>
          join.onRef('v.observation_id', '=', 'o.id').onRef('v.version', '=', 'o.current_version'),
        )
        .select(['o.region_code', 'o.subject_id', 'o.year', 'v.value'])
        .where('o.region_code', '=', regionCode)
        .where('o.year', '=', year)
        .execute(),

    requiredIndicators: (regionCodes, year) => {
      if (regionCodes.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('plans as p')
        .innerJoin('plan_indicators as i', 'i.plan_id', 'p.id')
        .select([
          'p.id as plan_id',
          'p.title as plan_title',
          'p.region_code as plan_region_code',
          'p.period_start',
          'p.period_end',
          'i.row_no',
          'i.catalogue_id',
        ])
        .$narrowType<{ catalogue_id: string }>()
        .where('p.status', '=', 'published')
        .where('p.region_code', 'in', regionCodes)
        .where(sql<SqlBool>`p.period_start - 1 <= ${year} and ${year} <= p.period_end`)
        .where('i.catalogue_id', 'is not', null)
        .orderBy('p.region_code')
        .orderBy('i.row_no')
        .execute();
    },

    coveredYears: async (regionCodes) => {
      if (regionCodes.length === 0) return null;
      const row = await db
        .selectFrom('plans')
        .select([sql<number | null>`min(period_start) - 1`.as('from'), sql<number | null>`max(period_end)`.as('to')])
        .where('status', '=', 'published')
        .where('region_code', 'in', regionCodes)
        .executeTakeFirst();
      const from = row?.from ?? null;
      const to = row?.to ?? null;
      return from === null || to === null ? null : { from, to };
    },

    currentValuesOf: async (regionYears) => {
      if (regionYears.length === 0) return [];
      const rows = await sql<StoredValue>`
        select o.region_code, o.subject_id, o.year, v.value
        from (select distinct * from unnest(${column(regionYears, (one) => one.regionCode, 'char(6)')},
          ${column(regionYears, (one) => one.year, 'int')}) as t(region_code, year)) as k
        join observations o on o.region_code = k.region_code and o.year = k.year
        join observation_versions v on v.observation_id = o.id and v.version = o.current_version`.execute(db);
      return rows.rows;
    },

    coveredYearsOf: async (regionCodes) => {
      if (regionCodes.length === 0) return [];
      // Up the parent links (at most four levels, as regionChain), then the published plans of each chain.
      const rows = await sql<{ region_code: string; from: number; to: number }>`
        with recursive chain(region_code, code, depth) as (
          select r.code, r.code, 1 from regions r
          where r.code = any(${[...new Set(regionCodes)]}::char(6)[])
            and r.valid_from <= current_date and (r.valid_to is null or r.valid_to > current_date)
          union
          select c.region_code, r.parent_code, c.depth + 1 from chain c
          join regions r on r.code = c.code
            and r.valid_from <= current_date and (r.valid_to is null or r.valid_to > current_date)
          where r.parent_code is not null and c.depth < 4
        )
        select c.region_code, min(p.period_start) - 1 as "from", max(p.period_end) as "to"
        from chain c join plans p on p.region_code = c.code and p.status = 'published'
        group by c.region_code`.execute(db);
      return rows.rows;
    },

    findRegions: (codes) =>
      codes.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('regions')
            .selectAll()
            .where('code', 'in', [...new Set(codes)])
            .where('valid_from', '<=', sql<string>`current_date`)
            .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', sql<string>`current_date`)]))
            .orderBy('valid_from')
            .execute(),

    moveMany: async (moves, status, at) => {
      const moved: number[] = [];
      for (const chunk of chunks(moves, ARRAY_CHUNK)) {
        const rows = await sql<{ id: number }>`
          update observations o
          set status = ${status}, current_version = m.version, lock = o.lock + 1,
            return_reason = case when m.keep then o.return_reason end,
            updated_at = ${iso(at)}::timestamptz
          from unnest(${column(chunk, (one) => one.id, 'int')}, ${column(chunk, (one) => one.lock, 'int')},
            ${column(chunk, (one) => one.version, 'int')}, ${column(chunk, (one) => one.keepReturnReason, 'bool')})
            as m(id, lock, version, keep)
          where o.id = m.id and o.lock = m.lock
          returning o.id`.execute(db);
        moved.push(...rows.rows.map((row) => row.id));
      }
      return moved;
    },
  };
}
