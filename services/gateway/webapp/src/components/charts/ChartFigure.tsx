// A chart with its numbers as a table for screen readers. Chart.js is loaded only when a chart is
// first shown, so the first screen's JavaScript stays small.
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";

export interface Series {
  label: string;
  values: number[];
  format: (value: number) => string;
}

export interface ChartSpec {
  kind: "bar" | "line" | "doughnut";
  labels: string[];
  series: Series[];
  horizontal?: boolean;
}

const ChartCanvas = lazy(() => import("./ChartCanvas"));

export function ChartFigure({ title, spec, labelHeader }: { title: string; spec: ChartSpec; labelHeader: string }) {
  const { t } = useTranslation();
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="chart-box">
        <Suspense fallback={<p aria-busy="true">{t("app.loading")}</p>}>
          <ChartCanvas title={title} spec={spec} />
        </Suspense>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {spec.series.map((series) => (
              <th scope="col" key={series.label}>
                {series.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.labels.map((label, row) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {spec.series.map((series) => (
                <td key={series.label}>{series.format(series.values[row] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
