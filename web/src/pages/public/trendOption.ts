/**
 * The trend chart of one indicator: its published figures by year, the plan's baseline and target as marked
 * points. Years without a figure stay empty (the line breaks there), never drawn as 0 or filled in.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { PublicIndicatorProgress } from '../../api/public.ts';
import type { Locale } from '../../i18n/index.tsx';
import { axisYears, formatNumber } from './figures.ts';

export interface TrendLabels {
  baseline: string;
  target: string;
  figures: string;
}

/** The ECharts option for an indicator's trend over the plan's period. */
export function trendOption(
  item: PublicIndicatorProgress,
  period: { start: number; end: number },
  labels: TrendLabels,
  locale: Locale,
): EChartsCoreOption {
  const years = axisYears(item, period);
  const valueAt = (year: number) => item.series.find((point) => point.year === year)?.value ?? null;
  const marker = (year: number | undefined, value: number | undefined) =>
    years.map((y) => (y === year && value !== undefined ? value : null));
  const unit = item.unit === '%' ? '%' : item.unit === null ? '' : ` ${item.unit}`;
  const format = (value: unknown) => (typeof value === 'number' ? `${formatNumber(value, locale)}${unit}` : '—');
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.figures, labels.baseline, labels.target] },
    tooltip: { trigger: 'axis', valueFormatter: format },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: true },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (value: number) => formatNumber(value, locale) } },
    series: [
      {
        name: labels.figures,
        type: 'line',
        data: years.map(valueAt),
        connectNulls: false,
        showSymbol: true,
        symbolSize: 8,
        lineStyle: { width: 2 },
        color: '#1d4f91',
      },
      {
        name: labels.baseline,
        type: 'line',
        data: marker(item.baseline?.year, item.baseline?.value),
        symbol: 'diamond',
        symbolSize: 12,
        lineStyle: { opacity: 0 },
        color: '#8c8c8c',
      },
      {
        name: labels.target,
        type: 'line',
        data: marker(item.target?.year, item.target?.value),
        symbol: 'triangle',
        symbolSize: 13,
        lineStyle: { opacity: 0 },
        color: '#389e0d',
        markLine:
          item.target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#389e0d' },
                label: { formatter: `${labels.target} ${format(item.target.value)}`, position: 'insideEndTop' },
                data: [{ yAxis: item.target.value }],
              },
      },
    ],
  };
}
