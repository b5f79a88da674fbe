import type { ReactNode } from "react";

export function KpiList({ children }: { children: ReactNode }) {
  return <dl className="kpis">{children}</dl>;
}

export function Kpi({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd>
        {value}
        {note && <small>{note}</small>}
      </dd>
    </div>
  );
}
