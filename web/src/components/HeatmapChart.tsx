import { HeatmapChart as HeatmapSeries } from "echarts/charts";
import { AriaComponent, GridComponent, TooltipComponent, VisualMapContinuousComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([
  HeatmapSeries,
  GridComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  AriaComponent,
  CanvasRenderer,
]);

export interface HeatmapCell {
  /** The figure the colour stands for; null for a cell drawn grey (suppressed, not assessed). */
  value: number | null;
  /** What the cell says, always: colour alone never carries the information. */
  text: string;
}

export interface HeatmapChartProps {
  rows: string[];
  columns: string[];
  /** cells[row][column]; null where the combination does not apply (nothing is drawn). */
  cells: (HeatmapCell | null)[][];
  min: number;
  max: number;
  /** For shares that should be high (meeting), the colours run the other way than for gaps. */
  higherIsBetter?: boolean;
  /** The name of the colour scale, e.g. "Gemiddeld tekort (punten)". */
  legend: string;
  description: string;
  /** A click on a cell opens its row (drill-down); the table beside the chart offers the same by keyboard. */
  onSelectRow?: (row: number) => void;
}

const ROW_HEIGHT = 40;
const CHROME_HEIGHT = 150;
// Light to strong; black text stays readable (contrast ≥ 4.5:1) on every colour of the scale.
const WORSE_TO_BETTER = ["#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de"];
const MUTED = "#d9d9d9";

/**
 * A heatmap on a canvas: one row per person or unit, one column per competency. Every cell prints its figure,
 * grey cells print why they are empty; the data table next to it holds the same figures for screen readers.
 * Tooltips are drawn in the canvas, since the Content Security Policy forbids inline style attributes.
 */
export default function HeatmapChart({
  rows,
  columns,
  cells,
  min,
  max,
  higherIsBetter = false,
  legend,
  description,
  onSelectRow,
}: HeatmapChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const height = CHROME_HEIGHT + rows.length * ROW_HEIGHT;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    element.style.height = `${height}px`;
    const chart = echarts.init(element, undefined, { renderer: "canvas" });
    const coloured: { value: [number, number, number]; text: string }[] = [];
    const muted: { value: [number, number, number]; text: string }[] = [];
    cells.forEach((row, y) =>
      row.forEach((cell, x) => {
        if (!cell) return;
        if (cell.value === null) muted.push({ value: [x, y, 0], text: cell.text });
        else coloured.push({ value: [x, y, cell.value], text: cell.text });
      }),
    );
    const label = {
      show: true,
      color: "#1a1a1a",
      fontSize: 13,
      formatter: (params: { data: { text: string } }) => params.data.text,
    };
    const rotate = columns.length > 5 ? 30 : 0;
    chart.setOption({
      aria: { enabled: true, label: { description } },
      textStyle: { fontFamily: "Noto Sans Variable, Arial, sans-serif", color: "#1a1a1a" },
      tooltip: {
        renderMode: "richText",
        formatter: (params: { data: { value: [number, number, number]; text: string } }) =>
          `${rows[params.data.value[1]]}\n${columns[params.data.value[0]]}: ${params.data.text}`,
      },
      grid: { left: 8, right: 16, top: 16, bottom: 64, containLabel: true },
      xAxis: {
        type: "category",
        data: columns,
        position: "top",
        splitArea: { show: true },
        axisLabel: { color: "#1a1a1a", interval: 0, rotate, width: 140, overflow: "truncate" },
      },
      yAxis: {
        type: "category",
        data: rows,
        inverse: true,
        splitArea: { show: true },
        axisLabel: { color: "#1a1a1a", width: 220, overflow: "truncate" },
      },
      visualMap: {
        type: "continuous",
        seriesIndex: 0,
        min,
        max,
        calculable: false,
        orient: "horizontal",
        left: "center",
        bottom: 0,
        text: higherIsBetter ? ["hoog", `${legend}: laag`] : ["groot", `${legend}: klein`],
        textStyle: { color: "#1a1a1a" },
        inRange: { color: higherIsBetter ? WORSE_TO_BETTER : [...WORSE_TO_BETTER].reverse() },
      },
      series: [
        {
          type: "heatmap",
          name: legend,
          data: coloured,
          label,
          itemStyle: { borderColor: "#fff", borderWidth: 2 },
          emphasis: { itemStyle: { borderColor: "#1a1a1a", borderWidth: 2 } },
        },
        {
          type: "heatmap",
          name: "Zonder cijfer",
          data: muted,
          label,
          itemStyle: { color: MUTED, borderColor: "#fff", borderWidth: 2 },
        },
      ],
    });
    if (onSelectRow) {
      chart.on("click", (params) => {
        const data = params.data as { value?: [number, number, number] } | undefined;
        if (data?.value) onSelectRow(data.value[1]);
      });
      chart.getZr().setCursorStyle("pointer");
    }
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [rows, columns, cells, min, max, higherIsBetter, legend, description, height, onSelectRow]);

  return <div ref={container} className="kwm-chart kwm-heatmap" role="img" aria-label={description} />;
}
