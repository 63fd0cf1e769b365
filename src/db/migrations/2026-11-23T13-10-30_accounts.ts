/* eslint-disable @typescript-eslint/no-explicit-any -- a migration runs against the schema as it was when it was
   written, so it must not be typed by today's Database interface (Kysely's documented convention). */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const ROLES = sql.raw(
  ['province_admin', 'city_admin', 'county_reporter', 'responsible_unit', 'evaluator', 'system_admin']
    .map((role) => `'${role}'`)
    .join(', '),
);

/** `users`, `sessions`, `sign_in_failures` and the append-only `audit_log`. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username', 'text', (col) => col.notNull().check(sql`username = btrim(username) and username <> ''`))
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull().check(sql`password_hash like '$argon2id$%'`))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in (${ROLES})`))
    // No foreign key to regions: a code is unique only with its validity period (see the regions migration).
    .addColumn('region_code', 'char(6)', (col) => col.check(sql`region_code ~ '^[0-9]{6}$'`))
    .addColumn('unit_name', 'text')
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('password_changed_at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint('users_scope_check', sql`(role = 'system_admin') = (region_code is null)`)
    .addCheckConstraint('users_unit_check', sql`(role = 'responsible_unit') = (unit_name is not null)`)
    .execute();
  await db.schema
    .createIndex('users_username_key')
    .on('users')
    .unique()
    .expression(sql`lower(username)`)
    .execute();
  await db.schema.createIndex('users_region_code_idx').on('users').column('region_code').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'char(64)', (col) => col.primaryKey().check(sql`id ~ '^[0-9a-f]{64}$'`))
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addCheckConstraint('sessions_period_check', sql`expires_at > created_at`)
    .execute();
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username_key', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema
    .createIndex('sign_in_failures_key_at_idx')
    .on('sign_in_failures')
    .columns(['username_key', 'at'])
    .execute();
  await db.schema.createIndex('sign_in_failures_at_idx').on('sign_in_failures').column('at').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    // Plain reference, no ON DELETE: a user with history cannot be deleted (deactivate instead), and SET NULL
    // would be an UPDATE the trigger refuses anyway.
    .addColumn('actor_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('actor_ip', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    // The region the entity belongs to, so a city or an evaluator can read its own part of the trail.
    .addColumn('region_code', 'char(6)')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_region_code_idx').on('audit_log').column('region_code').execute();

  // Append-only where it cannot be bypassed by a bug in a service: the database itself refuses to change history.
  // PL/pgSQL runs on PGlite and PostgreSQL alike. TRUNCATE skips row triggers, so it gets its own.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

/** Drops the account tables (dropping audit_log drops its triggers; DROP is not refused by them). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await sql`drop function audit_log_append_only()`.execute(db);
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('users').execute();
}
