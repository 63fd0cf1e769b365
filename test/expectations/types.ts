/**
 * What a person reading a seed plan expects the reader to find. Written by hand from the documents, not from the
 * reader's output: the seed tests compare the two.
 */
import type { Comparator, IndicatorAttribute, RegionLevel } from '../../src/ingest/types.ts';

export interface ExpectedValue {
  year: number | null;
  /** The cell as printed, whitespace collapsed; "—" or "--" for an empty mark. */
  raw: string;
  value: number | null;
}

export interface ExpectedTarget extends ExpectedValue {
  comparator: Comparator | null;
}

export interface ExpectedIndicator {
  category: string | null;
  /** Without the trailing unit bracket: "学前教育毛入园率" for "学前教育毛入园率（%）". */
  name: string;
  unit: string | null;
  baseline: ExpectedValue;
  target: ExpectedTarget;
  attribute: IndicatorAttribute | null;
  /** 1-based line of the row's name cell in the seed file. */
  line: number;
  reference?: { region: string; baseline: ExpectedValue; target: ExpectedTarget };
}

export interface ExpectedCommitment {
  quantity: number;
  quantityMax: number | null;
  unit: string;
  /** A substring that the extracted object must contain, e.g. "公办幼儿园". */
  object: string;
  approximate: boolean;
  comparator: Comparator | null;
  /** Sub-project title when the box names sub-projects, else null. */
  subproject: string | null;
  /** 1-based line in the seed file where the quantity is written. */
  line: number;
}

export interface ExpectedProject {
  number: number;
  title: string;
  line: number;
  subprojects: string[];
  commitments: ExpectedCommitment[];
}

export interface SeedExpectation {
  file: string;
  /** null when no line of the document states it. */
  title: string | null;
  region: { name: string; level: RegionLevel };
  issuer: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  period: { start: number; end: number };
  parentPlans: string[];
  /** Level-1 headings of the body, in order: number as printed and title (the table of contents is not the body). */
  chapters: { number: string; title: string; line: number }[];
  indicators: ExpectedIndicator[];
  projects: ExpectedProject[];
}
