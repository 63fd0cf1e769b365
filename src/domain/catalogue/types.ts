/**
 * The indicator catalogue: one entry per distinct indicator, with the names plans print for it, its canonical unit,
 * its direction and, where a published definition exists, its formula. Plans are matched to it (match.ts) so that a
 * city's 普通高中在校人数 in 人 and the province's 普通高中在校生 in 万人 become one comparable series.
 */

/** How the figure is built: a share of a population, a head count, a mean, or a composite score. */
export type IndicatorKind = 'ratio' | 'count' | 'average' | 'index';

/**
 * Which way is better. 'maintain' is for indicators that by nature are held at a level; a plan whose target merely
 * equals its baseline (≥99.97 from 99.97) still uses an 'increase' entry and carries the comparator itself.
 */
export type IndicatorDirection = 'increase' | 'decrease' | 'maintain';

/** A figure a formula is built from, reported on its own (e.g. 在园幼儿数). */
export interface DataElement {
  /** Stable English slug. */
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly unit: string;
}

export interface Formula {
  readonly numerator: DataElement;
  /** Absent for averages whose denominator is implied, never for a ratio. */
  readonly denominator?: DataElement;
  /** 100 for a percentage, 100000 for a figure per 100,000 people, 1 for a plain ratio. */
  readonly factor: number;
  /** The formula as people read it, e.g. "在园幼儿数 ÷ 3-5周岁适龄人口 × 100". */
  readonly text: string;
  /** Where the definition comes from, with the caveats that source gives. */
  readonly source: string;
}

/** Another name a plan prints for the entry. */
export interface Synonym {
  readonly name: string;
  /**
   * The table group (维度/学段) the name must appear under. Set for short names that mean something only in their
   * group: 朔州's 入园率 under 学前教育. A synonym without a category matches under any group.
   */
  readonly category?: string;
  /** The plan that prints it, and any difference in scope a reviewer should know about. */
  readonly source?: string;
}

export interface CatalogueEntry {
  /** Stable English slug, e.g. preschool-gross-enrolment-rate. */
  readonly id: string;
  /** Canonical Chinese name, as the national or provincial plan prints it where one does. */
  readonly name: string;
  readonly nameEn: string;
  /** Canonical unit: observations are stored in it ('%', '万人', '人', '年', '个', '所', '次'). */
  readonly unit: string;
  readonly kind: IndicatorKind;
  readonly direction: IndicatorDirection;
  readonly synonyms: readonly Synonym[];
  readonly formula?: Formula;
  /** Gross rates count pupils of any age over one age group, so they may pass 100. */
  readonly mayExceed100?: boolean;
}

/** A row to place in the catalogue: what the plan reader gives for one indicator (see PlanIndicator). */
export interface IndicatorRow {
  readonly name: string;
  readonly category: string | null;
  readonly unit: string | null;
}

export type MatchMethod = 'exact' | 'synonym' | 'fuzzy';

export interface MatchFound {
  readonly entry: CatalogueEntry;
  readonly method: MatchMethod;
  /** 1 for exact and synonym matches; the name similarity for fuzzy ones. */
  readonly confidence: number;
  /** Multiply the row's values by this to get the entry's unit (1 when the row prints no unit). */
  readonly unitFactor: number;
}

export interface MatchCandidate {
  readonly entry: CatalogueEntry;
  readonly confidence: number;
}

export interface NoMatch {
  readonly entry: null;
  readonly method: 'none';
  /** Best entries by name similarity, for a reviewer to choose from. */
  readonly candidates: readonly MatchCandidate[];
  /**
   * 'unit-mismatch': the name matched but the row's unit cannot be converted to the entry's (e.g. 人 for a %), so
   * the row is either misread or another indicator. 'no-similar-name': nothing was close enough.
   */
  readonly reason: 'unit-mismatch' | 'no-similar-name';
}

export type Match = MatchFound | NoMatch;
