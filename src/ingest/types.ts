/**
 * The structured plan the reader produces. Every item carries `line`: the 1-based line of the source text it was
 * read from (for .docx/.pdf, of the text the reader extracted, printed by `eduplan parse --text`).
 */

export type RegionLevel = 'province' | 'city' | 'county';

export interface PlanRegion {
  /** Name as written in the title, e.g. 忻州市. */
  name: string;
  level: RegionLevel;
  /** GB/T 2260 code when known to the reader; null otherwise (the platform resolves it against the region table). */
  code: string | null;
}

export interface PlanPeriod {
  start: number;
  end: number;
}

export interface PlanSection {
  /** 1 for the top heading style found in the body (一、 or 第一章), 2 for the next (（一） or 第一节), … */
  level: number;
  /** The numbering as written: 一、 （三） 第二章 第一节 1. */
  number: string;
  title: string;
  line: number;
}

export type Comparator = '>=' | '>' | '<=' | '<';

/** A baseline or target cell: its year, the text as printed, and the number read from it. */
export interface TableValue {
  year: number | null;
  /** The cell as printed (after normalisation), e.g. "≥99.97", "—", "12.3年以上". */
  raw: string;
  /** null when the cell holds no number ("—", "--", empty). */
  value: number | null;
}

export interface TargetValue extends TableValue {
  comparator: Comparator | null;
}

export type IndicatorAttribute = 'binding' | 'expected';

/** Values of another region printed beside the plan's own, e.g. 河南's columns in 三门峡's table. */
export interface IndicatorReference {
  region: string;
  baseline: TableValue;
  target: TargetValue;
}

export interface PlanIndicator {
  /** The row group (维度/学段), e.g. 教育普及; null when the table has none. */
  category: string | null;
  name: string;
  /** The unit from the name's bracket or the value cell, e.g. %, 万人, 年; null when none is printed. */
  unit: string | null;
  baseline: TableValue;
  target: TargetValue;
  /** null when the row does not say (some tables have no 属性 column). */
  attribute: IndicatorAttribute | null;
  line: number;
  reference: IndicatorReference | null;
  /** For "其中：小学/初中" rows that carry two values per cell: the sub-item this row stands for. */
  subItem?: string;
}

/** A quantified target stated in prose, e.g. "学前教育毛入园率达到96.5%". */
export interface PlanGoal {
  text: string;
  name: string;
  unit: string | null;
  target: TargetValue;
  line: number;
}

/** A quantified promise, e.g. "新（改扩）建35所左右公办幼儿园": quantity 35, unit 所, approximate. */
export interface Commitment {
  text: string;
  quantity: number;
  /** Upper end of a range ("40-50所"), else null. */
  quantityMax: number | null;
  unit: string;
  /** What is counted, e.g. 公办幼儿园. */
  object: string;
  /** 左右, 约, 力争 … */
  approximate: boolean;
  /** ">=" for 以上/不少于/至少, "<=" for 以内/不超过, else null. */
  comparator: Comparator | null;
  /** Year by which it is due when the text says so ("到2025年", "三年内"), else null. */
  deadline: number | null;
  /** The named sub-project (工程/计划) inside the 专栏 box, or null. */
  subproject: string | null;
  line: number;
}

export interface SectionCommitment extends Commitment {
  /** Title of the innermost section that holds it. */
  section: string | null;
}

export interface PlanProject {
  /** The box number as printed: 1, 2, … */
  number: number;
  title: string;
  line: number;
  /** Named sub-projects with their lines, in order. */
  subprojects: { title: string; line: number }[];
  commitments: Commitment[];
}

export type MechanismKind =
  | 'task-assignment'
  | 'schedule'
  | 'annual-monitoring'
  | 'mid-term-evaluation'
  | 'final-evaluation'
  | 'inspection'
  | 'publication'
  | 'checklist'
  | 'red-black-list'
  | 'third-party-evaluation'
  | 'accountability'
  | 'annual-report';

export interface PlanMechanism {
  kind: MechanismKind;
  /** The sentence that states it. */
  text: string;
  line: number;
}

export interface PlanSystem {
  name: string;
  line: number;
}

export interface ParseWarning {
  line: number | null;
  message: string;
}

export interface ParsedPlan {
  title: string | null;
  region: PlanRegion | null;
  issuer: string | null;
  docNumber: string | null;
  /** ISO date, e.g. 2022-03-11. */
  issuedDate: string | null;
  period: PlanPeriod | null;
  parentPlans: string[];
  sections: PlanSection[];
  indicators: PlanIndicator[];
  goals: PlanGoal[];
  projects: PlanProject[];
  commitments: SectionCommitment[];
  mechanisms: PlanMechanism[];
  systems: PlanSystem[];
  warnings: ParseWarning[];
  /** The source: its format and its line count, so a reader can open the right text. */
  source: { format: SourceFormat; lines: number };
}

export type SourceFormat = 'txt' | 'md' | 'docx' | 'pdf';
