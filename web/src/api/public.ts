/**
 * What the public portal reads. Every endpoint here answers without sign-in, and answers the public with published
 * data only (the server's rule: a draft plan is "not found", figures are their published versions, progress is
 * judged on the published basis). Each read is declared anonymous: sent without the session cookie, so a signed-in
 * person opening the portal sees what the public sees, never their own drafts or approved-but-unpublished figures.
 * Types are the parts of the server's answers the portal shows (src/services/plan.presenter.ts,
 * evaluation.service.ts, observation.presenter.ts).
 */
import type { ProgressStatus } from '../components/status.tsx';
import type { Bilingual } from '../i18n/index.tsx';
import { get, link } from './http.ts';
import type { RegionLevel } from './regions.ts';

const PUBLIC = { anonymous: true } as const;

/** A published plan as the portal lists it. */
export interface PublicPlanSummary {
  id: number;
  /** null when the reader found no title in the document (三门峡's). */
  title: string | null;
  region: { code: string; name: string; level: RegionLevel };
  period: { start: number; end: number };
  status: 'published';
  publishedAt: string | null;
}

/** The published plans (the public's answer: drafts and superseded versions never appear). */
export const listPublishedPlans = get<{ plans: PublicPlanSummary[] }, undefined, { status: 'published' }>(
  '/plans',
  PUBLIC,
);

/** The provinces (the regions without a parent), for the portal's group headings. */
export const listProvinces = get<{ regions: { code: string; name: string }[] }>('/regions', PUBLIC);

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/** A figure of a series: reported by the region itself (a published figure), or summed from the regions below. */
export interface PublicSeriesPoint {
  year: number;
  value: number;
  qualifier: 'exact' | 'at_least';
  provenance: 'reported' | 'computed';
  /** For a computed figure: how many of the regions below had published theirs (null for a county's elements). */
  coverage?: { reporting: number; expected: number } | null;
}

/** One indicator row of a plan, with its progress judged on published figures. */
export interface PublicIndicatorProgress {
  row: number;
  /** The plan's source line of the row: where the baseline and the target come from. */
  line: number;
  category: string | null;
  name: string;
  /** The catalogue entry's id (null when the row matched none): the key of its figures. */
  indicator: string | null;
  unit: string | null;
  attribute: 'binding' | 'expected' | null;
  baseline: PublicSeriesPoint | null;
  target: { year: number; value: number; comparator: Comparator | null } | null;
  latest: PublicSeriesPoint | null;
  series: PublicSeriesPoint[];
  status: ProgressStatus;
  label: Bilingual;
  explanation: Bilingual;
  redLine: boolean;
}

/** `GET /api/plans/:id/progress`: the plan's indicators in its region, for the latest year with data. */
export interface PublicPlanProgress {
  plan: { id: number; title: string | null; region: string; period: { start: number; end: number } };
  region: { code: string; name: string };
  year: number;
  basis: 'approved' | 'published';
  summary: { total: number; byStatus: Record<ProgressStatus, number>; redLines: number };
  items: PublicIndicatorProgress[];
}

export const getPlanProgress = get<PublicPlanProgress, { id: number }, { year?: number; region?: string }>(
  '/plans/:id/progress',
  PUBLIC,
);

/** A published figure with where it was published (`GET /api/observations`, as the public reads it). */
export interface PublishedFigure {
  id: number;
  region: string;
  indicator: string;
  indicatorName: string;
  indicatorKind: 'indicator' | 'element';
  year: number;
  value: number;
  unit: string;
  qualifier: 'exact' | 'at_least';
  display: Bilingual;
  status: string;
  /** The bulletin or page it was published in (a URL or a title); null when none was given. */
  source: string | null;
  /** The bulletin's own words. */
  quote: string | null;
}

export const listPublishedFigures = get<
  { items: PublishedFigure[] },
  undefined,
  { region: string; indicator?: string; limit?: number }
>('/observations', PUBLIC);

export type ReportKind = 'annual' | 'midterm' | 'final';
export type ReportFormat = 'docx' | 'pdf' | 'html';

/** The address of a plan's report, for a link the browser follows. */
export const reportLink = link<{ id: number }, { kind: ReportKind; format: ReportFormat; year?: number }>(
  '/plans/:id/report',
);
