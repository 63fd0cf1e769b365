import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { IndicatorDirection, IndicatorKind } from '../domain/catalogue/index.ts';

/** A synonym as stored: the name a plan printed, with its table group when the name means something only there. */
export interface StoredSynonym {
  name: string;
  category?: string;
  source?: string;
}

/** `catalogue_entries`: entries added on review, beside the built-in catalogue in code. */
export interface CatalogueEntryTable {
  /** A slug, unique across built-in and stored entries. */
  id: string;
  name: string;
  name_en: string;
  unit: string;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  /** jsonb: written as JSON text, read back parsed (see plan.schema.ts). */
  synonyms: ColumnType<StoredSynonym[], string, string>;
  created_by_user_id: number | null;
  source_plan_id: number | null;
  created_at: ColumnType<Date, Date, never>;
}

export type CatalogueEntryRow = Selectable<CatalogueEntryTable>;
export type NewCatalogueEntry = Insertable<CatalogueEntryTable>;

/** The catalogue tables, for `Database` to extend. */
export interface CatalogueTables {
  catalogue_entries: CatalogueEntryTable;
}
