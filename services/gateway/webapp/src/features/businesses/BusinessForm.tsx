import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "../../components/QueryState";
import type { Schemas } from "../../lib/api";
import { isValidIsraeliId } from "../../lib/israeliId";

export interface BusinessDraft {
  name: string;
  tax_id: string;
  monthly_limit: string;
  aliases?: string;
}

/** Name, tax id (check digit validated), monthly limit, and other names when editing. */
export function BusinessForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  withAliases = false,
}: {
  initial: BusinessDraft;
  submitLabel: string;
  onSubmit: (body: Schemas["BusinessIn"]) => Promise<unknown>;
  onCancel?: () => void;
  withAliases?: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const taxId = String(form.get("tax_id") ?? "").trim();
    if (taxId && !isValidIsraeliId(taxId)) {
      setError(new Error(t("detail.invalidTaxId")));
      return;
    }
    const limit = String(form.get("monthly_limit") ?? "").trim();
    const body: Schemas["BusinessIn"] = {
      name: String(form.get("name") ?? "").trim(),
      tax_id: taxId || null,
      monthly_limit: limit ? Number(limit) : null,
    };
    if (withAliases) {
      body.aliases = String(form.get("aliases") ?? "")
        .split(",")
        .map((alias) => alias.trim())
        .filter(Boolean);
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={submit}>
      <label>
        {t("business.name")}
        <input name="name" required defaultValue={initial.name} dir="auto" />
      </label>
      <label>
        {t("business.taxId")}
        <input name="tax_id" defaultValue={initial.tax_id} inputMode="numeric" dir="ltr" />
      </label>
      <label>
        {t("business.monthlyLimit")}
        <input name="monthly_limit" type="number" min="0" step="0.01" defaultValue={initial.monthly_limit} dir="ltr" />
      </label>
      {withAliases && (
        <label>
          {t("business.aliases")}
          <input name="aliases" defaultValue={initial.aliases} dir="auto" />
        </label>
      )}
      <ErrorText error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t("business.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
