import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CatalogueEntryRow, NewCatalogueEntry } from './catalogue.schema.ts';
import type { Database } from './schema.ts';

/** SQL over `catalogue_entries`. */
export interface CatalogueRepository {
  /** Every stored entry, oldest first (the order they are shown in, after the built-in ones). */
  list(): Promise<CatalogueEntryRow[]>;
  insert(row: NewCatalogueEntry): Promise<CatalogueEntryRow>;
  /**
   * Serialises additions until the transaction ends: the name check reads every entry's names and synonyms, which no
   * index can enforce, so two reviewers must not pass it at the same time.
   */
  lockForAdding(): Promise<void>;
}

/** The catalogue repository on a database or a transaction. */
export function catalogueRepository(db: Kysely<Database>): CatalogueRepository {
  return {
    list: () => db.selectFrom('catalogue_entries').selectAll().orderBy('created_at').orderBy('id').execute(),
    insert: (row) => db.insertInto('catalogue_entries').values(row).returningAll().executeTakeFirstOrThrow(),
    lockForAdding: async () => {
      await sql`select pg_advisory_xact_lock(hashtext('catalogue_entries:add'))`.execute(db);
    },
  };
}
