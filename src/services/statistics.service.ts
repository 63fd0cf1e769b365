/**
 * The published statistics EduPlan ships (samples/data/real-stats.csv): figures read from statistical bulletins,
 * loaded as published observations with their source, quote, qualifier, note and series breaks, so the sample plans
 * show real values where they exist and gaps where they do not. Loading twice stores nothing new; a figure someone
 * already reported for the same region, indicator and year is left as it is.
 */
import type { Kysely } from 'kysely';
import { auditRepository } from '../db/audit.repository.ts';
import { catalogueRepository } from '../db/catalogue.repository.ts';
import { observationRepository } from '../db/observation.repository.ts';
import type { ObservationKey } from '../db/observation.repository.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { checkRange } from '../domain/observations/checks.ts';
import type { SubjectRegistry } from '../domain/observations/subjects.ts';
import { readPublishedStatistics, resolveDuplicates } from '../domain/observations/published-statistics.ts';
import type { PublishedFigure, UnplacedFigure } from '../domain/observations/published-statistics.ts';
import { unitFactor } from '../domain/catalogue/units.ts';
import { recordAudit, SYSTEM_CONTEXT } from './audit.ts';
import { headKey, keyId } from './observation.batch.ts';
import { loadSubjects } from './observation.subjects.ts';

/** The code of 全国 in the regions table (GB/T 2260 has none; 000000 is the statistics tables' convention). */
export const COUNTRY_CODE = '000000';

export interface StatisticsLoad {
  loaded: number;
  /** Already stored (an earlier start), or reported by someone for the same region, indicator and year. */
  skipped: number;
  /** Rows the file holds that could not be placed on an indicator, with why. */
  unplaced: UnplacedFigure[];
  /** Figures the file holds twice for one region, indicator and year (the other kept in the note). */
  duplicates: number;
}

/** Loads published statistics from CSV text as the installation, in one transaction. */
export async function loadPublishedStatistics(
  db: Kysely<Database>,
  csvText: string,
  fileName: string,
  now: () => Date = () => new Date(),
): Promise<StatisticsLoad> {
  const read = readPublishedStatistics(csvText);
  const { figures, resolved } = resolveDuplicates(read.figures);
  const subjects = await loadSubjects(catalogueRepository(db));
  const regionCodes = await resolveRegions(regionRepository(db), figures, fileName);
  const placed = figures.map((figure) => place(figure, subjects, regionCodes, fileName));
  return db.transaction().execute(async (trx) => {
    const observations = observationRepository(trx);
    const keys = placed.map(({ key }) => key);
    await observations.lockKeys(keys);
    const stored = new Set((await observations.findByKeys(keys)).map((head) => keyId(headKey(head))));
    const fresh = placed.filter(({ key }) => !stored.has(keyId(key)));
    const at = now();
    const inserted = await observations.insertMany(
      fresh.map(({ key }) => ({
        region_code: key.regionCode,
        subject_kind: key.subjectKind,
        subject_id: key.subjectId,
        year: key.year,
        status: 'published' as const,
        current_version: 1,
        approved_version: 1,
        published_version: 1,
        return_reason: null,
        created_at: at,
        updated_at: at,
      })),
    );
    const ids = new Map(inserted.map((row) => [keyId(headKey(row)), row.id]));
    const idOf = (key: ObservationKey): number => ids.get(keyId(key)) ?? Number.NaN;
    await observations.insertVersions(
      fresh.map(({ key, figure, value, unit }) => ({
        observation_id: idOf(key),
        version: 1,
        value,
        unit,
        qualifier: figure.qualifier,
        source: figure.source,
        quote: figure.quote,
        note: figure.note,
        comment: null,
        reason: null,
        series_break: figure.seriesBreak === null ? null : JSON.stringify(figure.seriesBreak),
        caveats: JSON.stringify(caveatsOf(figure)),
        origin: 'statistics' as const,
        file_name: fileName,
        file_row: figure.line,
        created_by_user_id: null,
        created_at: at,
      })),
    );
    await observations.insertEvents(
      fresh.flatMap(({ key, figure }) =>
        (
          [
            ['create', null, 'approved', `已公开发布的统计数据：${figure.source}`],
            ['publish', 'approved', 'published', null],
          ] as const
        ).map(([action, from, to, reason]) => ({
          observation_id: idOf(key),
          version: 1,
          action,
          from_status: from,
          to_status: to,
          reason,
          actor_user_id: null,
          actor_ip: null,
          at,
        })),
      ),
    );
    if (fresh.length > 0) {
      await recordAudit(auditRepository(trx), now(), SYSTEM_CONTEXT, {
        action: 'observation.load_statistics',
        entity: 'observation_batch',
        entityId: fileName,
        regionCode: null,
        after: {
          file: fileName,
          loaded: fresh.length,
          skipped: placed.length - fresh.length,
          unplaced: read.unplaced.length,
          duplicates: resolved.length,
        },
      });
    }
    return {
      loaded: fresh.length,
      skipped: placed.length - fresh.length,
      unplaced: read.unplaced,
      duplicates: resolved.length,
    };
  });
}

// The file's notes say so in English ("year taken from the report date (2024-12); may be 2023 statistics"); people
// read it in Chinese beside the figure.
const YEAR_FROM_REPORT_DATE = /year (is )?taken from the report('s)? date/i;

/** The caveats a person must read with a published figure. */
export function caveatsOf(figure: PublishedFigure): { zh: string; en: string }[] {
  if (figure.note === null || !YEAR_FROM_REPORT_DATE.test(figure.note)) return [];
  return [
    {
      zh: '年份据报道日期推定，可能为上一年度的统计数据',
      en: "The year is inferred from the report's date; it may be the previous year's statistics",
    },
  ];
}

/** A figure on its subject (in the subject's unit) and region; a figure that fits none is a defect of the file. */
function place(
  figure: PublishedFigure,
  subjects: SubjectRegistry,
  regionCodes: ReadonlyMap<string, string>,
  fileName: string,
): { figure: PublishedFigure; key: ObservationKey; value: number; unit: string } {
  const subject = subjects.byId(figure.subject.id);
  const factor = subject === undefined ? null : unitFactor(figure.unit, subject.unit);
  if (subject === undefined || factor === null) {
    throw new Error(
      `${fileName} 第 ${figure.line} 行：指标 ${figure.subject.id} 不在目录中或单位不符 / line ${figure.line}: ${figure.subject.id} is not in the catalogue, or its unit does not fit`,
    );
  }
  const value = Number((figure.value * factor).toPrecision(12));
  const [problem] = checkRange(value, subject);
  if (problem !== undefined) {
    throw new Error(
      `${fileName} 第 ${figure.line} 行：${problem.messages.zh} / line ${figure.line}: ${problem.messages.en}`,
    );
  }
  const key: ObservationKey = {
    regionCode: regionCodes.get(figure.regionName) ?? '',
    subjectKind: subject.kind,
    subjectId: subject.id,
    year: figure.year,
  };
  return { figure, key, value, unit: subject.unit };
}

// Names as the bulletins print them: 全国, provinces and cities, each unambiguous in the region table.
async function resolveRegions(
  regions: RegionRepository,
  figures: readonly PublishedFigure[],
  fileName: string,
): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  for (const name of new Set(figures.map((figure) => figure.regionName))) {
    if (name === '全国') {
      codes.set(name, COUNTRY_CODE);
      continue;
    }
    const found = (await regions.findByName(name)).filter((region) => region.level !== 'county');
    const [only] = found;
    if (found.length !== 1 || only === undefined) {
      throw new Error(
        `${fileName}：地区“${name}”无法唯一对应行政区划 / the region "${name}" does not name exactly one region`,
      );
    }
    codes.set(name, only.code);
  }
  return codes;
}
