/* eslint-disable @typescript-eslint/no-explicit-any -- a migration runs against the schema as it was when it was
   written, so it must not be typed by today's Database interface (Kysely's documented convention). */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** `regions`: GB/T 2260 divisions, one row per code and period of validity ([valid_from, valid_to)). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'char(6)', (col) => col.notNull().check(sql`code ~ '^[0-9]{6}$'`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('level', 'text', (col) => col.notNull().check(sql`level in ('province', 'city', 'county')`))
    // No foreign key: a code is unique only with its valid_from, and a parent's row may be re-issued by re-zoning.
    .addColumn('parent_code', 'char(6)')
    .addColumn('valid_from', 'date', (col) => col.notNull())
    .addColumn('valid_to', 'date')
    .addUniqueConstraint('regions_code_valid_from_key', ['code', 'valid_from'])
    .addCheckConstraint('regions_period_check', sql`valid_to is null or valid_to > valid_from`)
    .addCheckConstraint('regions_parent_check', sql`(level = 'province') = (parent_code is null)`)
    .execute();
  await db.schema.createIndex('regions_parent_code_idx').on('regions').column('parent_code').execute();
}

/** Drops `regions`. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('regions').execute();
}
