import { render, screen } from "@testing-library/react";
import { Warnings } from "./Warnings";

describe("Warnings", () => {
  it("explains known warnings in plain words and keeps unknown ones' own message", () => {
    render(
      <Warnings
        warnings={[
          { code: "totals_mismatch", message: "subtotal 100 + VAT 18 != total 120", serious: true },
          { code: "vat_rate_unexpected", message: "VAT 17% but 18% applies on 2025-03-01" },
          { code: "something_new", message: "a brand new check" },
        ]}
      />,
    );
    expect(screen.getByText("The totals don't add up: before VAT plus VAT is not the total.")).toBeInTheDocument();
    expect(screen.getByText("The VAT rate is wrong for the invoice's date.")).toBeInTheDocument();
    expect(screen.getByText("a brand new check")).toBeInTheDocument();
  });
});
