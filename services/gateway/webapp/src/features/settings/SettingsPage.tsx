import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText, QueryState } from "../../components/QueryState";
import { api, unwrap } from "../../lib/api";
import { setLanguage, useLanguage } from "../../lib/i18n";
import { isValidIsraeliId } from "../../lib/israeliId";
import { CURRENCIES } from "../auth/AuthPage";

export function SettingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ["me"], queryFn: () => unwrap(api.GET("/api/me")) });
  const [saved, setSaved] = useState(false);
  const [invalid, setInvalid] = useState("");
  const save = useMutation({
    mutationFn: (body: { full_name: string; business_id: string | null; base_currency: string }) => unwrap(api.PATCH("/api/me", { body })),
    onSuccess: () => {
      setSaved(true);
      // The base currency changes every converted figure.
      for (const key of ["me", "analytics", "businesses"]) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const businessId = String(form.get("business_id") ?? "").trim();
    if (businessId && !isValidIsraeliId(businessId)) {
      setInvalid(t("auth.invalidBusinessId"));
      return;
    }
    setInvalid("");
    setSaved(false);
    save.mutate({
      full_name: String(form.get("full_name") ?? ""),
      business_id: businessId || null,
      base_currency: String(form.get("base_currency") ?? "ILS"),
    });
  };
  const data = me.data;
  const currencies = data && !CURRENCIES.includes(data.base_currency) ? [...CURRENCIES, data.base_currency] : CURRENCIES;
  return (
    <div className="settings">
      <h1>{t("settings.title")}</h1>
      <QueryState loading={me.isLoading} error={me.error} />
      {data && (
        <form className="form card" onSubmit={submit}>
          <p className="muted">
            {t("settings.email")}
            <bdi>{data.email}</bdi>
          </p>
          <label>
            {t("settings.fullName")}
            <input name="full_name" defaultValue={data.full_name} dir="auto" />
          </label>
          <label>
            {t("settings.businessId")}
            <input name="business_id" defaultValue={data.business_id ?? ""} inputMode="numeric" dir="ltr" aria-invalid={invalid ? true : undefined} />
            {invalid && <small className="field-error">{invalid}</small>}
          </label>
          <label>
            {t("settings.baseCurrency")}
            <select name="base_currency" defaultValue={data.base_currency}>
              {currencies.map((code) => (
                <option key={code}>{code}</option>
              ))}
            </select>
          </label>
          <label>
            {t("settings.language")}
            <select value={language} onChange={(event) => setLanguage(event.target.value === "he" ? "he" : "en")}>
              <option value="en" lang="en">
                English
              </option>
              <option value="he" lang="he">
                עברית
              </option>
            </select>
          </label>
          <ErrorText error={save.error} />
          {saved && <p role="status">{t("settings.saved")}</p>}
          <button type="submit" className="primary" disabled={save.isPending}>
            {t("settings.save")}
          </button>
        </form>
      )}
    </div>
  );
}
