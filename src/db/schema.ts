import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AccountTables } from './account.schema.ts';
import type { CatalogueTables } from './catalogue.schema.ts';
import type { CommitmentTables } from './commitment.schema.ts';
import type { EvidenceTables } from './evidence.schema.ts';
import type { FeedbackTables } from './feedback.schema.ts';
import type { ObservationTables } from './observation.schema.ts';
import type { PlanTables } from './plan.schema.ts';
import type { TaskTables } from './task.schema.ts';

/**
 * The GB/T 2260 levels EduPlan tracks: 省级, 地级 and 县级 (乡镇 are below a plan's reach), and 全国 (000000), the
 * reference the plans compare themselves with, kept outside the province tree.
 */
export type RegionLevel = 'country' | 'province' | 'city' | 'county';

/** A calendar date, 'YYYY-MM-DD': both dialects return DATE columns as text (type-parsers.ts), so no time zone moves it. */
export type IsoDate = string;

/**
 * `regions`: one row per GB/T 2260 code and period of validity, so a code re-used after re-zoning keeps its past.
 * Validity is half-open, [valid_from, valid_to): a successor starts on the day its predecessor ends.
 */
export interface RegionTable {
  id: Generated<number>;
  /** Six digits: 140000 省, 140900 市, 140902 县/区. */
  code: string;
  name: string;
  level: RegionLevel;
  /** The code of the province or city above it; null for a province and for the country. */
  parent_code: string | null;
  valid_from: IsoDate;
  /** The first day the row no longer holds; null while it is still valid. */
  valid_to: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
}

/** A region as stored. */
export type Region = Selectable<RegionTable>;
/** A region to insert. */
export type NewRegion = Insertable<RegionTable>;

/** Every table, for `Kysely<Database>`. */
export interface Database
  extends
    AccountTables,
    CatalogueTables,
    ObservationTables,
    PlanTables,
    CommitmentTables,
    EvidenceTables,
    TaskTables,
    FeedbackTables {
  regions: RegionTable;
}
