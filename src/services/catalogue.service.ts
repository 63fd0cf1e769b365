import { defaultCatalogue } from '../domain/catalogue/index.ts';
import type { CatalogueEntry, IndicatorDirection } from '../domain/catalogue/index.ts';

/** A catalogue entry as the API shows it. */
export interface IndicatorView {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  direction: IndicatorDirection;
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

/** The indicator catalogue, read-only for now (editing it is catalogue.edit, a later issue). */
export class CatalogueService {
  constructor(private readonly entries: readonly CatalogueEntry[] = defaultCatalogue) {}

  /** Every entry, in catalogue order. */
  listIndicators(): IndicatorView[] {
    return this.entries.map(presentIndicatorEntry);
  }
}
