import type { Kysely, Updateable } from 'kysely';
import type {
  NewPlanCommitment,
  NewPlanIndicator,
  NewPlanProject,
  NewPlanSection,
  PlanCommitmentRow,
  PlanIndicatorRow,
  PlanIndicatorTable,
  PlanProjectRow,
  PlanSectionRow,
} from './plan.schema.ts';
import type { Database } from './schema.ts';

/** A child row before it is given its plan. */
export type ChildRow<T> = Omit<T, 'plan_id'>;

/** What a review may change in an indicator row. */
export type IndicatorUpdate = Omit<Updateable<PlanIndicatorTable>, 'plan_id' | 'row_no' | 'line'>;

/** SQL over what a plan holds: sections, indicators, 专栏 projects and commitments. */
export interface PlanContentRepository {
  insertSections(planId: number, rows: readonly ChildRow<NewPlanSection>[]): Promise<void>;
  insertIndicators(planId: number, rows: readonly ChildRow<NewPlanIndicator>[]): Promise<void>;
  insertProjects(planId: number, rows: readonly ChildRow<NewPlanProject>[]): Promise<void>;
  insertCommitments(planId: number, rows: readonly ChildRow<NewPlanCommitment>[]): Promise<void>;
  listSections(planId: number): Promise<PlanSectionRow[]>;
  listIndicators(planId: number): Promise<PlanIndicatorRow[]>;
  /** The indicator rows of several plans in one query, by plan and row. */
  listIndicatorsOf(planIds: readonly number[]): Promise<PlanIndicatorRow[]>;
  listProjects(planId: number): Promise<PlanProjectRow[]>;
  listCommitments(planId: number): Promise<PlanCommitmentRow[]>;
  findIndicator(planId: number, rowNo: number): Promise<PlanIndicatorRow | undefined>;
  updateIndicator(planId: number, rowNo: number, update: IndicatorUpdate): Promise<PlanIndicatorRow>;
  /** The first row whose catalogue match is uncertain (fuzzy or none) and not yet reviewed. */
  findPendingReview(planId: number): Promise<Pick<PlanIndicatorRow, 'row_no' | 'line' | 'name'> | undefined>;
}

// Multi-row inserts go in batches: PostgreSQL takes at most 65535 parameters in one statement.
const BATCH = 500;

async function insertBatched<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/** The plan content repository on a database or a transaction. */
export function planContentRepository(db: Kysely<Database>): PlanContentRepository {
  const children = <T>(planId: number, rows: readonly ChildRow<T>[]) =>
    rows.map((row) => ({ ...row, plan_id: planId }));
  return {
    insertSections: (planId, rows) =>
      insertBatched(children(planId, rows), (batch) => db.insertInto('plan_sections').values(batch).execute()),
    insertIndicators: (planId, rows) =>
      insertBatched(children(planId, rows), (batch) => db.insertInto('plan_indicators').values(batch).execute()),
    insertProjects: (planId, rows) =>
      insertBatched(children(planId, rows), (batch) => db.insertInto('plan_projects').values(batch).execute()),
    insertCommitments: (planId, rows) =>
      insertBatched(children(planId, rows), (batch) => db.insertInto('plan_commitments').values(batch).execute()),

    listSections: (planId) =>
      db.selectFrom('plan_sections').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    listIndicators: (planId) =>
      db.selectFrom('plan_indicators').selectAll().where('plan_id', '=', planId).orderBy('row_no').execute(),
    listIndicatorsOf: (planIds) =>
      planIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('plan_indicators')
            .selectAll()
            .where('plan_id', 'in', planIds)
            .orderBy('plan_id')
            .orderBy('row_no')
            .execute(),
    listProjects: (planId) =>
      db.selectFrom('plan_projects').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),
    listCommitments: (planId) =>
      db.selectFrom('plan_commitments').selectAll().where('plan_id', '=', planId).orderBy('position').execute(),

    findIndicator: (planId, rowNo) =>
      db
        .selectFrom('plan_indicators')
        .selectAll()
        .where('plan_id', '=', planId)
        .where('row_no', '=', rowNo)
        .executeTakeFirst(),

    updateIndicator: (planId, rowNo, update) =>
      db
        .updateTable('plan_indicators')
        .set(update)
        .where('plan_id', '=', planId)
        .where('row_no', '=', rowNo)
        .returningAll()
        .executeTakeFirstOrThrow(),

    findPendingReview: (planId) =>
      db
        .selectFrom('plan_indicators')
        .select(['row_no', 'line', 'name'])
        .where('plan_id', '=', planId)
        .where('reviewed', '=', false)
        .where('match_method', 'in', ['fuzzy', 'none'])
        .orderBy('row_no')
        .limit(1)
        .executeTakeFirst(),
  };
}
