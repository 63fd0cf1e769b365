/**
 * Every region's figure of every subject and year at once, in columns: what aggregate() gives one region at a time,
 * computed for a whole tree (a province, the country) in one bottom-up pass. A region's value is its own figure when
 * it reported one, else what its children's add up to (counts summed, ratios as the sum of the numerators over the
 * sum of the denominators, a county's ratio from its own two elements), with how many children stood behind it.
 * The same rules as aggregate(), which a property test holds it to; the difference is cost: one pass over the
 * tree's cells instead of a recursion per region, subject and year.
 */
import { roundSignificant } from '../catalogue/units.ts';
import { inElementUnit } from './checks.ts';
import type { Subject, SubjectRegistry } from './subjects.ts';

/** A stored figure, in its subject's canonical unit. */
export interface GridFigure {
  readonly region: string;
  readonly subject: string;
  readonly year: number;
  readonly value: number;
  readonly atLeast?: boolean;
}

/** A region's figure of a subject and year, shaped as the evaluation's series points are (no copy needed). */
export interface GridPoint {
  readonly year: number;
  readonly value: number;
  readonly qualifier: 'exact' | 'at_least';
  readonly provenance: 'reported' | 'computed';
  /** For a computed figure of a region with children: how many of them stood behind it. */
  readonly coverage: { readonly reporting: number; readonly expected: number } | null;
}

export interface FigureGrid {
  readonly regions: readonly string[];
  readonly subjects: readonly Subject[];
  readonly fromYear: number;
  readonly years: number;
  /** The point of a region, subject and year; undefined when it has none and none follows from below. */
  point(region: string, subject: string, year: number): GridPoint | undefined;
  /** The same by position, for loops over the grid (no lookups by code). */
  pointAt(regionIndex: number, subjectIndex: number, year: number): GridPoint | undefined;
  regionIndex(code: string): number | undefined;
  subjectIndex(id: string): number | undefined;
}

export interface GridInput {
  /** The tree, parents before their children (as a subtree query lists it); a region whose parent is absent is a root. */
  readonly regions: readonly { readonly code: string; readonly parent_code: string | null }[];
  /** The subjects to compute; a ratio's two elements are read whether listed or not. */
  readonly subjects: readonly Subject[];
  readonly registry: SubjectRegistry;
  readonly fromYear: number;
  readonly toYear: number;
  readonly figures: Iterable<GridFigure>;
}

const REPORTED = 1;
const COMPUTED = 2;
const AT_LEAST = 4;

/** Builds the grid: the figures laid out in columns, then every computed value, children before parents. */
export function figureGrid(input: GridInput): FigureGrid {
  const { registry, fromYear } = input;
  const years = input.toYear - fromYear + 1;
  const regionCodes = input.regions.map((region) => region.code);
  const regionIndex = new Map(regionCodes.map((code, index) => [code, index]));
  const parent = new Int32Array(regionCodes.length).fill(-1);
  const childCount = new Uint32Array(regionCodes.length);
  input.regions.forEach((region, index) => {
    const up = region.parent_code === null ? undefined : regionIndex.get(region.parent_code);
    if (up !== undefined) {
      parent[index] = up;
      childCount[up] = (childCount[up] ?? 0) + 1;
    }
  });

  // Every subject read: the ones asked for and the elements their ratios divide.
  const subjects: Subject[] = [];
  const subjectIndex = new Map<string, number>();
  const addSubject = (subject: Subject): void => {
    if (subjectIndex.has(subject.id)) return;
    subjectIndex.set(subject.id, subjects.length);
    subjects.push(subject);
  };
  for (const subject of input.subjects) addSubject(subject);
  for (const subject of input.subjects) {
    if (subject.aggregation.method !== 'ratio') continue;
    for (const element of [subject.aggregation.numerator, subject.aggregation.denominator]) {
      const known = registry.byId(element.id);
      if (known !== undefined) addSubject(known);
    }
  }

  const cells = regionCodes.length * subjects.length * years;
  const reported = new Float64Array(cells).fill(NaN);
  const flags = new Uint8Array(cells);
  const cell = (region: number, subject: number, yearOffset: number): number =>
    (region * subjects.length + subject) * years + yearOffset;
  // Figures come in runs of one region (a file, a query's physical order): look a code up once per run.
  let lastCode = '';
  let lastRegion: number | undefined;
  for (const figure of input.figures) {
    if (figure.region !== lastCode) {
      lastCode = figure.region;
      lastRegion = regionIndex.get(figure.region);
    }
    const region = lastRegion;
    const subject = subjectIndex.get(figure.subject);
    const offset = figure.year - fromYear;
    if (region === undefined || subject === undefined || offset < 0 || offset >= years) continue;
    const at = cell(region, subject, offset);
    reported[at] = figure.value;
    flags[at] = REPORTED | (figure.atLeast === true ? AT_LEAST : 0);
  }

  // Children come after their parents in the list, so walking it backwards finishes every child before its parent.
  const computed = new Float64Array(cells).fill(NaN);
  const reporting = new Uint32Array(cells);
  // Per subject: the best value each region passes up (its own, else its children's sum), and for ratios the pair.
  const best = new Float64Array(regionCodes.length);
  const bestTop = new Float64Array(regionCodes.length);
  const bestBottom = new Float64Array(regionCodes.length);
  const sum = new Float64Array(regionCodes.length);
  const sumTop = new Float64Array(regionCodes.length);
  const sumBottom = new Float64Array(regionCodes.length);
  const seen = new Uint32Array(regionCodes.length);
  const last = regionCodes.length - 1;

  subjects.forEach((subject, s) => {
    const { aggregation } = subject;
    if (aggregation.method === 'none') return;
    const ratio = aggregation.method === 'ratio' ? aggregation : null;
    const top = ratio === null ? -1 : (subjectIndex.get(ratio.numerator.id) ?? -1);
    const bottom = ratio === null ? -1 : (subjectIndex.get(ratio.denominator.id) ?? -1);
    // The factor from the stored unit to the formula's (万人 to 人), found once rather than per cell.
    const topFactor =
      ratio === null ? NaN : (inElementUnit(1, ratio.numerator.id, ratio.numerator.unit, registry) ?? NaN);
    const bottomFactor =
      ratio === null ? NaN : (inElementUnit(1, ratio.denominator.id, ratio.denominator.unit, registry) ?? NaN);
    const element = (region: number, at: number, index: number, factor: number): number =>
      index < 0 ? NaN : (reported[cell(region, index, at)] ?? NaN) * factor;
    for (let at = 0; at < years; at += 1) {
      sum.fill(0);
      sumTop.fill(0);
      sumBottom.fill(0);
      seen.fill(0);
      for (let region = last; region >= 0; region -= 1) {
        const here = cell(region, s, at);
        const hasChildren = (childCount[region] ?? 0) > 0;
        const childrenSeen = seen[region] ?? 0;
        if (ratio === null) {
          const fromChildren = childrenSeen > 0 ? roundSignificant(sum[region] ?? 0) : NaN;
          if (!Number.isNaN(fromChildren)) {
            computed[here] = fromChildren;
            flags[here] = (flags[here] ?? 0) | COMPUTED;
          }
          if (hasChildren) reporting[here] = childrenSeen;
          const own = reported[here] ?? NaN;
          best[region] = Number.isNaN(own) ? fromChildren : own;
        } else {
          const ownTop = element(region, at, top, topFactor);
          const ownBottom = element(region, at, bottom, bottomFactor);
          const ownPair = !Number.isNaN(ownTop) && !Number.isNaN(ownBottom);
          // A county's ratio follows from its own elements; a region's with children from their sums.
          const pairTop = hasChildren ? (childrenSeen > 0 ? (sumTop[region] ?? 0) : NaN) : ownPair ? ownTop : NaN;
          const pairBottom = hasChildren ? (childrenSeen > 0 ? (sumBottom[region] ?? 0) : NaN) : ownBottom;
          if (!Number.isNaN(pairTop) && !Number.isNaN(pairBottom) && pairBottom !== 0) {
            computed[here] = roundSignificant((pairTop / pairBottom) * ratio.factor);
            flags[here] = (flags[here] ?? 0) | COMPUTED;
          }
          if (hasChildren) reporting[here] = childrenSeen;
          bestTop[region] = ownPair ? ownTop : hasChildren && childrenSeen > 0 ? (sumTop[region] ?? 0) : NaN;
          bestBottom[region] = ownPair ? ownBottom : hasChildren && childrenSeen > 0 ? (sumBottom[region] ?? 0) : NaN;
        }
        const up = parent[region] ?? -1;
        if (up < 0) continue;
        if (ratio === null) {
          const value = best[region] ?? NaN;
          if (!Number.isNaN(value)) {
            sum[up] = (sum[up] ?? 0) + value;
            seen[up] = (seen[up] ?? 0) + 1;
          }
        } else {
          const valueTop = bestTop[region] ?? NaN;
          const valueBottom = bestBottom[region] ?? NaN;
          if (!Number.isNaN(valueTop) && !Number.isNaN(valueBottom)) {
            sumTop[up] = (sumTop[up] ?? 0) + valueTop;
            sumBottom[up] = (sumBottom[up] ?? 0) + valueBottom;
            seen[up] = (seen[up] ?? 0) + 1;
          }
        }
      }
    }
  });

  const pointAt = (region: number, subject: number, year: number): GridPoint | undefined => {
    const offset = year - fromYear;
    if (offset < 0 || offset >= years) return undefined;
    const at = cell(region, subject, offset);
    const flag = flags[at] ?? 0;
    if ((flag & REPORTED) !== 0) {
      return {
        year,
        value: reported[at] ?? NaN,
        qualifier: (flag & AT_LEAST) !== 0 ? 'at_least' : 'exact',
        provenance: 'reported',
        coverage: null,
      };
    }
    if ((flag & COMPUTED) === 0) return undefined;
    const expected = childCount[region] ?? 0;
    return {
      year,
      value: computed[at] ?? NaN,
      qualifier: 'exact',
      provenance: 'computed',
      coverage: expected === 0 ? null : { reporting: reporting[at] ?? 0, expected },
    };
  };
  return {
    regions: regionCodes,
    subjects,
    fromYear,
    years,
    pointAt,
    point: (region, subject, year) => {
      const r = regionIndex.get(region);
      const s = subjectIndex.get(subject);
      return r === undefined || s === undefined ? undefined : pointAt(r, s, year);
    },
    regionIndex: (code) => regionIndex.get(code),
    subjectIndex: (id) => subjectIndex.get(id),
  };
}
