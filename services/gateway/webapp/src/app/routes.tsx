import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { AuthPage } from "../features/auth/AuthPage";
import { HomePage } from "../features/businesses/HomePage";
import { BusinessPage } from "../features/businesses/BusinessPage";
import { InvoicesPage } from "../features/invoices/InvoicesPage";
import { InvoiceDetailPage } from "../features/invoices/InvoiceDetailPage";
import { AnalyticsPage } from "../features/analytics/AnalyticsPage";
import { InsightsPage } from "../features/insights/InsightsPage";
import { SettingsPage } from "../features/settings/SettingsPage";
import { UploadPage } from "../features/upload/UploadPage";
import { clearUploads } from "../features/upload/uploads";
import { LiveEvents } from "../features/live/LiveEvents";
import { Layout } from "./Layout";
import { useSignedIn } from "./useSession";

function NotFound() {
  const { t } = useTranslation();
  return <p>{t("app.notFound")}</p>;
}

export function AppRoutes() {
  const signedIn = useSignedIn();
  const location = useLocation();
  const queryClient = useQueryClient();
  // Another account's data must never be shown from the cache after a log-out.
  useEffect(() => {
    if (signedIn) return;
    queryClient.clear();
    clearUploads();
  }, [signedIn, queryClient]);

  if (!signedIn) {
    return (
      <Routes>
        <Route path="/signup" element={<AuthPage mode="signup" />} />
        <Route path="/login" element={<AuthPage mode="login" />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname }} />} />
      </Routes>
    );
  }
  return (
    <LiveEvents>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="upload" element={<UploadPage />} />
          <Route path="invoices" element={<InvoicesPage />} />
          <Route path="invoices/:invoiceId" element={<InvoiceDetailPage />} />
          <Route path="businesses/:businessId" element={<BusinessPage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="insights" element={<InsightsPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="login" element={<Navigate to="/" replace />} />
          <Route path="signup" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </LiveEvents>
  );
}
