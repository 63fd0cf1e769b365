/**
 * The data elements registry: every figure that is reported on its own rather than computed, i.e. the elements the
 * catalogue's formulas are built from (在园幼儿数, 3-5周岁适龄人口 …) and the counts and amounts the statistical
 * bulletins publish (statistics.ts). Observations of an element are stored in its unit, as those of an entry are.
 */
import { defaultCatalogue } from './catalogue.ts';
import { statisticalElements } from './statistics.ts';
import type { DataElement } from './types.ts';

/**
 * The elements in first-seen order, one per id. Formulas build their elements inline, so one id may arrive as
 * several objects: they must agree, since an id that meant two things would merge two series.
 */
function collectElements(candidates: readonly DataElement[]): DataElement[] {
  const byId = new Map<string, DataElement>();
  for (const candidate of candidates) {
    const known = byId.get(candidate.id);
    if (known === undefined) byId.set(candidate.id, candidate);
    else if (!sameElement(known, candidate)) {
      throw new Error(
        `数据元素 ${candidate.id} 有两种定义（${known.name}/${known.unit}，${candidate.name}/${candidate.unit}） / ` +
          `data element ${candidate.id} is defined twice, differently`,
      );
    }
  }
  return [...byId.values()];
}

function sameElement(a: DataElement, b: DataElement): boolean {
  return a.name === b.name && a.nameEn === b.nameEn && a.unit === b.unit;
}

const formulaElements = defaultCatalogue.flatMap(({ formula }) => {
  if (formula === undefined) return [];
  return formula.denominator === undefined ? [formula.numerator] : [formula.numerator, formula.denominator];
});

/** Every data element: the formulas' first (in catalogue order), then the bulletins' counts and amounts. */
export const dataElements: readonly DataElement[] = Object.freeze(
  collectElements([...formulaElements, ...statisticalElements]),
);

/** The data elements by id. */
export const dataElementById: ReadonlyMap<string, DataElement> = new Map(
  dataElements.map((element) => [element.id, element]),
);
