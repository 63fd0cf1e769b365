/**
 * The indicator's trend chart: the plan's baseline and target, the figures observed (reported, or computed from the
 * regions below, drawn hollow), the schedule line (the straight path from baseline to target that 时间过半、任务过半
 * reads against) and the projection of the current trend to the target year.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { IndicatorProgress } from '../../api/evaluation.ts';
import { STATUS_LOOK } from '../../components/status.tsx';
import { formatComputed, formatTarget, formatValue, projectionInputs } from '../overview/figures.ts';

export interface TrendNames {
  observed: string;
  computed: string;
  baseline: string;
  target: string;
  schedule: string;
  projection: string;
  atLeast: string;
}

/** Whether the chart has anything to draw. */
export function hasTrend(item: IndicatorProgress): boolean {
  return item.baseline !== null || item.target !== null || item.series.length > 0;
}

function yearsOf(item: IndicatorProgress): number[] {
  const projection = item.assessment.projection;
  return [
    ...(item.baseline === null ? [] : [item.baseline.year]),
    ...(item.target === null ? [] : [item.target.year]),
    ...(projection === null ? [] : [projection.year]),
    ...item.series.map((point) => point.year),
  ];
}

export function trendOption(item: IndicatorProgress, names: TrendNames): EChartsCoreOption {
  const color = STATUS_LOOK[item.status].color;
  const unit = item.unit;
  const years = yearsOf(item);
  const { projection } = item.assessment;
  const latest = item.latest;
  const value = (amount: number) => formatValue(amount, unit);
  const schedule =
    item.baseline !== null && item.target !== null
      ? [
          [item.baseline.year, item.baseline.value],
          [item.target.year, item.target.value],
        ]
      : [];
  return {
    animation: false,
    color: [color],
    legend: { top: 0, itemWidth: 18, itemHeight: 10 },
    grid: { left: 12, right: 64, top: 44, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: { seriesName: string; value: [number, number] }) =>
        `${params.seriesName}<br/>${String(params.value[0])}：${value(params.value[1])}`,
    },
    xAxis: {
      type: 'value',
      min: Math.min(...years),
      max: Math.max(...years),
      interval: 1,
      axisLabel: { formatter: (year: number) => String(year) },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      // Room above and below the figures, so the labels on the first and last points stay inside the chart.
      scale: true,
      boundaryGap: ['12%', '12%'],
      axisLabel: { formatter: value },
    },
    series: [
      {
        name: names.schedule,
        type: 'line',
        data: schedule,
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#8c8c8c', width: 1.5 },
        itemStyle: { color: '#8c8c8c' },
        silent: true,
      },
      {
        name: names.observed,
        type: 'line',
        data: item.series.map((point) => ({
          value: [point.year, point.value],
          symbol: point.provenance === 'computed' ? 'emptyCircle' : 'circle',
          label: {
            show: true,
            position: 'top',
            formatter: `${point.qualifier === 'at_least' ? names.atLeast : ''}${value(point.value)}${
              point.provenance === 'computed' ? `（${names.computed}）` : ''
            }`,
          },
        })),
        symbolSize: 8,
        lineStyle: { color, width: 2.5 },
        itemStyle: { color },
      },
      {
        name: names.baseline,
        type: 'line',
        data: item.baseline === null ? [] : [[item.baseline.year, item.baseline.value]],
        symbol: 'rect',
        symbolSize: 10,
        itemStyle: { color: '#595959' },
        z: 3,
      },
      {
        name: names.target,
        type: 'line',
        data: item.target === null ? [] : [[item.target.year, item.target.value]],
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: '#fff', borderColor: '#1d4f91', borderWidth: 2 },
        label: {
          show: true,
          position: 'right',
          formatter: () => (item.target === null ? '' : formatTarget(item.target.value, item.target.comparator, unit)),
        },
      },
      {
        name: names.projection,
        type: 'line',
        data:
          projection === null || latest === null
            ? []
            : [
                { value: [latest.year, latest.value], symbol: 'none' },
                {
                  value: [projection.year, projection.value],
                  symbol: 'triangle',
                  label: {
                    show: true,
                    position: 'left',
                    formatter: formatComputed(projection.value, projectionInputs(item.assessment.inputs), unit),
                  },
                },
              ],
        symbolSize: 9,
        lineStyle: { type: 'dotted', color, width: 2 },
        itemStyle: { color },
      },
    ],
  };
}
