import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { FeedbackStatus } from '../domain/feedback/moderation.ts';
import type { FeedbackRow, NewFeedbackRow } from './feedback.schema.ts';
import type { Database } from './schema.ts';

/** A message with what the inbox and the portal show beside it: its plan, region and indicator row. */
export interface FeedbackListRow extends FeedbackRow {
  plan_title: string | null;
  plan_region_code: string;
  region_name: string | null;
  indicator_name: string | null;
}

/** Which messages to list, newest first; the page always applies. */
export interface FeedbackFilter {
  /** Only messages on plans of this region and every region below it; undefined for all regions. */
  withinRegion?: string;
  planId?: number;
  status?: FeedbackStatus;
  limit: number;
  offset: number;
}

/** The fields a moderation step writes, behind the lock. */
export interface FeedbackModeration {
  status: FeedbackStatus;
  reply: string | null;
  replied_at: Date | null;
  replied_by_user_id: number | null;
  moderated_by_user_id: number | null;
  updated_at: Date;
}

/** SQL over `feedback`. */
export interface FeedbackRepository {
  insert(row: NewFeedbackRow): Promise<number>;
  /** The name of a plan's indicator row, or undefined when the plan has no such row. */
  findIndicator(planId: number, rowNo: number): Promise<{ name: string } | undefined>;
  /** One page of messages, and how many match in all. */
  list(filter: FeedbackFilter): Promise<{ rows: FeedbackListRow[]; total: number }>;
  find(id: number): Promise<FeedbackListRow | undefined>;
  /** The message locked for a moderation step (FOR UPDATE), with its plan's region. */
  lock(id: number): Promise<(FeedbackRow & { plan_region_code: string }) | undefined>;
  /** Writes a step if the lock is still the one read; false when someone moderated it first. */
  moderate(id: number, lockRead: number, changes: FeedbackModeration): Promise<boolean>;
}

/** The feedback repository on a database or a transaction. */
export function feedbackRepository(db: Kysely<Database>): FeedbackRepository {
  return {
    insert: async (row) => {
      const { id } = await db.insertInto('feedback').values(row).returning('id').executeTakeFirstOrThrow();
      return id;
    },

    findIndicator: (planId, rowNo) =>
      db
        .selectFrom('plan_indicators')
        .select('name')
        .where('plan_id', '=', planId)
        .where('row_no', '=', rowNo)
        .executeTakeFirst(),

    list: async ({ withinRegion, planId, status, limit, offset }) => {
      let query = withDetails(db);
      if (withinRegion !== undefined) {
        // The tree is province > city > county, so a region's subtree is itself, its children and theirs.
        query = query.where((eb) =>
          eb.or([
            eb('plans.region_code', '=', withinRegion),
            eb('plans.region_code', 'in', childrenOf(eb.selectFrom('regions'), withinRegion)),
            eb(
              'plans.region_code',
              'in',
              eb
                .selectFrom('regions')
                .select('regions.code')
                .where('regions.parent_code', 'in', childrenOf(eb.selectFrom('regions'), withinRegion)),
            ),
          ]),
        );
      }
      if (planId !== undefined) query = query.where('feedback.plan_id', '=', planId);
      if (status !== undefined) query = query.where('feedback.status', '=', status);
      const [rows, count] = await Promise.all([
        query.orderBy('feedback.id', 'desc').limit(limit).offset(offset).execute(),
        query
          .clearSelect()
          .select((eb) => eb.fn.countAll<string>().as('total'))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.total) };
    },

    find: (id) => withDetails(db).where('feedback.id', '=', id).executeTakeFirst(),

    lock: async (id) => {
      const row = await db.selectFrom('feedback').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (row === undefined) return undefined;
      const plan = await db
        .selectFrom('plans')
        .select('region_code')
        .where('id', '=', row.plan_id)
        .executeTakeFirstOrThrow();
      return { ...row, plan_region_code: plan.region_code };
    },

    moderate: async (id, lockRead, changes) => {
      const result = await db
        .updateTable('feedback')
        .set((eb) => ({ ...changes, lock: eb('lock', '+', 1) }))
        .where('id', '=', id)
        .where('lock', '=', lockRead)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

const childrenOf = (regions: SelectQueryBuilder<Database, 'regions', object>, code: string) =>
  regions.select('regions.code').where('regions.parent_code', '=', code);

/** Messages joined with their plan, the plan's region name (its latest period) and the indicator row's name. */
function withDetails(db: Kysely<Database>) {
  return db
    .selectFrom('feedback')
    .innerJoin('plans', 'plans.id', 'feedback.plan_id')
    .leftJoin('plan_indicators', (join) =>
      join
        .onRef('plan_indicators.plan_id', '=', 'feedback.plan_id')
        .onRef('plan_indicators.row_no', '=', 'feedback.indicator_row'),
    )
    .selectAll('feedback')
    .select((eb) => [
      'plans.title as plan_title',
      'plans.region_code as plan_region_code',
      'plan_indicators.name as indicator_name',
      eb
        .selectFrom('regions')
        .select('regions.name')
        .whereRef('regions.code', '=', 'plans.region_code')
        .orderBy('regions.valid_from', 'desc')
        .limit(1)
        .as('region_name'),
    ]);
}
