/** The XLSX template a region fills in for a year: its data set, last year's values beside, Excel's validation on. */
import { dataTemplateXlsx } from '../reports/data-template.ts';
import type { ObservationQueries } from './observation.queries.ts';
import type { Viewer } from './plan.access.ts';

export interface TemplateFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The template of a region and year, named so that a folder of them sorts by region and year. */
export async function dataTemplate(
  queries: ObservationQueries,
  regionCode: string,
  year: number,
  viewer: Viewer,
  now: Date = new Date(),
): Promise<TemplateFile> {
  const dataSet = await queries.dataSet(regionCode, year, viewer);
  const bytes = await dataTemplateXlsx({
    regionCode: dataSet.region,
    regionName: dataSet.regionName,
    year,
    generatedAt: now,
    rows: dataSet.items.map((item) => ({
      regionCode: dataSet.region,
      regionName: dataSet.regionName,
      subjectId: item.indicator,
      subjectName: item.indicatorName,
      subjectKind: item.indicatorKind,
      unit: item.unit,
      previousValue: item.previous?.value ?? null,
      min: item.min,
      max: item.max,
      integer: item.integer,
      value: item.current?.value ?? null,
      note: null,
      requiredBy: item.requiredBy
        .map((by) =>
          [
            by.planTitle ?? `规划 #${by.planId}`,
            by.row === null ? '' : `指标表第${by.row}行`,
            by.via === null ? '' : `（计算“${by.via}”所需）`,
          ].join(''),
        )
        .join('；'),
    })),
  });
  return { fileName: `${dataSet.region}-${dataSet.regionName}-${year}年监测数据填报模板.xlsx`, bytes };
}
