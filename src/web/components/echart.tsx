import { BarChart, LineChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ECharts, type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the charts and parts the pages draw are bundled; a new chart type is registered here.
use([TreemapChart, BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** What a chart event hands its handler: the clicked item's data as the option gave it, among others. */
export interface ChartEvent {
  componentType?: string;
  seriesName?: string;
  name?: string;
  dataIndex?: number;
  data?: unknown;
}

interface Props {
  /** A whole option from a `charts/*.option.ts` function; replaced (not merged) when it changes. */
  option: EChartsCoreOption;
  height?: number | string;
  style?: CSSProperties;
  /** Event name ('click', …) → handler. */
  onEvents?: Record<string, (event: ChartEvent) => void>;
  loading?: boolean;
  testId?: string;
}

/**
 * One ECharts instance on a div: made on mount, given each new option, resized with its box,
 * disposed on unmount. No wrapper library; the options themselves are pure functions with tests.
 */
export function EChart({ option, height = 320, style, onEvents, loading, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const handlers = useRef(onEvents);
  handlers.current = onEvents;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // Handlers are looked up at event time, so a new closure each render needs no re-binding.
  const events = Object.keys(onEvents ?? {}).sort().join(',');
  useEffect(() => {
    const instance = chart.current;
    if (!instance || !events) return;
    const names = events.split(',');
    for (const name of names) instance.on(name, (e) => handlers.current?.[name]?.(e as ChartEvent));
    return () => {
      for (const name of names) instance.off(name);
    };
  }, [events]);

  useEffect(() => {
    if (loading) chart.current?.showLoading();
    else chart.current?.hideLoading();
  }, [loading]);

  return <div ref={box} style={{ width: '100%', height, ...style }} data-testid={testId} />;
}
