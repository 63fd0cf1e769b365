import type { Kysely } from 'kysely';
import type { EvidenceRow, NewEvidence } from './evidence.schema.ts';
import type { PlanStatus } from './plan.schema.ts';
import type { Database } from './schema.ts';

/** Evidence without its bytes, with the name of the account that added it. */
export interface EvidenceSummaryRow extends Omit<EvidenceRow, 'content'> {
  created_by_name: string | null;
}

/** An evidence file with its bytes and the plan it belongs to (whose status decides who may read it). */
export interface EvidenceFileRow {
  id: number;
  kind: EvidenceRow['kind'];
  file_name: string | null;
  content_type: string | null;
  content: Uint8Array | null;
  plan_status: PlanStatus;
  plan_region_code: string;
}

/** SQL over `evidence`: append and read; the table itself refuses anything else. */
export interface EvidenceRepository {
  /** Stores evidence and returns its id. */
  insert(row: NewEvidence): Promise<number>;
  /** One piece of evidence without its bytes. */
  findSummary(id: number): Promise<EvidenceSummaryRow | undefined>;
  /** The evidence of a plan's commitments (or of one of them), oldest first. */
  listForCommitments(planId: number, position?: number): Promise<EvidenceSummaryRow[]>;
  /** The evidence of these tasks, oldest first. */
  listForTasks(taskIds: readonly number[]): Promise<EvidenceSummaryRow[]>;
  findFile(id: number): Promise<EvidenceFileRow | undefined>;
}

/** The evidence repository on a database or a transaction. */
export function evidenceRepository(db: Kysely<Database>): EvidenceRepository {
  const summaries = () =>
    db
      .selectFrom('evidence as e')
      .leftJoin('users as u', 'u.id', 'e.created_by_user_id')
      .select([
        'e.id',
        'e.plan_id',
        'e.commitment_position',
        'e.task_id',
        'e.kind',
        'e.title',
        'e.file_name',
        'e.content_type',
        'e.size',
        'e.sha256',
        'e.url',
        'e.created_by_user_id',
        'e.created_at',
        'u.display_name as created_by_name',
      ]);

  return {
    insert: async (row) => (await db.insertInto('evidence').values(row).returning('id').executeTakeFirstOrThrow()).id,

    findSummary: (id) => summaries().where('e.id', '=', id).executeTakeFirst(),

    listForCommitments: (planId, position) => {
      let query = summaries().where('e.plan_id', '=', planId).where('e.commitment_position', 'is not', null);
      if (position !== undefined) query = query.where('e.commitment_position', '=', position);
      return query.orderBy('e.id').execute();
    },

    listForTasks: (taskIds) =>
      taskIds.length === 0
        ? Promise.resolve([])
        : summaries()
            .where('e.task_id', 'in', [...taskIds])
            .orderBy('e.id')
            .execute(),

    findFile: (id) =>
      db
        .selectFrom('evidence as e')
        .innerJoin('plans as p', 'p.id', 'e.plan_id')
        .select([
          'e.id',
          'e.kind',
          'e.file_name',
          'e.content_type',
          'e.content',
          'p.status as plan_status',
          'p.region_code as plan_region_code',
        ])
        .where('e.id', '=', id)
        .executeTakeFirst(),
  };
}
