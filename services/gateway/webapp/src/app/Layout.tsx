import { NavLink, Outlet, useNavigate } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { api } from "../lib/api";
import { setLanguage, useLanguage } from "../lib/i18n";
import { session } from "../lib/session";

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const next = language === "he" ? "en" : "he";
  return (
    <button type="button" className="link-button" lang={next} onClick={() => setLanguage(next)}>
      {t("nav.switchLanguage")}
    </button>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = async () => {
    const refreshToken = session.refresh;
    await api.POST("/api/auth/logout", { body: { refresh_token: refreshToken } }).catch(() => undefined);
    session.clear("logout");
    navigate("/login");
  };
  const links: [string, string][] = [
    ["/", t("nav.businesses")],
    ["/upload", t("nav.upload")],
    ["/invoices", t("nav.invoices")],
    ["/analytics", t("nav.analytics")],
    ["/insights", t("nav.insights")],
    ["/settings", t("nav.settings")],
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          {t("app.name")}
        </NavLink>
        <nav aria-label={t("nav.main")} className="main-nav">
          {links.map(([to, label]) => (
            <NavLink key={to} to={to} end={to === "/"}>
              {label}
            </NavLink>
          ))}
        </nav>
        <div className="session-tools">
          <LanguageSwitch />
          <button type="button" onClick={logout}>
            {t("nav.logout")}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
