/**
 * The default catalogue: one entry per distinct indicator in the target tables of the five sample plans (山西省,
 * 忻州市, 阳泉市, 朔州市, 三门峡市), and the rates and averages the published statistics report that no plan's table
 * holds (entries/statistics.ts). A province's administrators extend it; this is the set EduPlan starts from.
 */
import { basicEducationEntries } from './entries/basic.ts';
import { higherEducationEntries } from './entries/higher.ts';
import { specialAndAdultEntries } from './entries/special-and-adult.ts';
import { statisticsEntries } from './entries/statistics.ts';
import { undergraduateEntries } from './entries/undergraduate.ts';
import { upperSecondaryEntries } from './entries/upper-secondary.ts';
import { vocationalEntries } from './entries/vocational.ts';
import type { CatalogueEntry } from './types.ts';

/**
 * Every entry, ordered by stage (学前 → 义务 → 高中 → 职业 → 高等 → 本科 → 特殊, 人力资源), then the rates only the
 * published statistics carry: last, so that a plan's row finds its own entry before any of them.
 */
export const defaultCatalogue: readonly CatalogueEntry[] = Object.freeze([
  ...basicEducationEntries,
  ...upperSecondaryEntries,
  ...vocationalEntries,
  ...higherEducationEntries,
  ...undergraduateEntries,
  ...specialAndAdultEntries,
  ...statisticsEntries,
]);

/** The default catalogue's entries by id. */
export const catalogueById: ReadonlyMap<string, CatalogueEntry> = new Map(
  defaultCatalogue.map((entry) => [entry.id, entry]),
);
