import type { ChartSpec } from "../../components/charts/ChartFigure";
import { formatMoney, formatMonth, type Language } from "../../lib/format";

interface MonthPoint {
  month: string;
  spend: number;
  reclaimable_vat: number;
}

/** A money bar chart over months (the API gives 12 points, oldest first). */
export function monthlyChart(points: MonthPoint[], pick: "spend" | "reclaimable_vat", label: string, currency: string, language: Language): ChartSpec {
  return {
    kind: "bar",
    labels: points.map((point) => formatMonth(point.month, language, "short")),
    series: [{ label, values: points.map((point) => point[pick]), format: (value) => formatMoney(value, currency, language) }],
  };
}

export function hasData(points: { spend: number }[]): boolean {
  return points.some((point) => point.spend !== 0);
}
