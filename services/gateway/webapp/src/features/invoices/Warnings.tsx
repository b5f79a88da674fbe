import { useTranslation } from "react-i18next";
import { en } from "../../locales/en";

type WarningCode = keyof typeof en.detail.warning;

/** Warnings in plain words; an unknown code falls back to the server's own message. */
export function Warnings({ warnings }: { warnings: Record<string, unknown>[] }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <section className="warnings" aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t("detail.warnings")}</h2>
      <ul>
        {warnings.map((warning, index) => {
          const code = String(warning.code ?? "");
          const known = code in en.detail.warning && code !== "other";
          return (
            <li key={`${code}-${index}`} className={warning.serious ? "serious" : undefined}>
              {known ? t(`detail.warning.${code as WarningCode}`) : t("detail.warning.other", { message: String(warning.message ?? code) })}
              {known && warning.message ? <small dir="ltr">{String(warning.message)}</small> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
