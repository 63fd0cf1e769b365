/* eslint-disable @typescript-eslint/no-explicit-any -- a migration runs against the schema as it was when it was
   written, so it must not be typed by today's Database interface (Kysely's documented convention). */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * `catalogue_entries`: the entries reviewers add to the built-in catalogue (which stays in code, src/domain/catalogue)
 * when a plan's row matches none of them. Ids share one namespace with the built-in slugs; the service keeps them
 * apart, as it keeps names and synonyms unique across both.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalogue_entries')
    .addColumn('id', 'text', (col) => col.primaryKey().check(sql`id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`))
    .addColumn('name', 'text', (col) => col.notNull().check(sql`name = btrim(name) and name <> ''`))
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('unit', 'text', (col) => col.notNull().check(sql`btrim(unit) <> ''`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('ratio', 'count', 'average', 'index')`))
    .addColumn('direction', 'text', (col) =>
      col.notNull().check(sql`direction in ('increase', 'decrease', 'maintain')`),
    )
    .addColumn('synonyms', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    // Null when the installation created it (the command line); kept after the user is deactivated.
    .addColumn('created_by_user_id', 'integer', (col) => col.references('users.id'))
    // The plan whose row prompted it; no cascade: an entry outlives the draft it came from.
    .addColumn('source_plan_id', 'integer', (col) => col.references('plans.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  // A backstop to the service's check: two entries may never share a canonical name.
  await db.schema.createIndex('catalogue_entries_name_key').on('catalogue_entries').unique().column('name').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalogue_entries').execute();
}
