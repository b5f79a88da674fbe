import { formatMoney } from "../lib/format";
import { useLanguage } from "../lib/i18n";

/** An amount in its currency, isolated left-to-right so it reads right inside Hebrew text. */
export function Money({ amount, currency }: { amount: number | null | undefined; currency: string | null | undefined }) {
  const language = useLanguage();
  return (
    <bdi dir="ltr" className="money">
      {formatMoney(amount, currency, language)}
    </bdi>
  );
}
