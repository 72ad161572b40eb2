import { BarChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { formatFte } from "../format";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface FormationBar {
  name: string;
  filled: number;
  vacant: number;
  external: number;
}

export interface FormationChartProps {
  bars: FormationBar[];
  description: string;
}

const ROW_HEIGHT = 34;
const CHROME_HEIGHT = 90;

/**
 * Per unit one bar of the budget (filled + vacant) and, beside it, one of the
 * FTE worked by externals: externals need not fill a position (docs/csv.md), so
 * they are not a part of the budget bar.
 * Rendered on a canvas with decal patterns so the series differ without colour;
 * tooltips are drawn in the canvas too, since the CSP forbids inline style attributes.
 */
export default function FormationChart({ bars, description }: FormationChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const height = CHROME_HEIGHT + bars.length * ROW_HEIGHT;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // The canvas takes its size from the container, so set the height first.
    element.style.height = `${height}px`;
    const chart = echarts.init(element, undefined, { renderer: "canvas" });
    const names = bars.map((bar) => bar.name).reverse();
    const series = (key: keyof Omit<FormationBar, "name">, name: string, color: string, stack: string) => ({
      type: "bar" as const,
      name,
      stack,
      data: bars.map((bar) => bar[key]).reverse(),
      itemStyle: { color },
      emphasis: { focus: "series" as const },
    });
    chart.setOption({
      aria: { enabled: true, label: { description }, decal: { show: true } },
      textStyle: { fontFamily: "Noto Sans Variable, Arial, sans-serif", color: "#1a1a1a" },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        renderMode: "richText",
        valueFormatter: (value: unknown) => `${formatFte(Number(value))} fte`,
      },
      legend: { top: 0, textStyle: { color: "#1a1a1a" } },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: "value",
        name: "fte",
        axisLabel: { formatter: (value: number) => formatFte(value), color: "#1a1a1a" },
      },
      yAxis: { type: "category", data: names, axisLabel: { color: "#1a1a1a", width: 220, overflow: "truncate" } },
      series: [
        series("filled", "Bezet", "#24578f", "budget"),
        series("vacant", "Vacant", "#767676", "budget"),
        series("external", "Inzet externen", "#c45100", "external"),
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [bars, description, height]);

  return <div ref={container} className="kwm-chart" role="img" aria-label={description} />;
}
