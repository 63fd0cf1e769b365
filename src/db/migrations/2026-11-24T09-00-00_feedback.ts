/* eslint-disable @typescript-eslint/no-explicit-any -- a migration runs against the schema as it was when it was
   written, so it must not be typed by today's Database interface (Kysely's documented convention). */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * 意见建议: messages the public leaves on a published plan (optionally on one of its indicator rows), with the
 * client's address for moderation, and the moderation state, reply and optimistic lock. The limits here are the
 * last line behind the service's own checks (src/domain/feedback), which give the reasons.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'integer', (col) => col.notNull().references('plans.id'))
    .addColumn('indicator_row', 'integer')
    .addColumn('name', 'text', (col) => col.check(sql`char_length(name) between 1 and 50`))
    .addColumn('contact', 'text', (col) => col.check(sql`char_length(contact) between 1 and 100`))
    .addColumn('message', 'text', (col) => col.notNull().check(sql`char_length(message) between 5 and 2000`))
    .addColumn('client_ip', 'text')
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('new')
        .check(sql`status in ('new', 'read', 'answered', 'hidden')`),
    )
    .addColumn('reply', 'text', (col) => col.check(sql`char_length(reply) between 1 and 2000`))
    .addColumn('replied_at', 'timestamptz')
    .addColumn('replied_by_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('moderated_by_user_id', 'integer', (col) => col.references('users.id'))
    .addColumn('lock', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    // A row named must be a row of the same plan; MATCH SIMPLE skips the check when no row is named.
    .addForeignKeyConstraint('feedback_indicator_fkey', ['plan_id', 'indicator_row'], 'plan_indicators', [
      'plan_id',
      'row_no',
    ])
    // What the public reads is an answer, so an answered message always has its reply.
    .addCheckConstraint('feedback_answer_check', sql`status <> 'answered' or reply is not null`)
    .execute();
  // The inbox reads a plan's messages newest first; the portal reads its answered ones.
  await db.schema.createIndex('feedback_plan_idx').on('feedback').columns(['plan_id', 'status', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback').execute();
}
