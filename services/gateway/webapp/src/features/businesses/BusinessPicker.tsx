import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebounced } from "../../lib/useDebounced";
import { useBusiness, useBusinessMatches } from "./api";
import { hiddenMatches } from "./pages";

type Props = {
  label: string;
  value: string;
  onChange: (businessId: string) => void;
  /** The form field name, when the picker is part of a form read with FormData. */
  name?: string;
  emptyLabel?: string;
  excludeId?: string;
  required?: boolean;
};

/** Search-as-you-type choice of one business: a search box and the first matches in a list, so a
 * form never loads every business of a large account. */
export function BusinessPicker({ label, value, onChange, name, emptyLabel = "", excludeId, required }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const needle = useDebounced(text.trim());
  const matches = useBusinessMatches(needle);
  const chosen = useBusiness(value);
  const hintId = useId();
  const options = (matches.data?.items ?? []).filter((business) => business.id !== excludeId);
  const chosenShown = !value || options.some((business) => business.id === value);
  const hidden = hiddenMatches(matches.data);
  return (
    <div className="business-picker">
      <label>
        {t("picker.find", { label })}
        <input type="search" value={text} onChange={(event) => setText(event.target.value)} dir="auto" aria-describedby={hintId} />
      </label>
      <label>
        {label}
        <select name={name} value={value} onChange={(event) => onChange(event.target.value)} required={required} aria-busy={matches.isFetching}>
          <option value="">{emptyLabel}</option>
          {!chosenShown && chosen.data && <option value={chosen.data.id}>{chosen.data.name}</option>}
          {options.map((business) => (
            <option key={business.id} value={business.id}>
              {business.name}
            </option>
          ))}
        </select>
      </label>
      <small id={hintId} className="muted" aria-live="polite">
        {matches.data && matches.data.total === 0 ? t("picker.none") : hidden > 0 ? t("picker.more", { count: hidden }) : ""}
      </small>
    </div>
  );
}
