import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as register, type ComposeOption, type ECElementEvent } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

// Only the charts and parts used here: the whole of ECharts would add 2 MB to the bundle.
register([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** What was clicked: the series (one per measure) and the item within it (one per summary row). */
export type ChartClick = { seriesIndex: number; dataIndex: number };

type Props = {
  /** Names the chart for tests and tools: the container's `data-chart`. */
  name: string;
  option: ChartOption;
  height?: number;
  /** The chart's description for screen readers (the numbers themselves are in the table view). */
  label: string;
  onClick?: (click: ChartClick) => void;
};

/**
 * One ECharts chart: created on mount, disposed on unmount, resized with its container (a tablet turned,
 * the menu folded), redrawn from scratch when the option changes.
 *
 * After each drawing the container's `data-option` holds what the chart itself reports
 * (`getOption()`, as JSON), so that a browser test can read the labels and values a chart shows from
 * the page (`[data-chart="…"]`) instead of from its pixels.
 */
export function EChart({ name, option, height = 320, label, onClick }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  // The latest handler, so that a new one on each render does not re-bind the chart's listener.
  const clicked = useRef(onClick);
  useEffect(() => {
    clicked.current = onClick;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event: ECElementEvent) => {
      if (event.seriesIndex !== undefined)
        clicked.current?.({ seriesIndex: event.seriesIndex, dataIndex: event.dataIndex });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    const element = container.current;
    if (!instance || !element) return;
    instance.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
    element.dataset['option'] = JSON.stringify(instance.getOption());
  }, [option]);

  const style: CSSProperties = { width: '100%', height, cursor: onClick ? 'pointer' : undefined };
  return <div ref={container} style={style} data-chart={name} role="img" aria-label={label} />;
}
