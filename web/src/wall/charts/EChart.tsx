'use client';
// Renders one ECharts option into a div that fills its panel; the option is built elsewhere (pure
// functions beside this file), so this component only owns the chart instance's life and size.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { init, use as registerEcharts, type EChartsType } from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { STAGE_WIDTH } from '../components/Stage.js';

registerEcharts([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  CanvasRenderer,
]);

export function EChart({ option, testId }: { option: EChartsOption; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    // The stage is scaled by a CSS transform (×2 on a 3840 px wall): draw at the scaled resolution, or the
    // canvas would be upsampled and blurry.
    const stageScale = Math.max(1, window.innerWidth / STAGE_WIDTH);
    const instance = init(element, undefined, {
      renderer: 'canvas',
      devicePixelRatio: window.devicePixelRatio * stageScale,
    });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Merge, not replace: the series keep their identity, so values animate instead of redrawing.
    chart.current?.setOption(option, { lazyUpdate: true });
  }, [option]);

  return <div ref={host} className="chart" data-testid={testId} />;
}
