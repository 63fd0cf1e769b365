/* eslint-disable @typescript-eslint/no-explicit-any -- a migration runs against the schema as it was when it was
   written, so it must not be typed by today's Database interface (Kysely's documented convention). */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Evidence files are kept in the database (one backup holds everything); 10 MB each at most.
const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
const NOT_BLANK = (column: string) => sql`btrim(${sql.ref(column)}) <> ''`;

/**
 * Tracking what a published plan promised: its 专栏 commitments (quantity achieved, responsible unit, deadline) and
 * the tasks a person confirmed from its outline (lead and partner units, regions, deadline, milestones, progress),
 * with evidence (files and links) and every update kept. Both are keyed by a plan version, as its commitments are.
 * Statuses are not stored: they are computed from these and the day.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createTasks(db);
  await createCommitmentTracking(db);
  await createEvidence(db);
  await createCommitmentUpdates(db);
  await createTaskUpdates(db);
  // Evidence and history are never changed or removed, as for observations (history_append_only comes from there).
  for (const table of ['evidence', 'commitment_updates', 'task_updates']) {
    await sql`
      create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)}
      for each row execute function history_append_only()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function history_append_only()`.execute(db);
  }
}

async function createTasks(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (col) => col.notNull().references('plans.id'))
    // The heading it was confirmed from: its number, title and line are read from plan_sections.
    .addColumn('section_position', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull().check(NOT_BLANK('title')))
    .addColumn('lead_unit', 'text', (col) => col.notNull().check(NOT_BLANK('lead_unit')))
    .addColumn('partner_units', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('deadline', 'date', (col) => col.notNull())
    .addColumn('progress', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(0)
        .check(sql`progress between 0 and 100`),
    )
    .addColumn('lock', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint('tasks_section_fkey', ['plan_id', 'section_position'], 'plan_sections', [
      'plan_id',
      'position',
    ])
    .addCheckConstraint('tasks_partner_units_check', sql`jsonb_typeof(partner_units) = 'array'`)
    .execute();
  await db.schema.createIndex('tasks_plan_id_idx').on('tasks').column('plan_id').execute();
  // The overdue and due-soon lists read by deadline.
  await db.schema.createIndex('tasks_deadline_idx').on('tasks').column('deadline').execute();

  await db.schema
    .createTable('task_regions')
    .addColumn('task_id', 'integer', (col) => col.notNull().references('tasks.id'))
    // No foreign key to regions, as everywhere: a code is unique there only with its validity period.
    .addColumn('region_code', 'char(6)', (col) => col.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addPrimaryKeyConstraint('task_regions_pkey', ['task_id', 'region_code'])
    .execute();
  await db.schema.createIndex('task_regions_region_code_idx').on('task_regions').column('region_code').execute();

  await db.schema
    .createTable('task_milestones')
    .addColumn('task_id', 'integer', (col) => col.notNull().references('tasks.id'))
    .addColumn('position', 'integer', (col) => col.notNull().check(sql`position >= 1`))
    .addColumn('title', 'text', (col) => col.notNull().check(NOT_BLANK('title')))
    .addColumn('due_date', 'date', (col) => col.notNull())
    .addColumn('done_at', 'date')
    .addPrimaryKeyConstraint('task_milestones_pkey', ['task_id', 'position'])
    .execute();
  await db.schema.createIndex('task_milestones_due_date_idx').on('task_milestones').column('due_date').execute();
}

async function createCommitmentTracking(db: Kysely<any>): Promise<void> {
  // One row per commitment once someone tracks it; a commitment without a row has nothing reported yet.
  await db.schema
    .createTable('commitment_tracking')
    .addColumn('plan_id', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('achieved', 'double precision', (col) => col.check(sql`achieved >= 0`))
    .addColumn('responsible_unit', 'text', (col) => col.check(NOT_BLANK('responsible_unit')))
    // Null: the default, 31 December of the commitment's own year, else of the plan's last year.
    .addColumn('deadline', 'date')
    .addColumn('lock', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_by_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('commitment_tracking_pkey', ['plan_id', 'position'])
    .addForeignKeyConstraint('commitment_tracking_commitment_fkey', ['plan_id', 'position'], 'plan_commitments', [
      'plan_id',
      'position',
    ])
    .execute();
}

async function createEvidence(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (col) => col.notNull().references('plans.id'))
    // Evidence of a commitment (plan_id, commitment_position) or of a task (task_id), never both.
    .addColumn('commitment_position', 'integer')
    .addColumn('task_id', 'integer', (col) => col.references('tasks.id'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('file', 'link')`))
    .addColumn('title', 'text', (col) => col.notNull().check(NOT_BLANK('title')))
    .addColumn('file_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size', 'integer', (col) => col.check(sql`size between 1 and ${sql.lit(MAX_EVIDENCE_BYTES)}`))
    .addColumn('sha256', 'char(64)', (col) => col.check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('content', 'bytea')
    .addColumn('url', 'text', (col) => col.check(sql`url ~ '^https?://'`))
    .addColumn('created_by_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint('evidence_commitment_fkey', ['plan_id', 'commitment_position'], 'plan_commitments', [
      'plan_id',
      'position',
    ])
    .addCheckConstraint('evidence_owner_check', sql`(commitment_position is null) <> (task_id is null)`)
    .addCheckConstraint(
      'evidence_content_check',
      sql`case kind
        when 'file' then file_name is not null and content_type is not null and size is not null
          and sha256 is not null and content is not null and url is null
        else url is not null and file_name is null and content_type is null and size is null and sha256 is null
          and content is null
      end`,
    )
    .addCheckConstraint('evidence_size_matches_check', sql`size is null or size = octet_length(content)`)
    .execute();
  await db.schema
    .createIndex('evidence_commitment_idx')
    .on('evidence')
    .columns(['plan_id', 'commitment_position'])
    .execute();
  await db.schema.createIndex('evidence_task_id_idx').on('evidence').column('task_id').execute();
}

async function createCommitmentUpdates(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('commitment_updates')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull().check(sql`action in ('track', 'evidence')`))
    // The tracked state after the update, so each entry reads on its own.
    .addColumn('achieved', 'double precision')
    .addColumn('responsible_unit', 'text')
    .addColumn('deadline', 'date')
    // Each changed field with its value before and after: {"achieved": {"from": 10, "to": 20}}.
    .addColumn('changes', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('note', 'text')
    .addColumn('evidence_id', 'integer', (col) => col.references('evidence.id'))
    .addColumn('actor_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('actor_ip', 'text')
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint('commitment_updates_commitment_fkey', ['plan_id', 'position'], 'plan_commitments', [
      'plan_id',
      'position',
    ])
    .addCheckConstraint('commitment_updates_evidence_check', sql`(action = 'evidence') = (evidence_id is not null)`)
    .execute();
  await db.schema
    .createIndex('commitment_updates_commitment_idx')
    .on('commitment_updates')
    .columns(['plan_id', 'position'])
    .execute();
}

async function createTaskUpdates(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_updates')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('task_id', 'integer', (col) => col.notNull().references('tasks.id'))
    .addColumn('action', 'text', (col) =>
      col.notNull().check(sql`action in ('create', 'edit', 'progress', 'evidence')`),
    )
    .addColumn('progress', 'integer')
    .addColumn('changes', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('note', 'text')
    .addColumn('evidence_id', 'integer', (col) => col.references('evidence.id'))
    .addColumn('actor_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('actor_ip', 'text')
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint('task_updates_evidence_check', sql`(action = 'evidence') = (evidence_id is not null)`)
    .execute();
  await db.schema.createIndex('task_updates_task_id_idx').on('task_updates').column('task_id').execute();
}

/** Drops the tracking tables, those that refer to others first (their triggers go with them). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'task_updates',
    'commitment_updates',
    'evidence',
    'commitment_tracking',
    'task_milestones',
    'task_regions',
    'tasks',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
