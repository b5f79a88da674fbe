import { useTranslation } from "react-i18next";

/** What a screen shows while its data loads or when loading failed. */
export function QueryState({ loading, error, retry }: { loading: boolean; error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div role="alert" className="error-note">
        {t("app.error", { message: error instanceof Error ? error.message : String(error) })}
        {retry && (
          <button type="button" onClick={retry}>
            {t("app.retry")}
          </button>
        )}
      </div>
    );
  }
  if (loading) return <p aria-busy="true">{t("app.loading")}</p>;
  return null;
}

export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error-note">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}
