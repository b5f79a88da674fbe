import { useTranslation } from "react-i18next";
import { formatPercent } from "../lib/format";
import { useLanguage } from "../lib/i18n";

export type BudgetLevel = "ok" | "near" | "over";

/** Green below 80 % of the limit, orange up to 100 %, red above. */
export function budgetLevel(utilizationPercent: number): BudgetLevel {
  if (utilizationPercent > 100) return "over";
  if (utilizationPercent >= 80) return "near";
  return "ok";
}

export function BudgetBar({ utilizationPercent }: { utilizationPercent: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const level = budgetLevel(utilizationPercent);
  const label = t("home.budgetUse", { percent: formatPercent(utilizationPercent, language) });
  return (
    <div
      className={`budget-bar budget-${level}`}
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(100, Math.round(utilizationPercent))}
      aria-label={label}
      title={label}
    >
      <span style={{ inlineSize: `${Math.min(100, Math.max(0, utilizationPercent))}%` }} />
    </div>
  );
}
