import { render, screen } from "@testing-library/react";
import { act } from "react";
import { setLanguage } from "../lib/i18n";
import { BudgetBar, budgetLevel } from "./BudgetBar";
import { Money } from "./Money";
import { StatusBadge } from "./StatusBadge";

describe("BudgetBar", () => {
  it("is green, orange, red by how much of the limit is used", () => {
    expect([budgetLevel(40), budgetLevel(80), budgetLevel(100), budgetLevel(101)]).toEqual(["ok", "near", "near", "over"]);
  });
  it("is a meter screen readers can read", () => {
    render(<BudgetBar utilizationPercent={130} />);
    const meter = screen.getByRole("meter", { name: "130% of the monthly limit used" });
    expect(meter).toHaveAttribute("aria-valuenow", "100");
    expect(meter).toHaveClass("budget-over");
  });
});

describe("StatusBadge and Money", () => {
  afterEach(() => act(() => setLanguage("en")));

  it("say the status words of the contract in English", () => {
    render(
      <>
        {["received", "reading", "ocr_done", "extracted", "needs_review", "failed"].map((status) => (
          <StatusBadge key={status} status={status} />
        ))}
      </>,
    );
    for (const word of ["received", "reading", "extracting", "extracted", "needs review", "failed"]) {
      expect(screen.getByText(word)).toBeInTheDocument();
    }
  });

  it("switch to Hebrew with the document's direction and shekels first", () => {
    act(() => setLanguage("he"));
    render(<Money amount={1234.5} currency="ILS" />);
    expect(screen.getByText("₪1,234.50")).toHaveAttribute("dir", "ltr");
    expect(document.documentElement).toHaveAttribute("dir", "rtl");
    expect(document.documentElement).toHaveAttribute("lang", "he");
  });
});
