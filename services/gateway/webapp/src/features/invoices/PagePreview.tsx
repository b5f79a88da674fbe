import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { authFetch } from "../../lib/authFetch";
import { API_URL } from "../../lib/config";
import { usePageLayouts } from "./api";
import { locate, type Box } from "./locate";

/** A place on a page: a field's evidence or one of its alternatives. */
export interface Spot {
  text?: string;
  page?: number | null;
  box?: Box | number[] | null;
}

/** The box as percentages of the page, so it scales with the preview image. */
export function boxStyle(box: Box, page: { width: number; height: number }) {
  const [left, top, width, height] = box;
  const percent = (value: number, whole: number) => `${((value / whole) * 100).toFixed(3)}%`;
  return {
    left: percent(left, page.width),
    top: percent(top, page.height),
    width: percent(width, page.width),
    height: percent(height, page.height),
  };
}

function usePageImage(invoiceId: string, page: number) {
  const query = useQuery({
    queryKey: ["invoice", invoiceId, "page", page],
    staleTime: Infinity,
    queryFn: async () => {
      // <img src> cannot send the Authorization header: fetch the PNG and show it as a blob URL.
      const response = await authFetch(`${API_URL || location.origin}/api/invoices/${invoiceId}/pages/${page}.png`);
      if (!response.ok) throw new Error(`page ${page}: HTTP ${response.status}`);
      return URL.createObjectURL(await response.blob());
    },
  });
  return query;
}

/** The original page with the active spot (a field's evidence, or an alternative) drawn over it. */
export function PagePreview({
  invoiceId,
  pageCount,
  spot,
  spotLabel,
}: {
  invoiceId: string;
  pageCount: number;
  spot: Spot | undefined;
  spotLabel: string;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const image = usePageImage(invoiceId, page);
  const layouts = usePageLayouts(invoiceId, pageCount > 0);
  const active = spot;
  useEffect(() => {
    if (active?.page && active.page !== page) setPage(active.page);
  }, [active, page]);
  const layout = layouts.data?.find((candidate) => candidate.number === page);
  // The extractor's own box when it had one; otherwise find the evidence text among the page's words.
  const found = active && (active.page ?? 1) === page && layout ? (active.box as Box | null | undefined) ?? locate(layout.words, active.text ?? "") : null;
  const box = found && layout ? boxStyle(found, layout) : null;
  return (
    <figure className="page-preview">
      <figcaption className="sr-only">{t("detail.original")}</figcaption>
      {pageCount > 1 && (
        <div className="pager">
          <button type="button" onClick={() => setPage(page - 1)} disabled={page <= 1} aria-label={t("detail.previous")}>
            ‹
          </button>
          <span>{t("detail.page", { page, count: pageCount })}</span>
          <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pageCount} aria-label={t("detail.next")}>
            ›
          </button>
        </div>
      )}
      <div className="page-canvas" dir="ltr">
        {image.data && <img src={image.data} alt={t("detail.page", { page, count: pageCount })} />}
        {image.error && <p role="alert">{String((image.error as Error).message)}</p>}
        {box && <div className="evidence-box" data-testid="evidence-box" style={box} title={spotLabel} aria-hidden="true" />}
      </div>
    </figure>
  );
}
