import { sql } from 'kysely';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database, IsoDate, NewRegion, Region } from './schema.ts';

/** SQL over `regions`. Reads take the day they ask about (default: the database's today), as codes change. */
export interface RegionRepository {
  /** Regions directly under a code (null: the provinces) valid on a day, in code order. */
  listChildren(parentCode: string | null, at?: IsoDate): Promise<Region[]>;
  /** The region a code named on a day, or undefined when the code was not in use then. */
  findByCode(code: string, at?: IsoDate): Promise<Region | undefined>;
  /** The regions a name (忻州市) denoted on a day, in code order: more than one when the name is ambiguous. */
  findByName(name: string, at?: IsoDate): Promise<Region[]>;
  /** Inserts regions, leaving any (code, valid_from) already stored as it is. */
  insertMissing(rows: readonly NewRegion[]): Promise<void>;
  /** A region and every region below it valid on a day, parents before children (empty for an unknown code). */
  subtree(code: string, at?: IsoDate): Promise<Region[]>;
}

/** The rows valid on a day: valid_from <= day < valid_to. */
function validOn(at: IsoDate | undefined) {
  const day = at === undefined ? sql<IsoDate>`current_date` : sql<IsoDate>`cast(${at} as date)`;
  return (eb: ExpressionBuilder<Database, 'regions'>) =>
    eb.and([eb('valid_from', '<=', day), eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', day)])]);
}

/** The region repository on a database or a transaction. */
export function regionRepository(db: Kysely<Database>): RegionRepository {
  return {
    listChildren: (parentCode, at) =>
      db
        .selectFrom('regions')
        .selectAll()
        // The country has no parent either, but it is a reference, not a province.
        .where((eb) =>
          parentCode === null
            ? eb.and([eb('parent_code', 'is', null), eb('level', '=', 'province')])
            : eb('parent_code', '=', parentCode),
        )
        .where(validOn(at))
        .orderBy('code')
        .execute(),

    findByCode: (code, at) =>
      db
        .selectFrom('regions')
        .selectAll()
        .where('code', '=', code)
        .where(validOn(at))
        .orderBy('valid_from', 'desc')
        .limit(1)
        .executeTakeFirst(),

    findByName: (name, at) =>
      db.selectFrom('regions').selectAll().where('name', '=', name).where(validOn(at)).orderBy('code').execute(),

    subtree: (code, at) =>
      db
        .withRecursive('tree(code, depth)', (qb) =>
          qb
            .selectFrom('regions')
            .select(['code', sql<number>`0`.as('depth')])
            .where('code', '=', code)
            .where(validOn(at))
            .union((union) =>
              union
                .selectFrom('regions')
                .innerJoin('tree', 'tree.code', 'regions.parent_code')
                .select(['regions.code', sql<number>`tree.depth + 1`.as('depth')])
                .where(validOn(at)),
            ),
        )
        .selectFrom('regions')
        .innerJoin('tree', 'tree.code', 'regions.code')
        .selectAll('regions')
        .where(validOn(at))
        .orderBy('tree.depth')
        .orderBy('regions.code')
        .execute(),

    insertMissing: async (rows) => {
      if (rows.length === 0) return;
      await db
        .insertInto('regions')
        .values([...rows])
        .onConflict((oc) => oc.columns(['code', 'valid_from']).doNothing())
        .execute();
    },
  };
}
