/* eslint-disable @typescript-eslint/no-explicit-any -- a migration runs against the schema as it was when it was
   written, so it must not be typed by today's Database interface (Kysely's documented convention). */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * A workflow step names its figure and version, and its key to observation_versions (figure, version) already
 * guarantees the figure exists, since a version cannot outlive its figure. The second key, to observations alone,
 * checked the same thing again on every step: dropping it made a file import's event inserts about four times
 * faster on PGlite (bench/import.bench.ts), and no guarantee is lost.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table observation_events drop constraint observation_events_observation_id_fkey`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table observation_events add constraint observation_events_observation_id_fkey
    foreign key (observation_id) references observations (id)`.execute(db);
}
