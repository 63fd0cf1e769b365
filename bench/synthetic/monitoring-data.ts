/**
 * SYNTHETIC monitoring data, for tests and benchmarks only: never loaded by the app, never shown as real. Seeded and
 * reproducible (the same seed gives the same figures), and plausible enough to pass EduPlan's checks: head counts
 * are whole, numerators stay within their denominators, and a year moves a few per cent from the one before, so a
 * benchmark exercises the full validation path rather than its error branch. Every row says it is synthetic in its
 * source column.
 */

/** One generated figure, shaped like a row of real-stats.csv or of a data file a county uploads. */
export interface SyntheticFigure {
  readonly region: string;
  readonly indicator: string;
  readonly year: number;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
}

export interface SyntheticOptions {
  readonly seed: number;
  /** The regions that report (county codes, typically). */
  readonly regions: readonly string[];
  readonly years: readonly number[];
}

/** The data elements generated, as pairs a formula divides: [numerator, denominator, the share of it enrolled]. */
const PAIRS = [
  ['kindergarten-children', 'population-aged-3-5', [0.85, 1.05]],
  ['primary-age-enrolled', 'primary-age-population', [0.985, 1]],
  ['junior-secondary-age-enrolled', 'junior-secondary-age-population', [0.97, 1]],
  ['upper-secondary-enrolment-all-types', 'population-aged-15-17', [0.85, 1.02]],
  ['dual-qualified-teachers', 'vocational-subject-teachers', [0.3, 0.7]],
] as const;

/** mulberry32: a small, well-known seeded generator; Math.random cannot be seeded. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Figures for every region, year and generated element. */
export function syntheticFigures({ seed, regions, years }: SyntheticOptions): SyntheticFigure[] {
  const random = generator(seed);
  const source = `SYNTHETIC: bench/synthetic/monitoring-data.ts, seed ${seed}`;
  const figures: SyntheticFigure[] = [];
  for (const region of regions) {
    for (const [numerator, denominator, [low, high]] of PAIRS) {
      // A county's size and share, then a gentle drift year to year (well inside the jump thresholds). Bounded
      // shares have high <= 1, so the numerator never passes its denominator.
      let base = 2_000 + Math.floor(random() * 18_000);
      let share = low + random() * (high - low);
      for (const year of years) {
        base = Math.max(100, Math.round(base * (0.97 + random() * 0.06)));
        share = Math.min(high, Math.max(low, share + (random() - 0.5) * 0.02));
        const top = Math.round(base * share);
        figures.push({ region, indicator: denominator, year, value: base, unit: '人', source });
        figures.push({ region, indicator: numerator, year, value: top, unit: '人', source });
      }
    }
  }
  return figures;
}

/** The figures as a CSV data file (the headers EduPlan's reader knows), UTF-8 with a BOM as Excel writes it. */
export function syntheticCsv(figures: readonly SyntheticFigure[]): string {
  const lines = ['region,indicator,year,value,unit,source'];
  for (const figure of figures) {
    lines.push([figure.region, figure.indicator, figure.year, figure.value, figure.unit, figure.source].join(','));
  }
  return `\ufeff${lines.join('\n')}\n`;
}
