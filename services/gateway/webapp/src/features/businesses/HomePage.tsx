import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Dialog } from "../../components/Dialog";
import { ErrorText, QueryState } from "../../components/QueryState";
import { formatNumber } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { useDebounced } from "../../lib/useDebounced";
import { useBusinessPages, useCreateBusiness, useMoveBusiness } from "./api";
import { BusinessCard } from "./BusinessCard";
import { BusinessForm } from "./BusinessForm";
import { Inbox } from "./Inbox";
import { loadedBusinesses, moveTarget } from "./pages";

/** Calls `onVisible` whenever the returned element scrolls into view (the next page loads itself). */
function useWhenVisible(onVisible: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(onVisible);
  latest.current = onVisible;
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && latest.current(), {
      rootMargin: "200px",
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return ref;
}

export function HomePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState("");
  const [adding, setAdding] = useState(false);
  const needle = useDebounced(search.trim());
  const pages = useBusinessPages(needle);
  const create = useCreateBusiness();
  const move = useMoveBusiness();
  const businesses = loadedBusinesses(pages.data?.pages ?? []);
  const total = pages.data?.pages[0]?.total ?? 0;
  const loadMore = () => {
    if (pages.hasNextPage && !pages.isFetchingNextPage) pages.fetchNextPage();
  };
  const sentinel = useWhenVisible(loadMore);
  const canReorder = needle === ""; // moves are relative to neighbours in the full list, not in matches
  return (
    <div className="home">
      <div className="page-head">
        <h1>{t("home.title")}</h1>
        <div className="actions">
          <Link to="/upload" className="button primary">
            {t("home.uploadCta")}
          </Link>
          <button type="button" onClick={() => setAdding(true)}>
            {t("home.addBusiness")}
          </button>
        </div>
      </div>
      <Inbox />
      <label className="search">
        {t("home.search")}
        <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} dir="auto" />
      </label>
      <QueryState loading={pages.isLoading} error={pages.error} retry={() => pages.refetch()} />
      {pages.data && businesses.length === 0 && <p>{t(needle ? "home.noMatches" : "home.noBusinesses")}</p>}
      {businesses.length > 0 && (
        <p className="muted" aria-live="polite">
          {t("home.shown", { shown: formatNumber(businesses.length, language), total: formatNumber(total, language) })}
        </p>
      )}
      <ErrorText error={move.error} />
      <div className="cards">
        {businesses.map((business, index) => (
          <div key={business.id} className="card-slot">
            <BusinessCard business={business} />
            {canReorder && (
              <div className="actions reorder">
                {(["up", "down"] as const).map((direction) => {
                  const target = moveTarget(businesses, index, direction);
                  return (
                    <button
                      key={direction}
                      type="button"
                      disabled={!target || move.isPending}
                      onClick={() => target && move.mutate({ businessId: business.id, target })}
                      aria-label={t(direction === "up" ? "home.moveUp" : "home.moveDown", { name: business.name })}
                    >
                      {direction === "up" ? "↑" : "↓"}
                    </button>
                  );
                })}
              </div>
            )}
          </div>
        ))}
      </div>
      <div ref={sentinel} />
      {pages.hasNextPage && (
        <button type="button" onClick={loadMore} disabled={pages.isFetchingNextPage} aria-busy={pages.isFetchingNextPage}>
          {t("home.loadMore")}
        </button>
      )}
      {adding && (
        <Dialog title={t("home.addBusiness")} onClose={() => setAdding(false)}>
          <BusinessForm
            initial={{ name: "", tax_id: "", monthly_limit: "" }}
            submitLabel={t("business.save")}
            onSubmit={async (body) => {
              await create.mutateAsync(body);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        </Dialog>
      )}
    </div>
  );
}
