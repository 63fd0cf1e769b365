/**
 * Reading monitoring data: figures (published ones for everybody, the rest for readers in scope), a figure's whole
 * history, a region's aggregates computed from the regions below it, and the data set a region owes for a year.
 * Figures are always read as they stand: nothing is pre-computed, so nothing shown is stale.
 */
import type { Kysely } from 'kysely';
import { catalogueRepository } from '../db/catalogue.repository.ts';
import type { CatalogueRepository } from '../db/catalogue.repository.ts';
import type { ObservationStatus } from '../db/observation.schema.ts';
import { observationRepository } from '../db/observation.repository.ts';
import type { Basis, ObservationRepository, ReadScope } from '../db/observation.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database, Region } from '../db/schema.ts';
import { can } from '../domain/access.ts';
import { aggregate, regionNodes } from '../domain/observations/aggregate.ts';
import type { Aggregate, RegionNode } from '../domain/observations/aggregate.ts';
import type { Subject, SubjectRegistry } from '../domain/observations/subjects.ts';
import { accountErrors } from './account.errors.ts';
import * as errors from './observation.errors.ts';
import { presentObservation, presentVersion } from './observation.presenter.ts';
import type { PresentedObservation, PresentedVersion } from './observation.presenter.ts';
import { loadSubjects } from './observation.subjects.ts';
import type { Viewer } from './plan.access.ts';
import { regionChain, relationOf } from './scope.ts';
import { ServiceError } from './errors.ts';

export interface ObservationListQuery {
  regionCode?: string;
  /** An indicator or data element id, or its name. */
  indicator?: string;
  year?: number;
  status?: ObservationStatus;
  /** 1-1000, default 200. */
  limit?: number;
  offset?: number;
}

export interface ObservationHistory {
  observation: PresentedObservation;
  versions: PresentedVersion[];
}

/** A subject's aggregate at a region, with its children's figures beside it. */
export interface AggregateItem extends Aggregate {
  indicator: string;
  indicatorName: string;
  indicatorKind: Subject['kind'];
  unit: string;
  formula: string | null;
  children: (Aggregate & { regionName: string })[];
}

export interface AggregateReport {
  region: string;
  regionName: string;
  year: number;
  /** 'approved' for readers in scope (approved and published figures), 'published' for everybody else. */
  basis: Basis;
  items: AggregateItem[];
}

/** What a region owes for a year: one item per indicator or element, with the plans that require it. */
export interface DataSetItem {
  indicator: string;
  indicatorName: string;
  indicatorKind: Subject['kind'];
  unit: string;
  min: number | null;
  max: number | null;
  integer: boolean;
  formula: string | null;
  requiredBy: {
    planId: number;
    planTitle: string | null;
    planRegion: string;
    row: number | null;
    via: string | null;
  }[];
  previous: { year: number; value: number } | null;
  current: { id: number; value: number; status: ObservationStatus; lock: number } | null;
}

export interface DataSet {
  region: string;
  regionName: string;
  year: number;
  items: DataSetItem[];
}

const DEFAULT_LIMIT = 200;

/** The read side on a database. */
export function createObservationQueries(db: Kysely<Database>): ObservationQueries {
  return new ObservationQueries(observationRepository(db), regionRepository(db), catalogueRepository(db));
}

export class ObservationQueries {
  constructor(
    private readonly observations: ObservationRepository,
    private readonly regions: RegionRepository,
    private readonly catalogue: CatalogueRepository,
  ) {}

  /** Figures matching the query: each as the viewer may see it (published only, outside their scope). */
  async list(query: ObservationListQuery, viewer: Viewer): Promise<PresentedObservation[]> {
    const subjects = await loadSubjects(this.catalogue);
    const subject = query.indicator === undefined ? undefined : this.subject(subjects, query.indicator);
    const rows = await this.observations.list({
      ...(query.regionCode === undefined ? {} : { regionCode: query.regionCode }),
      ...(subject === undefined ? {} : { subjectId: subject.id }),
      ...(query.year === undefined ? {} : { year: query.year }),
      ...(query.status === undefined ? {} : { status: query.status }),
      scope: await this.scope(viewer),
      limit: query.limit ?? DEFAULT_LIMIT,
      offset: query.offset ?? 0,
    });
    return rows.map((row) => presentObservation(row, subjects));
  }

  /**
   * Every version of a figure with who did what, when and why. Outside the viewer's scope only the versions that
   * were published, and their publication, are shown.
   */
  async history(id: number, viewer: Viewer): Promise<ObservationHistory> {
    const scope = await this.scope(viewer);
    const row = await this.observations.findView(id, scope);
    if (row === undefined) throw errors.notFound(id);
    const subjects = await loadSubjects(this.catalogue);
    const inScope = scope === 'all' || scope.includes(row.region_code);
    const events = await this.observations.events(id);
    const published = new Set(events.filter((event) => event.action === 'publish').map((event) => event.version));
    const versions = (await this.observations.versions(id)).filter(
      (version) => inScope || published.has(version.version),
    );
    const shownEvents = inScope ? events : events.filter((event) => event.action === 'publish');
    return {
      observation: presentObservation(row, subjects),
      versions: versions.map((version) => presentVersion(version, shownEvents)).reverse(),
    };
  }

  /** A region's figures beside what its children's figures add up to, with completeness and differences flagged. */
  async aggregates(
    regionCode: string,
    year: number,
    indicator: string | undefined,
    viewer: Viewer,
  ): Promise<AggregateReport> {
    const subjects = await loadSubjects(this.catalogue);
    const tree = await this.regions.subtree(regionCode);
    const [root] = tree;
    if (root === undefined) throw regionNotFound(regionCode);
    const basis: Basis = (await this.canRead(viewer, regionCode)) ? 'approved' : 'published';
    const values = await this.observations.values(
      tree.map((region) => region.code),
      year,
      basis,
    );
    const byRegion = new Map<string, Map<string, number>>();
    for (const value of values) {
      const map = byRegion.get(value.region_code) ?? new Map<string, number>();
      map.set(value.subject_id, value.value);
      byRegion.set(value.region_code, map);
    }
    const lookup = (code: string, subjectId: string): number | undefined => byRegion.get(code)?.get(subjectId);
    const node = buildTree(tree);
    const names = new Map(tree.map((region) => [region.code, region.name]));
    const wanted =
      indicator === undefined
        ? subjectsWithData(
            values.map((value) => value.subject_id),
            subjects,
          )
        : [this.subject(subjects, indicator)];
    const items = wanted.map((subject): AggregateItem => ({
      ...aggregate(node, subject, subjects, lookup),
      indicator: subject.id,
      indicatorName: subject.name,
      indicatorKind: subject.kind,
      unit: subject.unit,
      formula: subject.formula,
      children: node.children.map((child) => ({
        ...aggregate(child, subject, subjects, lookup),
        regionName: names.get(child.code) ?? child.code,
      })),
    }));
    return { region: root.code, regionName: root.name, year, basis, items };
  }

  /**
   * What a region owes for a year: the indicators of the published plans of the region and of the regions above it
   * whose period (baseline year included) holds the year, and the data elements their formulas divide.
   */
  async dataSet(regionCode: string, year: number, viewer: Viewer): Promise<DataSet> {
    const region = await this.regions.findByCode(regionCode);
    if (region === undefined) throw regionNotFound(regionCode);
    if (!(await this.canRead(viewer, regionCode))) throw accountErrors.forbidden();
    const subjects = await loadSubjects(this.catalogue);
    const chain = await regionChain(this.regions, regionCode);
    const rows = await this.observations.requiredIndicators(chain, year);
    const items = new Map<string, DataSetItem>();
    const previous = new Map(
      (await this.observations.currentValues(regionCode, year - 1)).map((row) => [row.subject_id, row.value]),
    );
    const require = (subject: Subject, by: DataSetItem['requiredBy'][number]): void => {
      const item = items.get(subject.id) ?? {
        indicator: subject.id,
        indicatorName: subject.name,
        indicatorKind: subject.kind,
        unit: subject.unit,
        min: subject.min,
        max: subject.max,
        integer: subject.integer,
        formula: subject.formula,
        requiredBy: [],
        previous: previous.has(subject.id) ? { year: year - 1, value: previous.get(subject.id) ?? 0 } : null,
        current: null,
      };
      if (!item.requiredBy.some((one) => one.planId === by.planId && one.row === by.row && one.via === by.via))
        item.requiredBy.push(by);
      items.set(subject.id, item);
    };
    for (const row of rows) {
      const subject = subjects.byId(row.catalogue_id);
      if (subject === undefined) continue;
      const by = {
        planId: row.plan_id,
        planTitle: row.plan_title,
        planRegion: row.plan_region_code,
        row: row.row_no,
        via: null,
      };
      require(subject, by);
      if (subject.aggregation.method === 'ratio') {
        for (const element of [subject.aggregation.numerator, subject.aggregation.denominator]) {
          const elementSubject = subjects.byId(element.id);
          if (elementSubject !== undefined) require(elementSubject, { ...by, via: subject.name });
        }
      }
    }
    const current = await this.observations.list({ regionCode, year, scope: [regionCode], limit: 10_000, offset: 0 });
    for (const row of current) {
      const item = items.get(row.subject_id);
      if (item !== undefined) item.current = { id: row.id, value: row.value, status: row.shown_status, lock: row.lock };
    }
    return { region: region.code, regionName: region.name, year, items: [...items.values()] };
  }

  /** The regions whose unpublished figures the viewer may read: their own and every one below it. */
  async scope(viewer: Viewer): Promise<ReadScope> {
    if (viewer === 'system') return 'all';
    if (viewer === null || viewer.regionCode === null || !can(viewer, 'data.read', 'own')) return [];
    return (await this.regions.subtree(viewer.regionCode)).map((region) => region.code);
  }

  private async canRead(viewer: Viewer, regionCode: string): Promise<boolean> {
    if (viewer === 'system') return true;
    return can(viewer, 'data.read', await relationOf(this.regions, viewer, regionCode));
  }

  private subject(subjects: SubjectRegistry, text: string): Subject {
    const subject = subjects.byId(text.trim()) ?? subjects.byName(text);
    if (subject === undefined) {
      throw new ServiceError(
        'INDICATOR_NOT_FOUND',
        'not-found',
        {
          zh: `指标或数据项“${text}”不在指标目录中`,
          en: `"${text}" is not an indicator or data element of the catalogue`,
        },
        { field: 'indicator' },
      );
    }
    return subject;
  }
}

function regionNotFound(code: string): ServiceError {
  return new ServiceError(
    'REGION_NOT_FOUND',
    'not-found',
    { zh: `行政区划代码 ${code} 不存在或已停用`, en: `Region code ${code} is not in use` },
    { field: 'region' },
  );
}

/** The region tree from a subtree listed parents first. */
function buildTree(regions: readonly Region[]): RegionNode {
  const [root] = regions;
  return (root === undefined ? undefined : regionNodes(regions).get(root.code)) ?? { code: '', children: [] };
}

/** The subjects with figures, and the ratio indicators whose elements have figures. */
function subjectsWithData(subjectIds: readonly string[], subjects: SubjectRegistry): Subject[] {
  const wanted = new Map<string, Subject>();
  for (const id of new Set(subjectIds)) {
    const subject = subjects.byId(id);
    if (subject === undefined) continue;
    wanted.set(subject.id, subject);
    for (const user of subjects.indicatorsUsing(id)) wanted.set(user.id, user);
  }
  return [...wanted.values()];
}
