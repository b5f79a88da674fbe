// Numbers, money and dates for people, through Intl (never string concatenation). Hebrew follows
// Israeli office habits: dates dd/mm/yyyy and money with the symbol first, ₪1,234.50.
export type Language = "en" | "he";

const LOCALE: Record<Language, string> = { en: "en-US", he: "he-IL" };
const BIDI_MARKS = /[\u200e\u200f\u061c\u2066-\u2069]/g;

/** "₪1,234.50", "-$12.00", "1,234.50 XYZ" for an unknown code; "" when there is no amount. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined, language: Language): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return "";
  const code = (currency || "").toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return formatNumber(amount, language, 2);
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(LOCALE[language], {
      style: "currency",
      currency: code,
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).formatToParts(Math.abs(amount));
  } catch {
    return `${formatNumber(amount, language, 2)} ${code}`.trim();
  }
  const symbol = parts.find((p) => p.type === "currency")?.value ?? code;
  const digits = parts
    .filter((p) => ["integer", "group", "decimal", "fraction"].includes(p.type))
    .map((p) => p.value)
    .join("");
  const sign = amount < 0 ? "-" : "";
  return `${sign}${symbol}${digits}`.replace(BIDI_MARKS, "");
}

export function formatNumber(value: number | null | undefined, language: Language, fractionDigits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return new Intl.NumberFormat(LOCALE[language], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  })
    .format(value)
    .replace(BIDI_MARKS, "");
}

export function formatPercent(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return `${formatNumber(value, language, Math.abs(value) < 10 ? 1 : 0)}%`;
}

/** An ISO date ("2025-03-14" or a timestamp) as dd/mm/yyyy in Hebrew, "Mar 14, 2025" in English. */
export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  // Plain calendar dates carry no time zone: build them in UTC so no zone shifts the day.
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (iso.length > 10) {
    const stamp = new Date(iso);
    if (!Number.isNaN(stamp.getTime())) date.setTime(Date.UTC(stamp.getFullYear(), stamp.getMonth(), stamp.getDate()));
  }
  if (language === "he") {
    const dd = String(date.getUTCDate()).padStart(2, "0");
    const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
    return `${dd}/${mm}/${date.getUTCFullYear()}`;
  }
  return new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(date);
}

/** "2025-03" as "March 2025" / "מרץ 2025". */
export function formatMonth(month: string, language: Language, style: "long" | "short" = "long"): string {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(LOCALE[language], { year: "numeric", month: style, timeZone: "UTC" })
    .format(date)
    .replace(BIDI_MARKS, "");
}
