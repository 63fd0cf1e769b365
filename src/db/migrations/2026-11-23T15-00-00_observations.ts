/* eslint-disable @typescript-eslint/no-explicit-any -- a migration runs against the schema as it was when it was
   written, so it must not be typed by today's Database interface (Kysely's documented convention). */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const STATUS = sql`in ('draft', 'submitted', 'approved', 'published')`;

/**
 * Monitoring data. `observations` is one figure's identity (region, indicator or data element, year) and where its
 * workflow stands; `observation_versions` holds every value it ever had, never updated; `observation_events` every
 * workflow step, never updated. Also 全国 (000000) as a reference region: the plans compare themselves with the
 * national figures, so the country is a region of its own level, outside the province tree.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addCountry(db);
  await createObservations(db);
  await createVersions(db);
  await createEvents(db);
  // History is kept forever, and the database itself refuses to change it, as it does for the audit log.
  await sql`
    create function history_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  for (const table of ['observation_versions', 'observation_events']) {
    await sql`
      create trigger ${sql.raw(`${table}_no_change`)} before update or delete on ${sql.table(table)}
      for each row execute function history_append_only()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function history_append_only()`.execute(db);
  }
}

async function addCountry(db: Kysely<any>): Promise<void> {
  await sql`alter table regions drop constraint regions_parent_check`.execute(db);
  await sql`alter table regions drop constraint regions_level_check`.execute(db);
  await sql`alter table regions add constraint regions_level_check
    check (level in ('country', 'province', 'city', 'county'))`.execute(db);
  await sql`alter table regions add constraint regions_parent_check
    check ((level in ('country', 'province')) = (parent_code is null))`.execute(db);
  // GB/T 2260 has no code for the whole country; 000000 is the convention of the national statistics tables.
  await db
    .insertInto('regions')
    .values({ code: '000000', name: '全国', level: 'country', parent_code: null, valid_from: '1949-10-01' })
    .execute();
}

async function createObservations(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('observations')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('region_code', 'char(6)', (col) => col.notNull().check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn('subject_kind', 'text', (col) => col.notNull().check(sql`subject_kind in ('indicator', 'element')`))
    .addColumn('subject_id', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull().check(sql`year between 1949 and 2100`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status ${STATUS}`))
    // The version the workflow acts on, the last one approved and the last one published: a correction of a
    // published figure is worked on while the public still reads the published one.
    .addColumn('current_version', 'integer', (col) => col.notNull())
    .addColumn('approved_version', 'integer')
    .addColumn('published_version', 'integer')
    // The optimistic lock: every change adds one, and a change names the lock it read.
    .addColumn('lock', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('return_reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('observations_key', ['region_code', 'subject_kind', 'subject_id', 'year'])
    .addCheckConstraint('observations_versions_check', sql`approved_version <= current_version`)
    .addCheckConstraint('observations_published_check', sql`published_version <= approved_version`)
    .execute();
  // Aggregation and the indicator views read one subject and year across regions.
  await db.schema
    .createIndex('observations_subject_year_idx')
    .on('observations')
    .columns(['subject_id', 'year', 'region_code'])
    .execute();
}

async function createVersions(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('observation_versions')
    .addColumn('observation_id', 'integer', (col) => col.notNull().references('observations.id'))
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('value', 'double precision', (col) => col.notNull())
    .addColumn('unit', 'text', (col) => col.notNull())
    .addColumn('qualifier', 'text', (col) => col.notNull().check(sql`qualifier in ('exact', 'at_least')`))
    .addColumn('source', 'text')
    .addColumn('quote', 'text')
    .addColumn('note', 'text')
    // 变动说明: why the figure moved more than the jump threshold from last year.
    .addColumn('comment', 'text')
    // 更正原因: why an approved figure was corrected.
    .addColumn('reason', 'text')
    .addColumn('series_break', 'jsonb')
    // Other caveats people must read with the figure ([{zh, en}]): a year inferred from a report's date.
    .addColumn('caveats', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('origin', 'text', (col) => col.notNull().check(sql`origin in ('api', 'file', 'form', 'statistics')`))
    .addColumn('file_name', 'text')
    .addColumn('file_row', 'integer')
    .addColumn('created_by_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('observation_versions_pkey', ['observation_id', 'version'])
    .execute();
}

async function createEvents(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('observation_events')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('observation_id', 'integer', (col) => col.notNull().references('observations.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('action', 'text', (col) =>
      col.notNull().check(sql`action in ('create', 'revise', 'correct', 'submit', 'approve', 'return', 'publish')`),
    )
    .addColumn('from_status', 'text', (col) => col.check(sql`from_status ${STATUS}`))
    .addColumn('to_status', 'text', (col) => col.notNull().check(sql`to_status ${STATUS}`))
    .addColumn('reason', 'text')
    .addColumn('actor_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('actor_ip', 'text')
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint('observation_events_version_fkey', ['observation_id', 'version'], 'observation_versions', [
      'observation_id',
      'version',
    ])
    .execute();
  await db.schema
    .createIndex('observation_events_observation_idx')
    .on('observation_events')
    .column('observation_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['observation_events', 'observation_versions', 'observations']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function history_append_only()`.execute(db);
  await db.deleteFrom('regions').where('level', '=', 'country').execute();
  await sql`alter table regions drop constraint regions_parent_check`.execute(db);
  await sql`alter table regions drop constraint regions_level_check`.execute(db);
  await sql`alter table regions add constraint regions_level_check
    check (level in ('province', 'city', 'county'))`.execute(db);
  await sql`alter table regions add constraint regions_parent_check
    check ((level = 'province') = (parent_code is null))`.execute(db);
}
