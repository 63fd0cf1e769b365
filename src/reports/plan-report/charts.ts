/**
 * The report's charts, drawn on the server by ECharts as SVG text (no browser, no animation, fixed sizes) with
 * Chinese labels. Colour never carries meaning alone: the target is a dashed line with its value written on it, the
 * projection a dotted line, a lower bound a triangle marked 至少, a figure summed from below a diamond marked 汇总,
 * every bar its value and rank. The same data also prints as a table, where an image cannot be made.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption } from 'echarts/components';
import { init, use } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { figure } from './text.ts';
import type { ChartSpec, PlanReportModel, RankingChart, TableCell, TableColumn, TrendChart } from './types.ts';

use([LineChart, BarChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

type Option = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

/** A chart as SVG text with its size in CSS pixels. */
export interface RenderedChart {
  svg: string;
  width: number;
  height: number;
}

/** The width every chart is drawn at: the text width of an A4 page with official margins (15.6 cm) at 96 dpi. */
export const CHART_WIDTH = 580;

// Unquoted: ECharts writes the family into an SVG style attribute delimited by double quotes.
const FONT = 'Noto Sans CJK SC, SimHei, Microsoft YaHei, sans-serif';
const INK = '#1f1f1f';
const OBSERVED = '#1f4e79';
const TARGET = '#b00020';
const PROJECTION = '#595959';
const COMPUTED = '#6f8fb0';

/** Draws one chart. */
export function renderChart(spec: ChartSpec): RenderedChart {
  const height = spec.kind === 'trend' ? 300 : 70 + 32 * spec.bars.length;
  const option = spec.kind === 'trend' ? trendOption(spec) : rankingOption(spec);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  // An undisposed chart keeps a timer alive and holds the process open.
  try {
    chart.setOption(option);
    return { svg: chart.renderToSVGString(), width: CHART_WIDTH, height };
  } finally {
    chart.dispose();
  }
}

const base = {
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: FONT, fontSize: 12, color: INK },
} as const;

function trendOption(spec: TrendChart): Option {
  const labels = spec.years.map((year) => `${String(year)}年`);
  const at = (year: number) => spec.years.indexOf(year);
  const observed = spec.years.map((year) => {
    const point = spec.observed.find((one) => one.year === year);
    if (point === undefined) return null;
    const text = `${point.lowerBound ? '至少' : ''}${figure(point.value, '', point.computed)}${point.computed ? '(汇总)' : ''}`;
    return {
      value: point.value,
      symbol: point.lowerBound ? 'triangle' : point.computed ? 'diamond' : 'circle',
      label: { show: true, position: 'top' as const, formatter: text },
    };
  });
  // The projection starts at the latest figure, drawn already: only its end gets a marker.
  const projection = spec.years.map((year) =>
    spec.projection === null
      ? null
      : year === spec.projection.from.year
        ? { value: spec.projection.from.value, symbol: 'none' }
        : year === spec.projection.to.year
          ? { value: spec.projection.to.value, symbol: 'emptyCircle' }
          : null,
  );
  const values = [
    ...spec.observed.map((point) => point.value),
    ...(spec.baseline === null ? [] : [spec.baseline.value]),
    ...(spec.target === null ? [] : [spec.target.value]),
    ...(spec.projection === null ? [] : [spec.projection.to.value]),
  ];
  const [min, max] = niceRange(values, spec.unit === '%' ? 100 : null);
  const series: Option['series'] = [
    {
      name: '监测值',
      type: 'line',
      data: observed,
      connectNulls: true,
      symbolSize: 9,
      lineStyle: { color: OBSERVED, width: 2, type: 'solid' },
      itemStyle: { color: OBSERVED },
    },
    {
      name: '规划基期值',
      type: 'scatter',
      data: spec.baseline === null ? [] : [[at(spec.baseline.year), spec.baseline.value]],
      symbol: 'rect',
      symbolSize: 9,
      itemStyle: { color: INK },
      label: { show: true, position: 'bottom', formatter: `基期${figure(spec.baseline?.value ?? 0, '')}` },
    },
    {
      name: '趋势预测',
      type: 'line',
      data: projection,
      connectNulls: true,
      symbolSize: 8,
      lineStyle: { color: PROJECTION, width: 2, type: 'dotted' },
      itemStyle: { color: PROJECTION },
      label: {
        show: true,
        position: 'top',
        formatter: (params) =>
          spec.projection !== null && params.dataIndex === at(spec.projection.to.year)
            ? `预测${figure(spec.projection.to.value, '', true)}`
            : '',
      },
    },
  ];
  if (spec.target !== null) {
    series.push({
      name: '目标值',
      type: 'line',
      data: [],
      lineStyle: { color: TARGET, width: 1.5, type: 'dashed' },
      itemStyle: { color: TARGET },
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: TARGET, width: 1.5, type: 'dashed' },
        label: {
          formatter: `目标${spec.target.text}\n（${String(spec.target.year)}年）`,
          position: 'end',
          color: TARGET,
        },
        data: [{ yAxis: spec.target.value }],
      },
    });
  }
  return {
    ...base,
    grid: { left: 64, right: 120, top: 40, bottom: 64 },
    legend: { bottom: 6, itemWidth: 28, textStyle: { fontFamily: FONT, fontSize: 12, color: INK } },
    xAxis: { type: 'category', data: labels, boundaryGap: true, axisLabel: { color: INK } },
    yAxis: { type: 'value', name: spec.unit, min, max, axisLabel: { color: INK } },
    series,
  };
}

function rankingOption(spec: RankingChart): Option {
  const values = spec.bars.map((bar) => bar.value);
  const max = niceRange(
    [0, ...values, ...(spec.target === null ? [] : [spec.target.value])],
    spec.unit === '%' ? 100 : null,
  )[1];
  return {
    ...base,
    grid: { left: 96, right: 150, top: 40, bottom: 32 },
    xAxis: { type: 'value', name: spec.unit, min: 0, max, axisLabel: { color: INK } },
    yAxis: { type: 'category', inverse: true, data: spec.bars.map((bar) => bar.region), axisLabel: { color: INK } },
    series: [
      {
        name: spec.title,
        type: 'bar',
        barMaxWidth: 20,
        data: spec.bars.map((bar) => ({
          value: bar.value,
          itemStyle: { color: bar.computed ? COMPUTED : OBSERVED },
          label: {
            show: true,
            position: 'right' as const,
            formatter: `${figure(bar.value, '', bar.computed)}${bar.computed ? '(汇总)' : ''}\u3000第${String(bar.rank)}位`,
          },
        })),
        markLine:
          spec.target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: TARGET, width: 1.5, type: 'dashed' },
                label: { formatter: `目标${spec.target.text}`, position: 'start', color: TARGET },
                data: [{ xAxis: spec.target.value }],
              },
      },
    ],
  };
}

/**
 * Axis bounds a little beyond the values, on round numbers, so labels above the points stay inside; never past
 * `limit` (100 for a share) when no value passes it.
 */
export function niceRange(values: readonly number[], limit: number | null): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const span = high - low || Math.abs(high) * 0.1 || 1;
  const step = 10 ** Math.floor(Math.log10(span / 4));
  const min = low >= 0 && low - span * 0.3 < 0 ? 0 : Math.floor((low - span * 0.3) / step) * step;
  const rounded = Math.ceil((high + span * 0.3) / step) * step;
  const max = limit !== null && high <= limit ? Math.min(rounded, limit) : rounded;
  return [Number(min.toPrecision(12)), Number(max.toPrecision(12))];
}

/** A chart's data as a table, printed where the chart cannot be drawn as an image. */
export function chartTable(spec: ChartSpec): { columns: TableColumn[]; rows: TableCell[][] } {
  if (spec.kind === 'ranking') {
    return {
      columns: [
        { title: '位次', width: 1, align: 'center' },
        { title: '地区', width: 2 },
        { title: `数值${spec.unit === '' ? '' : `（${spec.unit}）`}`, width: 2, align: 'center' },
      ],
      rows: spec.bars.map((bar) => [
        { text: String(bar.rank) },
        { text: bar.region },
        { text: `${figure(bar.value, '', bar.computed)}${bar.computed ? '（汇总）' : ''}` },
      ]),
    };
  }
  const rows: TableCell[][] = [];
  if (spec.baseline !== null)
    rows.push([
      { text: `${String(spec.baseline.year)}年` },
      { text: '规划基期值' },
      { text: figure(spec.baseline.value, spec.unit) },
    ]);
  for (const point of spec.observed) {
    const kind = point.lowerBound ? '监测值（下限）' : point.computed ? '监测值（由下级汇总）' : '监测值';
    const value = `${point.lowerBound ? '至少' : ''}${figure(point.value, spec.unit, point.computed)}`;
    rows.push([{ text: `${String(point.year)}年` }, { text: kind }, { text: value }]);
  }
  if (spec.projection !== null) {
    rows.push([
      { text: `${String(spec.projection.to.year)}年` },
      { text: '趋势预测' },
      { text: figure(spec.projection.to.value, spec.unit, true) },
    ]);
  }
  if (spec.target !== null)
    rows.push([{ text: `${String(spec.target.year)}年` }, { text: '目标值' }, { text: spec.target.text }]);
  return {
    columns: [
      { title: '年份', width: 1, align: 'center' },
      { title: '数据', width: 2 },
      { title: '数值', width: 2, align: 'center' },
    ],
    rows,
  };
}

/** Every chart of the report, in order, with its SVG. */
export function reportCharts(model: PlanReportModel): { chart: ChartSpec; rendered: RenderedChart }[] {
  return model.sections.flatMap((section) =>
    section.blocks.flatMap((block) =>
      block.kind === 'chart' ? [{ chart: block.chart, rendered: renderChart(block.chart) }] : [],
    ),
  );
}
