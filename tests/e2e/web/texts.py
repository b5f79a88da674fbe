"""What the tests read on screen, per interface language (the app's catalogues say the same)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Texts:
    lang: str
    to_signup: str
    full_name: str
    email: str
    password: str
    business_id: str
    base_currency: str
    sign_up: str
    log_in: str
    log_out: str
    nav: dict[str, str]
    choose_files: str
    final_statuses: tuple[str, ...]
    assign_title: str
    monthly_limit: str
    create_and_assign: str
    later: str
    assign_to: str
    assign_button: str
    open_invoice: str
    field_total: str
    field_subtotal: str
    field_vat: str
    confirm: str
    reviewed: str
    spend_this_month: str
    business_month: str
    export_csv: str
    refresh: str
    unassigned: str
    no_invoices: str
    page_alt: str


ENGLISH = Texts(
    lang="en",
    to_signup="New here? Create an account",
    full_name="Full name",
    email="Email",
    password="Password",
    business_id="Your business id (ע.מ. / ח.פ.)",
    base_currency="Base currency",
    sign_up="Sign up",
    log_in="Log in",
    log_out="Log out",
    nav={
        "businesses": "Businesses",
        "upload": "Upload",
        "invoices": "Invoices",
        "analytics": "Analytics",
        "insights": "Insights",
        "settings": "Settings",
    },
    choose_files="Choose files",
    final_statuses=("extracted", "needs review"),
    assign_title="Which business is this?",
    monthly_limit="Monthly limit",
    create_and_assign="Create and assign",
    later="Later",
    assign_to="Assign to Northwind Supplies Ltd",
    assign_button="Assign business",
    open_invoice="Open",
    field_total="Total",
    field_subtotal="Before VAT",
    field_vat="VAT",
    confirm="Confirm reviewed",
    reviewed="Reviewed",
    spend_this_month="Spend this month",
    business_month="This month",
    export_csv="Export CSV",
    refresh="Refresh",
    unassigned="Unassigned",
    no_invoices="No invoices match.",
    page_alt="Page 1 of 1",
)

HEBREW = Texts(
    lang="he",
    to_signup="חדשים כאן? צרו חשבון",
    full_name="שם מלא",
    email="אימייל",
    password="סיסמה",
    business_id="מספר העוסק שלך (ע.מ. / ח.פ.)",
    base_currency="מטבע בסיס",
    sign_up="הרשמה",
    log_in="כניסה",
    log_out="התנתקות",
    nav={
        "businesses": "עסקים",
        "upload": "העלאה",
        "invoices": "חשבוניות",
        "analytics": "ניתוח",
        "insights": "תובנות",
        "settings": "הגדרות",
    },
    choose_files="בחירת קבצים",
    final_statuses=("חולצה", "לבדיקה"),
    assign_title="לאיזה עסק שייכת החשבונית?",
    monthly_limit="תקרה חודשית",
    create_and_assign="יצירה ושיוך",
    later="אחר כך",
    assign_to="שיוך ל־Northwind Supplies Ltd",
    assign_button="שיוך לעסק",
    open_invoice="פתיחה",
    field_total='סה"כ',
    field_subtotal='לפני מע"מ',
    field_vat='מע"מ',
    confirm="אישור שנבדק",
    reviewed="נבדק ב",
    spend_this_month="הוצאות החודש",
    business_month="החודש",
    export_csv="ייצוא CSV",
    refresh="רענון",
    unassigned="ללא עסק",
    no_invoices="אין חשבוניות מתאימות.",
    page_alt="עמוד 1 מתוך 1",
)
