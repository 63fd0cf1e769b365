/**
 * An Apache ECharts chart in a React component: created once, given new options as they change, resized with its
 * box, disposed on unmount. Only the parts of ECharts the app uses are bundled.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

interface EChartProps {
  option: EChartsCoreOption;
  style?: CSSProperties;
  /** The chart's description for screen readers (charts are images to them). */
  ariaLabel: string;
  onClick?: (params: { name: string; dataIndex: number; seriesName?: string }) => void;
}

/** One chart; SVG so it stays sharp when printed and zoomed. */
export function EChart({ option, style, ariaLabel, onClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (box.current === null) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      instance.resize();
    });
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (instance === null || onClick === undefined) return;
    const handler = (params: unknown) => {
      onClick(params as { name: string; dataIndex: number; seriesName?: string });
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  return <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height: 240, ...style }} />;
}
