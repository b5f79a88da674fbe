import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { act } from "react";
import type { InvoiceDetail } from "../../lib/api";
import { setLanguage } from "../../lib/i18n";
import { session } from "../../lib/session";
import { renderWithApp } from "../../testing/render";
import { FieldsForm } from "./FieldsForm";
import type { ActiveSpot } from "./fields";

// An invoice as the gateway returns it: the total is unsure and has ranked alternatives (the rules'
// choice first); the vendor is sure.
function invoiceWithAlternatives(): InvoiceDetail {
  return {
    id: "11111111-2222-3333-4444-555555555555",
    status: "needs_review",
    filename: "slip.png",
    fields: { total: 12480, vendor_name: "Northwind Ltd", currency: "ILS" },
    confidence: { total: 0.62, vendor_name: 0.95 },
    evidence: {
      total: {
        text: "12480.00",
        page: 1,
        alternatives: [
          { value: 12480, score: 0.62, text: "12480.00", page: 1, label: "Total" },
          { value: 2480, score: 0.5, text: "₪2,480.00", page: 1, box: [40, 700, 120, 30], label: "Total to pay" },
          { value: 2101.69, score: 0.4, text: "2,101.69", page: 1, label: "Before VAT" },
        ],
      },
      vendor_name: {
        text: "Northwind Ltd",
        page: 1,
        alternatives: [
          { value: "Northwind Ltd", score: 5.1, text: "Northwind Ltd", page: 1 },
          { value: "Tel Aviv", score: 1.2, text: "Tel Aviv", page: 1 },
        ],
      },
    },
    line_items: [],
    warnings: [],
    updated_at: "2026-03-05T10:00:09Z",
  } as unknown as InvoiceDetail;
}

describe("FieldsForm alternatives", () => {
  beforeEach(() => (localStorage.clear(), sessionStorage.clear()));

  it("marks a field under 0.9 'check this' and offers its other readings, not a sure field's", () => {
    renderWithApp(<FieldsForm invoice={invoiceWithAlternatives()} onActiveSpot={() => undefined} />);
    expect(screen.getByText("Total", { selector: "span" })).toHaveTextContent("(check this)");
    expect(screen.getByText("Vendor", { selector: "span" })).not.toHaveTextContent("check this");
    const offered = within(screen.getByRole("group", { name: "Other readings of Total" }));
    // The value the field already holds is not offered again.
    expect(offered.getAllByRole("button").map((button) => button.textContent)).toEqual(["2480 (Total to pay)", "2101.69 (Before VAT)"]);
    expect(screen.queryByRole("group", { name: "Other readings of Vendor" })).not.toBeInTheDocument();
  });

  it("fills the field with the picked reading and shows where each one is printed", async () => {
    const spots: (ActiveSpot | null)[] = [];
    renderWithApp(<FieldsForm invoice={invoiceWithAlternatives()} onActiveSpot={(spot) => spots.push(spot)} />);
    const choice = screen.getByRole("button", { name: /^2480\b/ });
    fireEvent.mouseEnter(choice);
    expect(spots.at(-1)).toEqual({ field: "total", alternative: 1 });
    fireEvent.focus(choice);
    fireEvent.mouseLeave(choice);
    expect(spots.at(-1)).toEqual({ field: "total", alternative: 1 }); // still focused: still shown
    fireEvent.blur(choice);
    expect(spots.at(-1)).toBeNull();
    await userEvent.click(choice);
    expect(screen.getByRole("textbox", { name: /^Total/ })).toHaveValue("2480");
    // Now the field holds 2480: the rules' first reading is offered in its place.
    const offered = within(screen.getByRole("group", { name: "Other readings of Total" }));
    expect(offered.getAllByRole("button").map((button) => button.textContent)).toEqual(["12480 (Total)", "2101.69 (Before VAT)"]);
  });

  it("saves the picked reading as the user's edit", async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = input instanceof Request ? input : new Request(input, init);
        if (request.method === "PATCH") bodies.push(await request.json());
        return Response.json({});
      }),
    );
    session.save({ access_token: "a", refresh_token: "r" });
    renderWithApp(<FieldsForm invoice={invoiceWithAlternatives()} onActiveSpot={() => undefined} />);
    await userEvent.click(screen.getByRole("button", { name: /^2480\b/ }));
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({ fields: { total: 2480 }, line_items: null, confirm: false });
    vi.unstubAllGlobals();
  });
});

// The fields the rules read by a cascade of candidates, each unsure with its ranked readings (the
// rules' choice first): a title that may name a receipt, a second number by a weak label, the
// currency marks, a printed VAT rate beside the one the amounts imply, two allocation numbers.
function invoiceWithCascadeAlternatives(): InvoiceDetail {
  const evidence = (alternatives: { value: string | number; score: number; text: string; label?: string }[]) => ({
    text: alternatives[0].text,
    page: 1,
    alternatives: alternatives.map((alternative) => ({ page: 1, ...alternative })),
  });
  return {
    id: "11111111-2222-3333-4444-666666666666",
    status: "needs_review",
    filename: "header.pdf",
    fields: { document_type: "tax_invoice", invoice_number: "HF-2210", currency: "USD", vat_rate: 0.17, allocation_number: "123456782" },
    confidence: { document_type: 0.6, invoice_number: 0.6, currency: 0.75, vat_rate: 0.6, allocation_number: 0.85 },
    evidence: {
      document_type: evidence([
        { value: "tax_invoice", score: 0.6, text: "Tax Invoice", label: "Tax Invoice" },
        { value: "receipt", score: 0.45, text: "RECEIPT", label: "RECEIPT" },
      ]),
      invoice_number: evidence([
        { value: "HF-2210", score: 0.6, text: "HF-2210", label: "Invoice No" },
        { value: "5531-B", score: 0.45, text: "5531-B", label: "Ref:" },
      ]),
      currency: evidence([
        { value: "USD", score: 0.75, text: "$" },
        { value: "EUR", score: 0.4, text: "EUR", label: "Bank fee EUR 0.00" },
      ]),
      vat_rate: evidence([
        { value: 0.17, score: 0.6, text: "17%", label: "VAT" },
        { value: 0.18, score: 0.4, text: "18.00", label: "18.00 / 100.00" },
      ]),
      allocation_number: evidence([
        { value: "123456782", score: 0.85, text: "123456782", label: "Allocation no" },
        { value: "987654321", score: 0.85, text: "987654321", label: "מספר הקצאה" },
      ]),
    },
    line_items: [],
    warnings: [],
    updated_at: "2026-03-05T10:00:09Z",
  } as unknown as InvoiceDetail;
}

describe("FieldsForm alternatives of the cascade fields", () => {
  beforeEach(() => (localStorage.clear(), sessionStorage.clear()));
  afterEach(() => act(() => setLanguage("en")));

  const offered = (group: string) =>
    within(screen.getByRole("group", { name: group }))
      .getAllByRole("button")
      .map((button) => button.textContent);

  it("offers each field's other readings, a document type by its name", () => {
    renderWithApp(<FieldsForm invoice={invoiceWithCascadeAlternatives()} onActiveSpot={() => undefined} />);
    expect(offered("Other readings of Document type")).toEqual(["Receipt (RECEIPT)"]);
    expect(offered("Other readings of Invoice number")).toEqual(["5531-B (Ref:)"]);
    expect(offered("Other readings of Currency")).toEqual(["EUR (Bank fee EUR 0.00)"]);
    expect(offered("Other readings of VAT rate")).toEqual(["0.18 (18.00 / 100.00)"]);
    expect(offered("Other readings of Allocation number")).toEqual(["987654321 (מספר הקצאה)"]);
  });

  it("says them in Hebrew, and a picked document type selects its code", async () => {
    act(() => setLanguage("he"));
    renderWithApp(<FieldsForm invoice={invoiceWithCascadeAlternatives()} onActiveSpot={() => undefined} />);
    expect(offered("קריאות אחרות של סוג מסמך")).toEqual(["קבלה (RECEIPT)"]);
    expect(offered('קריאות אחרות של שיעור מע"מ')).toEqual(["0.18 (18.00 / 100.00)"]);
    await userEvent.click(screen.getByRole("button", { name: /^קבלה/ }));
    expect(screen.getByRole("combobox", { name: /^סוג מסמך/ })).toHaveValue("receipt");
    // Now the field holds the receipt: the rules' first reading is offered in its place.
    expect(offered("קריאות אחרות של סוג מסמך")).toEqual(["חשבונית מס (Tax Invoice)"]);
  });
});
