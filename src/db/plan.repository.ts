import { sql } from 'kysely';
import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely';
import type { PlanGoal, PlanMechanism, PlanPeriod, ParseWarning } from '../ingest/types.ts';
import type { NewPlan, PlanRow, PlanStatus } from './plan.schema.ts';
import type { Database, RegionLevel } from './schema.ts';

/** A plan without its bulky columns (source text, parsed JSON), with its region's name and level. */
export interface PlanSummaryRow extends Omit<PlanRow, 'source_text' | 'parsed'> {
  region_name: string | null;
  region_level: RegionLevel | null;
}

/** A summary with the parts of the parsed plan that have no table of their own. */
export interface PlanDetailRow extends PlanSummaryRow {
  issuer: string | null;
  doc_number: string | null;
  issued_date: string | null;
  goals: PlanGoal[];
  mechanisms: PlanMechanism[];
  warnings: ParseWarning[];
}

/** Which plans to list: status and region filter when given; the page always applies. */
export interface PlanFilter {
  status?: PlanStatus;
  regionCode?: string;
  /** Any of these regions (a subtree's plans in one query). */
  regionCodes?: readonly string[];
  limit: number;
  offset: number;
}

/** Where a plan sits: its region and period (the version key). */
export interface PlanSlot {
  regionCode: string;
  period: PlanPeriod;
}

/** SQL over `plans`: finding plans and their versions, publication, and the links from child to parent plans. */
export interface PlanRepository {
  /** Plans by region code, period and version (newest first within a slot). */
  list(filter: PlanFilter): Promise<PlanSummaryRow[]>;
  findSummary(id: number): Promise<PlanSummaryRow | undefined>;
  findDetail(id: number): Promise<PlanDetailRow | undefined>;
  findSource(id: number): Promise<Pick<PlanRow, 'source_name' | 'source_format' | 'source_text'> | undefined>;
  /** Locks the plan's row for the rest of the transaction (a concurrent review or publish waits). */
  lock(id: number): Promise<PlanSummaryRow | undefined>;
  /**
   * Serialises writes to one region and period until the transaction ends: two imports into one slot would
   * otherwise both take the same version number (PGlite has one connection, so there it never waits).
   */
  lockSlot(slot: PlanSlot): Promise<void>;
  /** The plan stored from these bytes for this slot, if any. */
  findBySource(slot: PlanSlot, sha256: string): Promise<{ id: number } | undefined>;
  nextVersion(slot: PlanSlot): Promise<number>;
  /** The slot's published plan, else its newest version: the plan its child regions' plans link to. */
  findCurrent(slot: PlanSlot): Promise<{ id: number } | undefined>;
  findPublished(slot: PlanSlot): Promise<{ id: number; version: number } | undefined>;
  insert(plan: NewPlan): Promise<number>;
  markPublished(id: number): Promise<void>;
  markSuperseded(id: number, by: number): Promise<void>;
  /** Puts a draft in another slot, with its version there and its parent plan. */
  move(id: number, slot: PlanSlot, version: number, parentPlanId: number | null): Promise<void>;
  /** Unlinks the plans whose parent is this one. */
  detachChildren(id: number): Promise<void>;
  /**
   * Links the plans of the slot's child regions for the same period to `parentPlanId`, where they have no parent
   * or their parent is another plan of the same slot (an older version).
   */
  linkChildren(slot: PlanSlot, parentPlanId: number): Promise<void>;
}

type PlanQuery<O> = SelectQueryBuilder<Database, 'plans', O>;

/** The summary columns, with the region's latest name and level (a code keeps its history in `regions`). */
function summaries(db: Kysely<Database>) {
  return db
    .selectFrom('plans')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('regions')
          .select(['name', 'level'])
          .whereRef('regions.code', '=', 'plans.region_code')
          .orderBy('valid_from', 'desc')
          .limit(1)
          .as('region'),
      (join) => join.onTrue(),
    )
    .select([
      'plans.id',
      'plans.region_code',
      'plans.period_start',
      'plans.period_end',
      'plans.title',
      'plans.status',
      'plans.version',
      'plans.source_sha256',
      'plans.source_name',
      'plans.source_format',
      'plans.parent_plan_id',
      'plans.created_at',
      'plans.published_at',
      'plans.superseded_by',
      'region.name as region_name',
      'region.level as region_level',
    ]);
}

function inSlot({ regionCode, period }: PlanSlot) {
  return (eb: ExpressionBuilder<Database, 'plans'>) =>
    eb.and([
      eb('plans.region_code', '=', regionCode),
      eb('plans.period_start', '=', period.start),
      eb('plans.period_end', '=', period.end),
    ]);
}

/** The plan repository on a database or a transaction. */
export function planRepository(db: Kysely<Database>): PlanRepository {
  const byId = (id: number) => (query: PlanQuery<PlanSummaryRow>) => query.where('plans.id', '=', id);
  return {
    list: ({ status, regionCode, regionCodes, limit, offset }) => {
      let query = summaries(db);
      if (status !== undefined) query = query.where('plans.status', '=', status);
      if (regionCode !== undefined) query = query.where('plans.region_code', '=', regionCode);
      if (regionCodes !== undefined) {
        if (regionCodes.length === 0) return Promise.resolve([]);
        query = query.where('plans.region_code', 'in', regionCodes);
      }
      return query
        .orderBy('plans.region_code')
        .orderBy('plans.period_start')
        .orderBy('plans.version', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
    },

    findSummary: (id) => summaries(db).$call(byId(id)).executeTakeFirst(),

    findDetail: (id) =>
      summaries(db)
        .$call(byId(id))
        .select([
          sql<string | null>`plans.parsed->>'issuer'`.as('issuer'),
          sql<string | null>`plans.parsed->>'docNumber'`.as('doc_number'),
          sql<string | null>`plans.parsed->>'issuedDate'`.as('issued_date'),
          sql<PlanGoal[]>`plans.parsed->'goals'`.as('goals'),
          sql<PlanMechanism[]>`plans.parsed->'mechanisms'`.as('mechanisms'),
          sql<ParseWarning[]>`plans.parsed->'warnings'`.as('warnings'),
        ])
        .executeTakeFirst(),

    findSource: (id) =>
      db
        .selectFrom('plans')
        .select(['source_name', 'source_format', 'source_text'])
        .where('id', '=', id)
        .executeTakeFirst(),

    lock: async (id) => {
      // FOR UPDATE cannot reach the nullable side of the region join, so the row is locked on its own first.
      const locked = await db.selectFrom('plans').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      return locked === undefined ? undefined : summaries(db).$call(byId(id)).executeTakeFirst();
    },

    lockSlot: async ({ regionCode, period }) => {
      const key = `plans:${regionCode}:${period.start}-${period.end}`;
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
    },

    findBySource: (slot, sha256) =>
      db.selectFrom('plans').select('id').where(inSlot(slot)).where('source_sha256', '=', sha256).executeTakeFirst(),

    nextVersion: async (slot) => {
      const row = await db
        .selectFrom('plans')
        .select((eb) => eb.fn.coalesce(eb.fn.max('version'), eb.lit(0)).as('latest'))
        .where(inSlot(slot))
        .executeTakeFirstOrThrow();
      return row.latest + 1;
    },

    findCurrent: (slot) =>
      db
        .selectFrom('plans')
        .select('id')
        .where(inSlot(slot))
        .where('status', '!=', 'superseded')
        .orderBy(sql`status = 'published'`, 'desc')
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),

    findPublished: (slot) =>
      db
        .selectFrom('plans')
        .select(['id', 'version'])
        .where(inSlot(slot))
        .where('status', '=', 'published')
        .executeTakeFirst(),

    insert: async (plan) => {
      const row = await db.insertInto('plans').values(plan).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    markPublished: async (id) => {
      await db
        .updateTable('plans')
        .set({ status: 'published', published_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    markSuperseded: async (id, by) => {
      await db.updateTable('plans').set({ status: 'superseded', superseded_by: by }).where('id', '=', id).execute();
    },

    move: async (id, { regionCode, period }, version, parentPlanId) => {
      await db
        .updateTable('plans')
        .set({
          region_code: regionCode,
          period_start: period.start,
          period_end: period.end,
          version,
          parent_plan_id: parentPlanId,
        })
        .where('id', '=', id)
        .execute();
    },

    detachChildren: async (id) => {
      await db.updateTable('plans').set({ parent_plan_id: null }).where('parent_plan_id', '=', id).execute();
    },

    linkChildren: async (slot, parentPlanId) => {
      await db
        .updateTable('plans')
        .set({ parent_plan_id: parentPlanId })
        .where('period_start', '=', slot.period.start)
        .where('period_end', '=', slot.period.end)
        .where('region_code', 'in', (eb) =>
          eb.selectFrom('regions').select('code').where('parent_code', '=', slot.regionCode),
        )
        .where((eb) =>
          eb.or([
            eb('parent_plan_id', 'is', null),
            eb('parent_plan_id', 'in', eb.selectFrom('plans').select('plans.id').where(inSlot(slot))),
          ]),
        )
        .where('parent_plan_id', 'is distinct from', parentPlanId)
        .execute();
    },
  };
}
