import type { Kysely } from 'kysely';
import { catalogueRepository } from '../db/catalogue.repository.ts';
import type { CatalogueRepository } from '../db/catalogue.repository.ts';
import type { CatalogueEntryRow } from '../db/catalogue.schema.ts';
import type { Database } from '../db/schema.ts';
import { catalogueById, defaultCatalogue } from '../domain/catalogue/index.ts';
import type { CatalogueEntry, IndicatorDirection } from '../domain/catalogue/index.ts';

/**
 * The catalogue plans are matched against: the built-in entries (in code) first, then those reviewers added (in the
 * database). The domain stays pure: services load the stored entries and pass this along.
 */
export interface Catalogue {
  readonly entries: readonly CatalogueEntry[];
  readonly byId: ReadonlyMap<string, CatalogueEntry>;
}

/** The built-in catalogue alone. */
export const builtInCatalogue: Catalogue = { entries: defaultCatalogue, byId: catalogueById };

/** A stored entry as the domain reads it. */
export function storedEntry(row: CatalogueEntryRow): CatalogueEntry {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    unit: row.unit,
    kind: row.kind,
    direction: row.direction,
    synonyms: row.synonyms,
  };
}

/** The built-in entries followed by the stored ones. */
export function mergeCatalogue(stored: readonly CatalogueEntryRow[]): Catalogue {
  // Built-in first: the matcher takes the first entry that accepts a name, so an added entry never shadows one in code.
  const entries = [...defaultCatalogue, ...stored.map(storedEntry)];
  return { entries, byId: new Map(entries.map((entry) => [entry.id, entry])) };
}

/** The merged catalogue as it stands in the database (or the transaction) the repository is bound to. */
export async function loadCatalogue(repository: CatalogueRepository): Promise<Catalogue> {
  return mergeCatalogue(await repository.list());
}

/** A catalogue entry as the API shows it. */
export interface IndicatorView {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  direction: IndicatorDirection;
  /** False for entries reviewers added; true for those EduPlan ships with. */
  builtIn: boolean;
  synonyms: { name: string; category: string | null }[];
  /** The standard definition over data elements, as people read it; null where none exists. */
  formula: {
    text: string;
    numerator: string;
    denominator: string | null;
    factor: number;
    source: string;
  } | null;
}

/** The view of a catalogue entry. */
export function presentIndicatorEntry(entry: CatalogueEntry): IndicatorView {
  return {
    id: entry.id,
    name: entry.name,
    nameEn: entry.nameEn,
    unit: entry.unit,
    direction: entry.direction,
    builtIn: catalogueById.get(entry.id) === entry,
    synonyms: entry.synonyms.map((synonym) => ({ name: synonym.name, category: synonym.category ?? null })),
    formula:
      entry.formula === undefined
        ? null
        : {
            text: entry.formula.text,
            numerator: entry.formula.numerator.name,
            denominator: entry.formula.denominator?.name ?? null,
            factor: entry.formula.factor,
            source: entry.formula.source,
          },
  };
}

/** The indicator catalogue for reading; entries are added through a plan's review (plan.catalogue-review.ts). */
export class CatalogueService {
  constructor(private readonly entries: CatalogueRepository) {}

  /** Every entry: the built-in ones in catalogue order, then the added ones, oldest first. */
  async listIndicators(): Promise<IndicatorView[]> {
    return (await loadCatalogue(this.entries)).entries.map(presentIndicatorEntry);
  }
}

/** The catalogue service on a database. */
export function createCatalogueService(db: Kysely<Database>): CatalogueService {
  return new CatalogueService(catalogueRepository(db));
}
