/**
 * What can be observed: the catalogue's indicators and the data elements their formulas are built from. Each subject
 * knows its unit, the values it can possibly take and how a region's figure follows from its children's, so that
 * validation and aggregation read one definition.
 */
import type { CatalogueEntry, DataElement } from '../catalogue/types.ts';

/** An indicator of the catalogue (学前教育毛入园率) or a data element (在园幼儿数). */
export type SubjectKind = 'indicator' | 'element';

/** How a region's figure follows from its children's. */
export type Aggregation =
  | { readonly method: 'sum' }
  | {
      readonly method: 'ratio';
      readonly numerator: DataElement;
      readonly denominator: DataElement;
      readonly factor: number;
    }
  | { readonly method: 'none'; readonly reason: { readonly zh: string; readonly en: string } };

export interface Subject {
  readonly kind: SubjectKind;
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** The canonical unit: every stored value is in it. */
  readonly unit: string;
  /** The smallest and largest values the figure can take; null where unbounded. */
  readonly min: number | null;
  readonly max: number | null;
  /** Head counts in 人, schools in 所: whole numbers. */
  readonly integer: boolean;
  /** A share whose numerator may not exceed its denominator (net rates, coverage); false for gross rates. */
  readonly boundedShare: boolean;
  readonly aggregation: Aggregation;
  /** The formula as people read it, where one is published. */
  readonly formula: string | null;
}

const WHOLE_UNITS = new Set(['人', '所', '个', '次', '人次']);

// Years of schooling: nobody averages more than a doctorate's 22 years.
const MAX_YEARS = 25;

function bounds(unit: string, mayExceed100: boolean): Pick<Subject, 'min' | 'max'> {
  if (unit === '%') return { min: 0, max: mayExceed100 ? null : 100 };
  if (unit === '年') return { min: 0, max: MAX_YEARS };
  return { min: 0, max: null };
}

const NOT_ADDITIVE = {
  zh: '此指标没有公布的分子分母公式，不能由下级数据汇总；请由本级直接填报',
  en: 'This indicator has no published numerator/denominator formula, so it cannot be aggregated from the regions below: report it directly',
};

function entryAggregation(entry: CatalogueEntry): Aggregation {
  const { formula } = entry;
  if (formula?.denominator !== undefined) {
    return { method: 'ratio', numerator: formula.numerator, denominator: formula.denominator, factor: formula.factor };
  }
  // A count adds up across regions; a share, an average or a score without its formula does not.
  return entry.kind === 'count' ? { method: 'sum' } : { method: 'none', reason: NOT_ADDITIVE };
}

/** The subject of a catalogue entry. */
export function indicatorSubject(entry: CatalogueEntry): Subject {
  const mayExceed100 = entry.mayExceed100 === true;
  return {
    kind: 'indicator',
    id: entry.id,
    name: entry.name,
    nameEn: entry.nameEn,
    unit: entry.unit,
    ...bounds(entry.unit, mayExceed100),
    integer: WHOLE_UNITS.has(entry.unit),
    boundedShare: entry.kind === 'ratio' && entry.unit === '%' && !mayExceed100,
    aggregation: entryAggregation(entry),
    formula: entry.formula?.text ?? null,
  };
}

/** The subject of a data element: every element is a count or an amount, so it adds up. */
export function elementSubject(element: DataElement): Subject {
  return {
    kind: 'element',
    id: element.id,
    name: element.name,
    nameEn: element.nameEn,
    unit: element.unit,
    ...bounds(element.unit, false),
    integer: WHOLE_UNITS.has(element.unit),
    boundedShare: false,
    aggregation: { method: 'sum' },
    formula: null,
  };
}

/** Every subject, found by its id or by any name people use for it. */
export interface SubjectRegistry {
  readonly subjects: readonly Subject[];
  byId(id: string): Subject | undefined;
  /** The subject a name denotes: an entry's name or synonym, an element's name; undefined when none or ambiguous. */
  byName(name: string): Subject | undefined;
  /** The indicators whose formula divides by or into this element. */
  indicatorsUsing(elementId: string): readonly Subject[];
}

const plainName = (name: string): string => name.normalize('NFKC').replace(/[\s“”"]/gu, '');

/**
 * The registry over catalogue entries and data elements. An element with the id of a count entry is the same
 * quantity (高等教育在学总规模 is both): the entry stands for both, so one series holds it.
 */
export function subjectRegistry(entries: readonly CatalogueEntry[], elements: readonly DataElement[]): SubjectRegistry {
  const indicators = entries.map(indicatorSubject);
  const ids = new Set(indicators.map((subject) => subject.id));
  const subjects = [...indicators, ...elements.filter((element) => !ids.has(element.id)).map(elementSubject)];
  const byId = new Map(subjects.map((subject) => [subject.id, subject]));
  const names = new Map<string, Subject | null>();
  const addName = (name: string, subject: Subject): void => {
    const key = plainName(name);
    const known = names.get(key);
    names.set(key, known === undefined || known === subject ? subject : null);
  };
  for (const subject of subjects) addName(subject.name, subject);
  for (const entry of entries) {
    const subject = byId.get(entry.id);
    // A synonym bound to a table group (朔州's 入园率 under 学前教育) means nothing on its own.
    if (subject !== undefined)
      for (const synonym of entry.synonyms) if (synonym.category === undefined) addName(synonym.name, subject);
  }
  const users = new Map<string, Subject[]>();
  for (const subject of indicators) {
    if (subject.aggregation.method !== 'ratio') continue;
    for (const element of [subject.aggregation.numerator, subject.aggregation.denominator]) {
      users.set(element.id, [...(users.get(element.id) ?? []), subject]);
    }
  }
  return {
    subjects,
    byId: (id) => byId.get(id),
    byName: (name) => names.get(plainName(name)) ?? undefined,
    indicatorsUsing: (elementId) => users.get(elementId) ?? [],
  };
}
