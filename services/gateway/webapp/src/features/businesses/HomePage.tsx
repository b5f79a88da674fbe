import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Dialog } from "../../components/Dialog";
import { QueryState } from "../../components/QueryState";
import { useBusinesses, useCreateBusiness } from "./api";
import { BusinessCard } from "./BusinessCard";
import { BusinessForm } from "./BusinessForm";
import { Inbox } from "./Inbox";

export function HomePage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [adding, setAdding] = useState(false);
  const businesses = useBusinesses(search.trim());
  const create = useCreateBusiness();
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
      <QueryState loading={businesses.isLoading} error={businesses.error} retry={() => businesses.refetch()} />
      {businesses.data?.length === 0 && <p>{t("home.noBusinesses")}</p>}
      <div className="cards">
        {businesses.data?.map((business) => <BusinessCard key={business.id} business={business} />)}
      </div>
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
