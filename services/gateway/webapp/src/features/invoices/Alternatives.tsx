import { useTranslation } from "react-i18next";
import { type Alternative, fieldText } from "./fields";

/** Other readings of an unsure field: a click fills the field; hover or focus shows where it is printed.
 * `describe` says a value as the field shows it (a document type by its name in the current language). */
export function Alternatives({
  fieldLabel,
  options,
  describe = fieldText,
  onPick,
  onHover,
  onFocusChange,
}: {
  fieldLabel: string;
  options: { alternative: Alternative; index: number }[];
  describe?: (value: Alternative["value"]) => string;
  onPick: (alternative: Alternative) => void;
  onHover: (index: number | null) => void;
  onFocusChange: (index: number | null) => void;
}) {
  const { t } = useTranslation();
  if (!options.length) return null;
  return (
    <div className="alternatives" role="group" aria-label={t("detail.alternatives", { field: fieldLabel })}>
      <small>{t("detail.alternativesLead")}</small>
      {options.map(({ alternative, index }) => (
        <button
          type="button"
          key={index}
          className="chip"
          onClick={() => onPick(alternative)}
          onMouseEnter={() => onHover(index)}
          onMouseLeave={() => onHover(null)}
          onFocus={() => onFocusChange(index)}
          onBlur={() => onFocusChange(null)}
        >
          <bdi dir="auto">{describe(alternative.value)}</bdi>
          {alternative.label && (
            <small className="alternative-label">
              {" "}
              (<bdi dir="auto">{alternative.label}</bdi>)
            </small>
          )}
        </button>
      ))}
    </div>
  );
}
