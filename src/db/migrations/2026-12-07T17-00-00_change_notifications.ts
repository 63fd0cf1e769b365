/* eslint-disable @typescript-eslint/no-explicit-any -- a migration runs against the schema as it was when it was
   written, so it must not be typed by today's Database interface (Kysely's documented convention). */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Every statement that changes what an evaluation reads (figures, plans and their indicator rows, the catalogue, the
 * regions) sends a notification on the channel `eduplan_changes_<schema>`, naming the table (per schema, so two
 * installations in one database do not hear each other). PostgreSQL delivers it when the
 * transaction commits and never when it rolls back, to every connection listening, in every process: the caches of
 * computed evaluations drop what they hold on it, so no figure that changed is served from a cache as current.
 * Triggers, not the services, send it, so that an import, a restore or a change made in SQL is seen too.
 */
const TABLES = ['observations', 'observation_versions', 'plans', 'plan_indicators', 'catalogue_entries', 'regions'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function eduplan_notify_change() returns trigger language plpgsql as $$
    begin
      -- One notification per table and transaction: PostgreSQL folds identical ones.
      perform pg_notify('eduplan_changes_' || tg_table_schema, tg_table_name);
      return null;
    end
    $$`.execute(db);
  for (const table of TABLES) {
    await sql`
      create trigger ${sql.ref(`${table}_notify_change`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function eduplan_notify_change()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`drop trigger ${sql.ref(`${table}_notify_change`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function eduplan_notify_change()`.execute(db);
}
