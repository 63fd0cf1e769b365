/* eslint-disable @typescript-eslint/no-explicit-any -- a migration runs against the schema as it was when it was
   written, so it must not be typed by today's Database interface (Kysely's documented convention). */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Figures are double precision: both drivers return float8 as a JS number (numeric comes back as text), and a
// printed figure such as 99.97 round-trips exactly, as JS numbers are float8 themselves.
const FIGURE = 'double precision';
const COMPARATOR = sql`in ('>=', '>', '<=', '<')`;

/**
 * `plans` and what a plan holds: sections, indicators (with their catalogue match), 专栏 projects and commitments.
 * Child rows are keyed by (plan_id, position) and go with their plan.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createPlans(db);
  await createSections(db);
  await createIndicators(db);
  await createProjects(db);
  await createCommitments(db);
}

async function createPlans(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('region_code', 'char(6)', (col) => col.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn('period_start', 'integer', (col) => col.notNull())
    .addColumn('period_end', 'integer', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'published', 'superseded')`),
    )
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('source_sha256', 'char(64)', (col) => col.notNull().check(sql`source_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('source_name', 'text', (col) => col.notNull())
    .addColumn('source_format', 'text', (col) =>
      col.notNull().check(sql`source_format in ('txt', 'md', 'docx', 'pdf')`),
    )
    .addColumn('source_text', 'text', (col) => col.notNull())
    .addColumn('parsed', 'jsonb', (col) => col.notNull())
    .addColumn('parent_plan_id', 'integer', (col) => col.references('plans.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('superseded_by', 'integer', (col) => col.references('plans.id'))
    .addCheckConstraint('plans_period_check', sql`period_start <= period_end`)
    .addCheckConstraint('plans_published_check', sql`(status = 'draft') = (published_at is null)`)
    .addCheckConstraint('plans_superseded_check', sql`(status = 'superseded') = (superseded_by is not null)`)
    .addUniqueConstraint('plans_version_key', ['region_code', 'period_start', 'period_end', 'version'])
    // The idempotency key: the same file for the same region and period is the same plan.
    .addUniqueConstraint('plans_source_key', ['region_code', 'period_start', 'period_end', 'source_sha256'])
    .execute();
  // At most one published version per region and period; the partial index also finds it.
  await db.schema
    .createIndex('plans_published_key')
    .on('plans')
    .columns(['region_code', 'period_start', 'period_end'])
    .unique()
    .where(sql.ref('status'), '=', 'published')
    .execute();
  // Re-linking a region's child plans looks them up by their parent.
  await db.schema.createIndex('plans_parent_plan_id_idx').on('plans').column('parent_plan_id').execute();
}

async function createSections(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_sections')
    .addColumn('plan_id', 'integer', (col) => col.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('level', 'integer', (col) => col.notNull())
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('line', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('plan_sections_pkey', ['plan_id', 'position'])
    .execute();
}

async function createIndicators(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_indicators')
    .addColumn('plan_id', 'integer', (col) => col.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('row_no', 'integer', (col) => col.notNull())
    .addColumn('line', 'integer', (col) => col.notNull())
    .addColumn('category', 'text')
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sub_item', 'text')
    .addColumn('unit', 'text')
    .addColumn('baseline_year', 'integer')
    .addColumn('baseline_raw', 'text', (col) => col.notNull())
    .addColumn('baseline_value', FIGURE)
    .addColumn('target_year', 'integer')
    .addColumn('target_raw', 'text', (col) => col.notNull())
    .addColumn('target_value', FIGURE)
    .addColumn('target_comparator', 'text', (col) => col.check(sql`target_comparator ${COMPARATOR}`))
    .addColumn('attribute', 'text', (col) => col.check(sql`attribute in ('binding', 'expected')`))
    .addColumn('catalogue_id', 'text')
    .addColumn('match_method', 'text', (col) =>
      col.notNull().check(sql`match_method in ('exact', 'synonym', 'fuzzy', 'none', 'manual')`),
    )
    .addColumn('match_confidence', FIGURE)
    .addColumn('unit_factor', FIGURE)
    .addColumn('reviewed', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('reference', 'jsonb')
    .addPrimaryKeyConstraint('plan_indicators_pkey', ['plan_id', 'row_no'])
    .addCheckConstraint('plan_indicators_match_check', sql`(match_method = 'none') = (catalogue_id is null)`)
    .execute();
}

async function createProjects(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_projects')
    .addColumn('plan_id', 'integer', (col) => col.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('line', 'integer', (col) => col.notNull())
    .addColumn('subprojects', 'jsonb', (col) => col.notNull())
    .addPrimaryKeyConstraint('plan_projects_pkey', ['plan_id', 'position'])
    .execute();
}

async function createCommitments(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_commitments')
    .addColumn('plan_id', 'integer', (col) => col.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('project_position', 'integer')
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('subproject', 'text')
    .addColumn('quantity', FIGURE, (col) => col.notNull())
    .addColumn('quantity_max', FIGURE)
    .addColumn('unit', 'text', (col) => col.notNull())
    .addColumn('object', 'text', (col) => col.notNull())
    .addColumn('approximate', 'boolean', (col) => col.notNull())
    .addColumn('comparator', 'text', (col) => col.check(sql`comparator ${COMPARATOR}`))
    .addColumn('deadline', 'integer')
    .addColumn('line', 'integer', (col) => col.notNull())
    .addColumn('section', 'text')
    .addPrimaryKeyConstraint('plan_commitments_pkey', ['plan_id', 'position'])
    // A commitment outside a box has no project; MATCH SIMPLE skips the check when project_position is null.
    .addForeignKeyConstraint(
      'plan_commitments_project_fkey',
      ['plan_id', 'project_position'],
      'plan_projects',
      ['plan_id', 'position'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

/** Drops the plan tables, children first. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['plan_commitments', 'plan_projects', 'plan_indicators', 'plan_sections', 'plans']) {
    await db.schema.dropTable(table).execute();
  }
}
