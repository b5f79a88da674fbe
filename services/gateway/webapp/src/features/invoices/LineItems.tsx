import { useTranslation } from "react-i18next";

export interface LineItemDraft {
  description: string;
  quantity: string;
  unit_price: string;
  amount: string;
}

export function toDrafts(items: Record<string, unknown>[]): LineItemDraft[] {
  const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));
  return items.map((item) => ({
    description: text(item.description),
    quantity: text(item.quantity),
    unit_price: text(item.unit_price),
    amount: text(item.amount),
  }));
}

export function fromDrafts(drafts: LineItemDraft[]): Record<string, unknown>[] {
  const number = (value: string) => (value.trim() === "" ? null : Number(value));
  return drafts
    .filter((item) => item.description.trim() || item.amount.trim())
    .map((item) => ({
      description: item.description.trim(),
      quantity: number(item.quantity),
      unit_price: number(item.unit_price),
      amount: number(item.amount),
    }));
}

const COLUMNS = ["description", "quantity", "unit_price", "amount"] as const;
const LABELS = { description: "detail.itemDescription", quantity: "detail.itemQuantity", unit_price: "detail.itemUnitPrice", amount: "detail.itemAmount" } as const;

export function LineItemsEditor({ items, onChange }: { items: LineItemDraft[]; onChange: (items: LineItemDraft[]) => void }) {
  const { t } = useTranslation();
  const set = (row: number, column: (typeof COLUMNS)[number], value: string) =>
    onChange(items.map((item, index) => (index === row ? { ...item, [column]: value } : item)));
  return (
    <fieldset className="line-items">
      <legend>{t("detail.lineItems")}</legend>
      {items.map((item, row) => (
        <div className="line-item" key={row}>
          {COLUMNS.map((column) => (
            <label key={column} className={column === "description" ? "grow" : undefined}>
              <span className={row === 0 ? undefined : "sr-only"}>{t(LABELS[column])}</span>
              <input
                value={item[column]}
                onChange={(event) => set(row, column, event.target.value)}
                inputMode={column === "description" ? undefined : "decimal"}
                dir={column === "description" ? "auto" : "ltr"}
                aria-invalid={column !== "description" && item[column].trim() !== "" && !Number.isFinite(Number(item[column])) ? true : undefined}
              />
            </label>
          ))}
          <button type="button" className="icon" aria-label={t("detail.removeItem", { n: row + 1 })} onClick={() => onChange(items.filter((_, i) => i !== row))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...items, { description: "", quantity: "", unit_price: "", amount: "" }])}>
        {t("detail.addItem")}
      </button>
    </fieldset>
  );
}
