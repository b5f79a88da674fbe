import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from "chart.js";
import { Chart } from "react-chartjs-2";
import { useLanguage } from "../../lib/i18n";
import type { ChartSpec } from "./ChartFigure";

ChartJS.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

const COLORS = ["#2f6fdf", "#1f9d74", "#e08a1e", "#c2410c", "#7c3aed", "#0e7490", "#be185d", "#4d7c0f"];

export default function ChartCanvas({ title, spec }: { title: string; spec: ChartSpec }) {
  const rtl = useLanguage() === "he";
  const doughnut = spec.kind === "doughnut";
  const data = {
    labels: spec.labels,
    datasets: spec.series.map((series, index) => ({
      label: series.label,
      data: series.values,
      backgroundColor: doughnut ? spec.labels.map((_, i) => COLORS[i % COLORS.length]) : COLORS[index % COLORS.length],
      borderColor: COLORS[index % COLORS.length],
    })),
  };
  const format = spec.series[0]?.format ?? String;
  const options: ChartOptions = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    locale: rtl ? "he-IL" : "en-US",
    indexAxis: spec.horizontal ? "y" : "x",
    plugins: {
      legend: { display: doughnut || spec.series.length > 1, rtl, position: "bottom" },
      tooltip: { rtl, callbacks: { label: (item) => `${item.dataset.label ?? ""}: ${format(Number(item.raw))}` } },
    },
    // In Hebrew time runs right to left, like the text: the category axis is mirrored.
    scales: doughnut
      ? {}
      : spec.horizontal
        ? { x: { reverse: rtl, ticks: { callback: (v) => format(Number(v)) } }, y: { position: rtl ? "right" : "left" } }
        : { x: { reverse: rtl }, y: { position: rtl ? "right" : "left", ticks: { callback: (v) => format(Number(v)) } } },
  };
  return <Chart type={spec.kind} data={data} options={options} role="img" aria-label={title} />;
}
