/**
 * Evaluation: the progress of every indicator of a plan in a region and year, and the ranking of the regions below
 * it. Figures are read as they stand (published ones for everybody, approved ones too for readers in scope); a
 * region that did not report an indicator is judged on what its own regions add up to, and says so.
 */
import type { Kysely } from 'kysely';
import { catalogueRepository } from '../db/catalogue.repository.ts';
import type { CatalogueRepository } from '../db/catalogue.repository.ts';
import { observationRepository } from '../db/observation.repository.ts';
import type { Basis, ObservationRepository, SeriesRow } from '../db/observation.repository.ts';
import { planContentRepository } from '../db/plan-content.repository.ts';
import type { PlanContentRepository } from '../db/plan-content.repository.ts';
import type { PlanIndicatorRow } from '../db/plan.schema.ts';
import { planRepository } from '../db/plan.repository.ts';
import type { PlanRepository, PlanSummaryRow } from '../db/plan.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database, Region } from '../db/schema.ts';
import { can } from '../domain/access.ts';
import type { CatalogueEntry } from '../domain/catalogue/types.ts';
import { directionOf, indicatorFacts, progressInput } from '../domain/evaluation/indicator-progress.ts';
import type { SeriesPoint } from '../domain/evaluation/indicator-progress.ts';
import { regionLists } from '../domain/evaluation/lists.ts';
import type { ListedRegion, ListRule, RegionLists } from '../domain/evaluation/lists.ts';
import { rankChanges, rankRegions } from '../domain/evaluation/rankings.ts';
import type { RankChange } from '../domain/evaluation/rankings.ts';
import { aggregate, regionNodes } from '../domain/observations/aggregate.ts';
import type { RegionNode } from '../domain/observations/aggregate.ts';
import type { SubjectRegistry } from '../domain/observations/subjects.ts';
import { assessProgress, STATUS_LABELS } from '../domain/progress/index.ts';
import type { ProgressAssessment, ProgressStatus } from '../domain/progress/index.ts';
import { loadCatalogue } from './catalogue.service.ts';
import { ServiceError } from './errors.ts';
import { loadSubjects } from './observation.subjects.ts';
import { canReadPlan } from './plan.access.ts';
import type { Viewer } from './plan.access.ts';
import { planNotFound } from './plan.errors.ts';
import { evaluateSubtree, targetRowOf } from './evaluation.all.ts';
import type { SubtreeProgress } from './evaluation.all.ts';
import type { ReadCache } from './read-cache.ts';
import { relationOf } from './scope.ts';

/** One indicator of the plan in the region and year evaluated. */
export interface IndicatorProgress {
  row: number;
  line: number;
  category: string | null;
  name: string;
  /** The catalogue entry, null when the row matched none (then there is nothing to judge it on). */
  indicator: string | null;
  indicatorName: string | null;
  unit: string | null;
  attribute: PlanIndicatorRow['attribute'];
  baseline: SeriesPoint | null;
  target: { year: number; value: number; comparator: PlanIndicatorRow['target_comparator'] } | null;
  latest: SeriesPoint | null;
  /** Every figure from the baseline year to the year evaluated, for the trend chart. */
  series: SeriesPoint[];
  /** The region judged and the year evaluated, and the headline of the assessment, as flat fields. */
  region: string;
  year: number;
  status: ProgressStatus;
  label: ProgressAssessment['label'];
  explanation: ProgressAssessment['explanation'];
  redLine: boolean;
  assessment: ProgressAssessment;
}

export interface PlanProgress {
  plan: { id: number; title: string | null; region: string; period: { start: number; end: number } };
  region: { code: string; name: string };
  year: number;
  basis: Basis;
  /** How many indicators have each status, and how many raise a red-line warning. */
  summary: { total: number; byStatus: Record<ProgressStatus, number>; redLines: number };
  items: IndicatorProgress[];
}

export interface RegionRanking extends RankChange {
  regionName: string;
  provenance: SeriesPoint['provenance'];
  status: ProgressStatus;
  label: { zh: string; en: string };
}

export interface Rankings {
  plan: { id: number; region: string };
  row: number;
  indicator: string;
  indicatorName: string;
  unit: string;
  direction: 'increase' | 'decrease';
  year: number;
  basis: Basis;
  items: RegionRanking[];
  /** Regions below with no figure for the year (unranked, never guessed). */
  missing: { region: string; regionName: string }[];
}

/** The red and black lists of the regions below a plan's region, with the rule that made them. */
export interface PlanRegionLists extends Omit<RegionLists, 'leading' | 'lagging' | 'middle' | 'insufficient'> {
  plan: { id: number; region: string };
  year: number;
  basis: Basis;
  leading: (ListedRegion & { regionName: string })[];
  lagging: (ListedRegion & { regionName: string })[];
  middle: (ListedRegion & { regionName: string })[];
  insufficient: (ListedRegion & { regionName: string })[];
}

interface Context extends PlanBasics {
  basis: Basis;
}

/** The evaluation service on a database. */
export function createEvaluationService(db: Kysely<Database>, cache: ReadCache | null = null): EvaluationService {
  return new EvaluationService(
    planRepository(db),
    planContentRepository(db),
    regionRepository(db),
    observationRepository(db),
    catalogueRepository(db),
    cache,
  );
}

/** What a plan's evaluations read of it besides figures, the same for every reader. */
interface PlanBasics {
  plan: PlanSummaryRow;
  indicators: PlanIndicatorRow[];
  subjects: SubjectRegistry;
  entries: ReadonlyMap<string, CatalogueEntry>;
}

export class EvaluationService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly contents: PlanContentRepository,
    private readonly regions: RegionRepository,
    private readonly observations: ObservationRepository,
    private readonly catalogue: CatalogueRepository,
    /** Computed answers kept until the data change (read-cache.ts); null computes every time. */
    private readonly cache: ReadCache | null = null,
  ) {}

  private cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.cache === null ? compute() : this.cache.get(key, compute);
  }

  /** Every indicator of a plan, judged in a region (the plan's by default, or one below it) for a year. */
  async planProgress(
    planId: number,
    requestedYear: number | undefined,
    regionCode: string | undefined,
    viewer: Viewer,
  ): Promise<PlanProgress> {
    const context = await this.context(planId, regionCode ?? null, viewer);
    const key = `progress:${String(planId)}:${regionCode ?? ''}:${String(requestedYear ?? 'latest')}:${context.basis}`;
    return this.cached(key, () => this.computePlanProgress(context, requestedYear, regionCode));
  }

  private async computePlanProgress(
    context: Context,
    requestedYear: number | undefined,
    regionCode: string | undefined,
  ): Promise<PlanProgress> {
    const region = await this.regionWithin(context.plan, regionCode ?? context.plan.region_code);
    const tree = await this.regions.subtree(region.code);
    const year = requestedYear ?? (await this.latestYearWithData(context, tree));
    const own = region.code === context.plan.region_code;
    const valueOf = await this.values(context, tree, year);
    const items = context.indicators.map((row) =>
      this.indicatorProgress(context, row, region.code, own, valueOf, year),
    );
    const byStatus = Object.fromEntries(Object.keys(STATUS_LABELS).map((status) => [status, 0])) as Record<
      ProgressStatus,
      number
    >;
    for (const item of items) byStatus[item.assessment.status] += 1;
    return {
      plan: planHeader(context.plan),
      region: { code: region.code, name: region.name },
      year,
      basis: context.basis,
      summary: { total: items.length, byStatus, redLines: items.filter((item) => item.assessment.redLine).length },
      items,
    };
  }

  /**
   * Every indicator of every region in the subtree, in every year a published plan applies to it (its own, else the
   * nearest above): the counts by status, and each status on request. In a few queries and one pass in memory.
   */
  async subtreeProgress(regionCode: string, viewer: Viewer): Promise<SubtreeProgress> {
    const readsInScope =
      viewer === 'system' ||
      (viewer !== null && can(viewer, 'data.read', await relationOf(this.regions, viewer, regionCode)));
    const basis: Basis = readsInScope ? 'approved' : 'published';
    return this.cached(`subtree:${regionCode}:${basis}`, () =>
      evaluateSubtree(
        {
          plans: this.plans,
          contents: this.contents,
          regions: this.regions,
          observations: this.observations,
          catalogue: this.catalogue,
        },
        regionCode,
        basis,
      ),
    );
  }

  /** The regions directly below the plan's region, ranked on one of its indicators, with their move since last year. */
  async rankings(planId: number, rowNo: number, year: number, viewer: Viewer): Promise<Rankings> {
    const context = await this.context(planId, null, viewer);
    const key = `rankings:${String(planId)}:${String(rowNo)}:${String(year)}:${context.basis}`;
    return this.cached(key, () => this.computeRankings(context, rowNo, year));
  }

  private async computeRankings(context: Context, rowNo: number, year: number): Promise<Rankings> {
    const planId = context.plan.id;
    const row = context.indicators.find((indicator) => indicator.row_no === rowNo);
    if (row === undefined) throw rowNotFound(planId, rowNo);
    const entry = row.catalogue_id === null ? undefined : context.entries.get(row.catalogue_id);
    if (entry === undefined || row.catalogue_id === null) throw rowUnmatched(planId, rowNo);
    const tree = await this.regions.subtree(context.plan.region_code);
    const valueOf = await this.values(context, tree, year);
    const children = tree.filter((region) => region.parent_code === context.plan.region_code);
    const direction = directionOf(entry, row.target_comparator);
    const valuesIn = (at: number) =>
      children.flatMap((child) => {
        const point = valueOf(child.code, row.catalogue_id ?? '', at);
        return point === undefined ? [] : [{ regionCode: child.code, value: point.value }];
      });
    const ranked = rankChanges(rankRegions(valuesIn(year), direction), rankRegions(valuesIn(year - 1), direction));
    const names = new Map(children.map((child) => [child.code, child.name]));
    const items = ranked.map((rank): RegionRanking => {
      const progress = this.indicatorProgress(context, row, rank.regionCode, false, valueOf, year);
      return {
        ...rank,
        regionName: names.get(rank.regionCode) ?? rank.regionCode,
        provenance: progress.latest?.provenance ?? 'reported',
        status: progress.assessment.status,
        label: progress.assessment.label,
      };
    });
    const rankedCodes = new Set(items.map((item) => item.regionCode));
    return {
      plan: { id: context.plan.id, region: context.plan.region_code },
      row: rowNo,
      indicator: entry.id,
      indicatorName: entry.name,
      unit: entry.unit,
      direction,
      year,
      basis: context.basis,
      items,
      missing: children
        .filter((child) => !rankedCodes.has(child.code))
        .map((child) => ({ region: child.code, regionName: child.name })),
    };
  }

  /** 红黑榜: the regions below the plan's region, leading and lagging on its indicators by the rule shown. */
  async regionLists(planId: number, year: number, viewer: Viewer, rule?: ListRule): Promise<PlanRegionLists> {
    const context = await this.context(planId, null, viewer);
    const key = `lists:${String(planId)}:${String(year)}:${context.basis}:${JSON.stringify(rule ?? null)}`;
    return this.cached(key, () => this.computeRegionLists(context, year, rule));
  }

  private async computeRegionLists(context: Context, year: number, rule?: ListRule): Promise<PlanRegionLists> {
    const tree = await this.regions.subtree(context.plan.region_code);
    const valueOf = await this.values(context, tree, year);
    const children = tree.filter((region) => region.parent_code === context.plan.region_code);
    const names = new Map(children.map((child) => [child.code, child.name]));
    const lists = regionLists(
      children.map((child) => ({
        regionCode: child.code,
        statuses: context.indicators.map((row) => {
          const { assessment } = this.indicatorProgress(context, row, child.code, false, valueOf, year);
          return { status: assessment.status, redLine: assessment.redLine };
        }),
      })),
      rule,
    );
    const named = (regions: readonly ListedRegion[]) =>
      regions.map((region) => ({ ...region, regionName: names.get(region.regionCode) ?? region.regionCode }));
    return {
      plan: { id: context.plan.id, region: context.plan.region_code },
      year,
      basis: context.basis,
      rule: lists.rule,
      ruleText: lists.ruleText,
      leading: named(lists.leading),
      lagging: named(lists.lagging),
      middle: named(lists.middle),
      insufficient: named(lists.insufficient),
    };
  }

  private indicatorProgress(
    context: Context,
    row: PlanIndicatorRow,
    regionCode: string,
    own: boolean,
    valueOf: ValueOf,
    year: number,
  ): IndicatorProgress {
    const entry = row.catalogue_id === null ? undefined : context.entries.get(row.catalogue_id);
    const targetRow = targetRowOf(row);
    const facts = indicatorFacts(entry, row.target_comparator, row.unit);
    const from = Math.min(row.baseline_year ?? year, year);
    const series: SeriesPoint[] = [];
    if (entry !== undefined) {
      for (let at = from; at <= year; at += 1) {
        const point = valueOf(regionCode, entry.id, at);
        if (point !== undefined) series.push(point);
      }
    }
    const { input, latest, baseline } = progressInput(targetRow, facts, series, year, own);
    const assessment = assessProgress(input);
    return {
      row: row.row_no,
      line: row.line,
      category: row.category,
      name: row.name,
      indicator: entry?.id ?? null,
      indicatorName: entry?.name ?? null,
      unit: entry?.unit ?? row.unit,
      attribute: row.attribute,
      baseline,
      target: input.target === null ? null : { ...input.target },
      latest,
      series,
      region: regionCode,
      year,
      status: assessment.status,
      label: assessment.label,
      explanation: assessment.explanation,
      redLine: assessment.redLine,
      assessment,
    };
  }

  /**
   * The latest year of the plan's period (baseline year included) with any figure of its indicators in the region or
   * below it; the baseline year when there is none, where everything is 数据不足.
   */
  private async latestYearWithData(context: Context, tree: readonly Region[]): Promise<number> {
    const { period_start: start, period_end: end } = context.plan;
    const rows = await this.observations.series(
      tree.map((region) => region.code),
      subjectIdsOf(context),
      { from: start - 1, to: end },
      context.basis,
    );
    return rows.reduce((latest, row) => Math.max(latest, row.year), start - 1);
  }

  /** A lookup of each region's figure per subject and year: reported, else computed from the regions below. */
  private async values(context: Context, tree: readonly Region[], year: number): Promise<ValueOf> {
    const from = context.indicators.reduce((earliest, row) => Math.min(earliest, row.baseline_year ?? year), year);
    const rows = await this.observations.series(
      tree.map((region) => region.code),
      subjectIdsOf(context),
      { from: from - 1, to: year },
      context.basis,
    );
    const byYear = new Map<number, Map<string, SeriesRow>>();
    for (const one of rows) {
      const map = byYear.get(one.year) ?? new Map<string, SeriesRow>();
      map.set(`${one.region_code}:${one.subject_id}`, one);
      byYear.set(one.year, map);
    }
    const nodes = regionNodes(tree);
    const cache = new Map<string, SeriesPoint | null>();
    return (regionCode, subjectId, at) => {
      const key = `${regionCode}:${subjectId}:${at}`;
      if (!cache.has(key))
        cache.set(key, computePoint(byYear.get(at), nodes.get(regionCode), subjectId, at, context.subjects));
      return cache.get(key) ?? undefined;
    };
  }

  /** The plan as the viewer may read it, and which figures they read (published, or approved too in scope). */
  private async context(planId: number, regionCode: string | null, viewer: Viewer): Promise<Context> {
    const basics = await this.cached(`plan:${String(planId)}`, () => this.planBasics(planId));
    const plan = basics?.plan;
    if (basics === undefined || plan === undefined || !(await canReadPlan(this.regions, viewer, plan))) {
      throw planNotFound(planId);
    }
    const target = regionCode ?? plan.region_code;
    const readsInScope =
      viewer === 'system' ||
      (viewer !== null && can(viewer, 'data.read', await relationOf(this.regions, viewer, target)));
    return { ...basics, basis: readsInScope ? 'approved' : 'published' };
  }

  private async planBasics(planId: number): Promise<PlanBasics | undefined> {
    const plan = await this.plans.findSummary(planId);
    if (plan === undefined) return undefined;
    const catalogue = await loadCatalogue(this.catalogue);
    return {
      plan,
      indicators: await this.contents.listIndicators(planId),
      subjects: await loadSubjects(this.catalogue),
      entries: catalogue.byId,
    };
  }

  private async regionWithin(plan: PlanSummaryRow, code: string): Promise<Region> {
    const subtree = await this.regions.subtree(plan.region_code);
    const region = subtree.find((one) => one.code === code);
    if (region === undefined) {
      throw new ServiceError(
        'REGION_OUTSIDE_PLAN',
        'invalid',
        {
          zh: `地区 ${code} 不在该规划的范围（${plan.region_name ?? plan.region_code}）内`,
          en: `Region ${code} is not within the plan's region (${plan.region_code})`,
        },
        { field: 'region' },
      );
    }
    return region;
  }
}

/** The plan's matched indicators and the elements their formulas divide: what its figures are read for. */
function subjectIdsOf(context: Context): string[] {
  const subjectIds = new Set<string>();
  for (const row of context.indicators) {
    if (row.catalogue_id === null) continue;
    subjectIds.add(row.catalogue_id);
    const subject = context.subjects.byId(row.catalogue_id);
    if (subject?.aggregation.method === 'ratio') {
      subjectIds.add(subject.aggregation.numerator.id);
      subjectIds.add(subject.aggregation.denominator.id);
    }
  }
  return [...subjectIds];
}

type ValueOf = (regionCode: string, subjectId: string, year: number) => SeriesPoint | undefined;

function computePoint(
  rows: ReadonlyMap<string, SeriesRow> | undefined,
  node: RegionNode | undefined,
  subjectId: string,
  year: number,
  subjects: SubjectRegistry,
): SeriesPoint | null {
  if (rows === undefined || node === undefined) return null;
  const reported = rows.get(`${node.code}:${subjectId}`);
  if (reported !== undefined) {
    return { year, value: reported.value, qualifier: reported.qualifier, provenance: 'reported' };
  }
  const subject = subjects.byId(subjectId);
  // A county has no regions below, but a ratio still follows from its own two elements.
  if (subject === undefined) return null;
  const result = aggregate(node, subject, subjects, (code, id) => rows.get(`${code}:${id}`)?.value);
  if (result.computed === null) return null;
  const coverage =
    result.completeness === null
      ? null
      : { reporting: result.completeness.reporting, expected: result.completeness.expected };
  return { year, value: result.computed, qualifier: 'exact', provenance: 'computed', coverage };
}

const planHeader = (plan: PlanSummaryRow): PlanProgress['plan'] => ({
  id: plan.id,
  title: plan.title,
  region: plan.region_code,
  period: { start: plan.period_start, end: plan.period_end },
});

function rowNotFound(planId: number, rowNo: number): ServiceError {
  return new ServiceError(
    'PLAN_INDICATOR_NOT_FOUND',
    'not-found',
    { zh: `规划 #${planId} 没有第 ${rowNo} 行指标`, en: `Plan #${planId} has no indicator row ${rowNo}` },
    { field: 'row', row: rowNo },
  );
}

function rowUnmatched(planId: number, rowNo: number): ServiceError {
  return new ServiceError(
    'PLAN_INDICATOR_UNMATCHED',
    'invalid',
    {
      zh: `规划 #${planId} 第 ${rowNo} 行指标尚未对应指标目录，无法排名：请先在审核中确认其指标`,
      en: `Row ${rowNo} of plan #${planId} is not matched to the catalogue, so it cannot be ranked: confirm its indicator in review first`,
    },
    { field: 'row', row: rowNo },
  );
}
