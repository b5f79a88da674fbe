import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { LanguageSwitch } from "../../app/Layout";
import { ErrorText } from "../../components/QueryState";
import { api, unwrap } from "../../lib/api";
import { isValidIsraeliId } from "../../lib/israeliId";
import { session } from "../../lib/session";

export const CURRENCIES = ["ILS", "USD", "EUR", "GBP"];

/** Welcome screen with the log-in or sign-up form. */
export function AuthPage({ mode }: { mode: "login" | "signup" }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [businessIdError, setBusinessIdError] = useState("");
  const expired = session.expired && mode === "login";
  const points = t("auth.welcomePoints", { returnObjects: true }) as string[];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setError(null);
    try {
      setBusy(true);
      if (mode === "signup") {
        const businessId = String(form.get("business_id") ?? "").trim();
        if (businessId && !isValidIsraeliId(businessId)) {
          setBusinessIdError(t("auth.invalidBusinessId"));
          return;
        }
        const body = {
          email,
          password,
          full_name: String(form.get("full_name") ?? ""),
          business_id: businessId || null,
          base_currency: String(form.get("base_currency") ?? "ILS"),
        };
        session.save(await unwrap(api.POST("/api/auth/signup", { body })));
      } else {
        session.save(await unwrap(api.POST("/api/auth/login", { body: { email, password } })));
      }
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== "/login" && from !== "/signup" ? from : "/", { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="welcome">
      <header className="welcome-head">
        <span className="brand">{t("app.name")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="welcome-main">
        <section className="welcome-intro">
          <h1>{t("auth.welcomeTitle")}</h1>
          <p>{t("app.tagline")}</p>
          <ul>
            {points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </section>
        <section className="card auth-card">
          <h2>{mode === "signup" ? t("auth.signupTitle") : t("auth.loginTitle")}</h2>
          {expired && (
            <p role="status" className="notice">
              {t("auth.expired")}
            </p>
          )}
          <form onSubmit={submit} className="form" noValidate={false}>
            {mode === "signup" && (
              <label>
                {t("auth.fullName")}
                <input name="full_name" autoComplete="name" dir="auto" />
              </label>
            )}
            <label>
              {t("auth.email")}
              <input name="email" type="email" autoComplete="email" required dir="ltr" />
            </label>
            <label>
              {t("auth.password")}
              <input
                name="password"
                type="password"
                required
                minLength={mode === "signup" ? 8 : undefined}
                autoComplete={mode === "signup" ? "new-password" : "current-password"}
                dir="ltr"
              />
            </label>
            {mode === "signup" && (
              <>
                <div className="field">
                  <label htmlFor="business-id">{t("auth.businessId")}</label>
                  <input
                    id="business-id"
                    name="business_id"
                    inputMode="numeric"
                    pattern="[0-9]{5,9}"
                    aria-describedby="business-id-hint"
                    aria-invalid={businessIdError ? true : undefined}
                    dir="ltr"
                    onChange={() => setBusinessIdError("")}
                  />
                  <small id="business-id-hint" className={businessIdError ? "field-error" : undefined}>
                    {businessIdError || t("auth.businessIdHint")}
                  </small>
                </div>
                <label>
                  {t("auth.baseCurrency")}
                  <select name="base_currency" defaultValue="ILS">
                    {CURRENCIES.map((code) => (
                      <option key={code}>{code}</option>
                    ))}
                  </select>
                </label>
              </>
            )}
            <ErrorText error={error} />
            <button type="submit" className="primary" disabled={busy}>
              {mode === "signup" ? t("auth.signup") : t("auth.login")}
            </button>
          </form>
          <p>
            {mode === "signup" ? <Link to="/login">{t("auth.toLogin")}</Link> : <Link to="/signup">{t("auth.toSignup")}</Link>}
          </p>
        </section>
      </main>
    </div>
  );
}
