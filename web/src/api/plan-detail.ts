/**
 * A plan with everything the reader found in it, its source text, and the import, review and publish writes; the
 * indicator catalogue the review chooses from. The types follow what the server answers (src/services/
 * plan.presenter.ts, catalogue.service.ts): every item carries `line`, the 1-based line of the source text.
 */
import { get, upload, write } from './http.ts';
import type { PlanSummary } from './plans.ts';

export type Comparator = '>=' | '>' | '<=' | '<';
export type IndicatorAttribute = 'binding' | 'expected';
export type SourceFormat = 'txt' | 'md' | 'docx' | 'pdf';

/** A plan's heading fields: those of the list. */
export type PlanHeader = PlanSummary;

/** A heading of the document: 一、 / （一） / 第一章…, level 1 the top style found. */
export interface PlanSection {
  level: number;
  number: string;
  title: string;
  line: number;
}

/** A baseline or target cell: its year, the text as printed, and the number read from it (null: none printed). */
export interface TableValue {
  year: number | null;
  raw: string;
  value: number | null;
}

export interface TargetValue extends TableValue {
  comparator: Comparator | null;
}

/** Another region's figures printed beside the plan's own (河南's columns in 三门峡's table). */
export interface IndicatorReference {
  region: string;
  baseline: TableValue;
  target: TargetValue;
}

export type MatchMethod = 'exact' | 'synonym' | 'fuzzy' | 'none' | 'manual';

/** An indicator row's place in the catalogue. */
export interface IndicatorMatch {
  catalogueId: string | null;
  name: string | null;
  nameEn: string | null;
  unit: string | null;
  method: MatchMethod;
  /** 1 for exact, synonym and manual matches, the similarity for fuzzy ones, null for none. */
  confidence: number | null;
  unitFactor: number | null;
  canonical: { unit: string; baseline: number | null; target: number | null } | null;
  /** For an unmatched row, the closest entries. */
  candidates: { catalogueId: string; name: string; confidence: number }[];
}

/** A row of the plan's indicator table. */
export interface PlanIndicator {
  rowNo: number;
  line: number;
  category: string | null;
  name: string;
  subItem: string | null;
  unit: string | null;
  baseline: TableValue;
  target: TargetValue;
  attribute: IndicatorAttribute | null;
  reference: IndicatorReference | null;
  match: IndicatorMatch;
  reviewed: boolean;
}

/** A quantified promise: "新（改扩）建35所左右公办幼儿园". */
export interface Commitment {
  text: string;
  quantity: number;
  quantityMax: number | null;
  unit: string;
  object: string;
  approximate: boolean;
  comparator: Comparator | null;
  deadline: number | null;
  subproject: string | null;
  section: string | null;
  line: number;
}

/** A 专栏 box. */
export interface PlanProject {
  number: number;
  title: string;
  line: number;
  subprojects: { title: string; line: number }[];
  commitments: Commitment[];
}

/** A quantified target stated in prose. */
export interface PlanGoal {
  text: string;
  name: string;
  unit: string | null;
  target: TargetValue;
  line: number;
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
  text: string;
  line: number;
}

/** Something the reader noticed; the message holds both languages ("繁体字已转换为简体 (traditional …)"). */
export interface ParseWarning {
  line: number | null;
  message: string;
}

/** GET /api/plans/:id. */
export interface PlanDetail extends PlanHeader {
  issuer: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  sections: PlanSection[];
  indicators: PlanIndicator[];
  projects: PlanProject[];
  /** Commitments in the prose, outside the boxes. */
  commitments: Commitment[];
  goals: PlanGoal[];
  mechanisms: PlanMechanism[];
  warnings: ParseWarning[];
}

/** GET /api/plans/:id/source: the text every `line` points into. */
export interface PlanSource {
  name: string;
  format: SourceFormat;
  text: string;
}

/** A catalogue entry, as GET /api/indicators answers. */
export interface CatalogueEntry {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  direction: 'increase' | 'decrease' | 'maintain';
  builtIn: boolean;
  synonyms: { name: string; category: string | null }[];
  formula: {
    text: string;
    numerator: string;
    denominator: string | null;
    factor: number;
    source: string;
  } | null;
}

/** What a reviewer corrects in a row (anything left out stays); `{}` confirms the row as read. */
export interface IndicatorCorrections {
  category?: string | null;
  name?: string;
  unit?: string | null;
  baseline?: { year?: number | null; raw?: string; value?: number | null };
  target?: { year?: number | null; raw?: string; value?: number | null; comparator?: Comparator | null };
  attribute?: IndicatorAttribute | null;
  catalogueId?: string;
}

/** POST /api/plans/import: created is false when the same file was already stored for the region and period. */
export interface ImportResult {
  created: boolean;
  plan: PlanHeader;
}

type PlanId = { id: number };

export const getPlan = get<PlanDetail, PlanId>('/plans/:id');
export const getPlanSource = get<PlanSource, PlanId>('/plans/:id/source');
export const listCatalogue = get<{ indicators: CatalogueEntry[] }>('/indicators');

/** multipart: `file`, optional `regionCode` (six digits) and `period` ("2021-2025"). */
export const importPlan = upload<ImportResult>('/plans/import');

export const reviewIndicator = write<PlanIndicator, PlanId & { rowNo: number }, IndicatorCorrections>(
  'PATCH',
  '/plans/:id/indicators/:rowNo',
);

export const updatePlan = write<PlanHeader, PlanId, { regionCode?: string; period?: { start: number; end: number } }>(
  'PATCH',
  '/plans/:id',
);

export const publishPlan = write<PlanHeader, PlanId>('POST', '/plans/:id/publish');
