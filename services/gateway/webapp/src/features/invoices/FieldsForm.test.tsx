import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { InvoiceDetail } from "../../lib/api";
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
