/**
 * A card's small chart: the plan's baseline, the figures observed since, and the target, on one time axis; the
 * straight dashed line from baseline to target is the schedule the figures are read against.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { IndicatorProgress } from '../../api/evaluation.ts';
import { STATUS_LOOK } from '../../components/status.tsx';

const GREY = '#bfbfbf';

/** Whether there is a line to draw: a target alone is already written on the card. */
export function hasSparkline(item: IndicatorProgress): boolean {
  return item.baseline !== null || item.series.length > 0;
}

/** The ECharts option of an indicator card's sparkline. */
export function sparklineOption(
  item: IndicatorProgress,
  names: { baseline: string; target: string },
): EChartsCoreOption {
  const color = STATUS_LOOK[item.status].color;
  const observed = item.series.map((point) => [point.year, point.value]);
  const years = [
    ...(item.baseline === null ? [] : [item.baseline.year]),
    ...(item.target === null ? [] : [item.target.year]),
    ...item.series.map((point) => point.year),
  ];
  const schedule =
    item.baseline !== null && item.target !== null
      ? [
          [item.baseline.year, item.baseline.value],
          [item.target.year, item.target.value],
        ]
      : [];
  return {
    animation: false,
    grid: { left: 6, right: 6, top: 8, bottom: 8 },
    xAxis: { type: 'value', show: false, min: Math.min(...years), max: Math.max(...years) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: schedule,
        symbol: 'none',
        lineStyle: { type: 'dashed', color: GREY, width: 1 },
        silent: true,
      },
      {
        type: 'line',
        data: observed,
        symbol: 'circle',
        symbolSize: 5,
        itemStyle: { color },
        lineStyle: { color, width: 2 },
      },
      {
        name: names.baseline,
        type: 'line',
        data: item.baseline === null ? [] : [[item.baseline.year, item.baseline.value]],
        symbol: 'rect',
        symbolSize: 7,
        itemStyle: { color: '#595959' },
      },
      {
        name: names.target,
        type: 'line',
        data: item.target === null ? [] : [[item.target.year, item.target.value]],
        symbol: 'diamond',
        symbolSize: 10,
        itemStyle: { color: '#fff', borderColor: '#1d4f91', borderWidth: 2 },
      },
    ],
  };
}
