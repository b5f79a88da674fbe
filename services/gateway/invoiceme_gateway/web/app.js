// InvoiceMe web client: a thin client of the gateway's /api (no build step, no framework).
"use strict";

const FINAL = new Set(["extracted", "needs_review", "failed"]);
const FIELDS = [
  ["document_type", "Document type"], ["vendor_name", "Vendor"], ["vendor_tax_id", "Vendor tax id"],
  ["invoice_number", "Number"], ["invoice_date", "Date"], ["due_date", "Due"], ["currency", "Currency"],
  ["subtotal", "Subtotal"], ["vat_rate", "VAT rate"], ["vat_amount", "VAT"], ["total", "Total"],
  ["allocation_number", "Allocation number"],
];
const $ = (selector) => document.querySelector(selector);
const rows = new Map(); // invoice id -> invoice
let authMode = "login";
let pollTimer = null;

// ---- session -------------------------------------------------------------------------------
const session = {
  get access() { return localStorage.getItem("access_token"); },
  get refresh() { return localStorage.getItem("refresh_token"); },
  save(tokens) {
    localStorage.setItem("access_token", tokens.access_token);
    if (tokens.refresh_token) localStorage.setItem("refresh_token", tokens.refresh_token);
  },
  clear() { localStorage.removeItem("access_token"); localStorage.removeItem("refresh_token"); },
};

async function api(path, options = {}, retried = false) {
  const headers = new Headers(options.headers || {});
  if (session.access) headers.set("Authorization", `Bearer ${session.access}`);
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401 && !retried && session.refresh && !path.startsWith("/api/auth/")) {
    const refreshed = await fetch("/api/auth/refresh", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refresh_token: session.refresh }),
    });
    if (refreshed.ok) {
      session.save(await refreshed.json());
      return api(path, options, true);
    }
  }
  if (response.status === 401 && !path.startsWith("/api/auth/")) signedOut();
  return response;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    return body.error?.message || `HTTP ${response.status}`;
  } catch { return `HTTP ${response.status}`; }
}

// ---- auth view -----------------------------------------------------------------------------
function setAuthMode(mode) {
  authMode = mode;
  document.querySelectorAll(".tabs button").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.mode === mode)));
  document.querySelectorAll(".signup-only").forEach((el) => { el.hidden = mode !== "signup"; });
  $("#auth-submit").textContent = mode === "signup" ? "Create account" : "Log in";
  $("#auth-error").textContent = "";
}

async function submitAuth(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const body = { email: form.get("email"), password: form.get("password") };
  if (authMode === "signup") body.full_name = form.get("full_name") || "";
  const response = await fetch(`/api/auth/${authMode}`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  if (!response.ok) { $("#auth-error").textContent = await errorMessage(response); return; }
  session.save(await response.json());
  localStorage.setItem("email", body.email);
  signedIn();
}

function signedOut() {
  session.clear();
  clearInterval(pollTimer);
  rows.clear();
  $("#app").hidden = true; $("#session").hidden = true; $("#detail").hidden = true; $("#auth").hidden = false;
  setAuthMode("login");
}

async function logout() {
  await api("/api/auth/logout", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refresh_token: session.refresh }),
  });
  signedOut();
}

function signedIn() {
  $("#auth").hidden = true; $("#app").hidden = false; $("#session").hidden = false;
  $("#who").textContent = localStorage.getItem("email") || "";
  loadInvoices();
  loadTotals();
  listen();
}

// ---- invoices ------------------------------------------------------------------------------
function money(amount, currency) {
  if (amount === null || amount === undefined) return "";
  try { return new Intl.NumberFormat(undefined, { style: "currency", currency: currency || "XXX" }).format(amount); }
  catch { return `${amount.toFixed(2)} ${currency || ""}`; }
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  td.dir = "auto"; // Hebrew vendor names read right to left
  if (className) td.className = className;
  return td;
}

function render() {
  const tbody = $("#invoices tbody");
  tbody.replaceChildren();
  const sorted = [...rows.values()].sort((a, b) => b.created_at.localeCompare(a.created_at));
  for (const invoice of sorted) {
    const tr = document.createElement("tr");
    tr.dataset.id = invoice.id;
    const status = document.createElement("span");
    status.className = `status ${invoice.status}`;
    status.textContent = invoice.status.replace("_", " ");
    if (invoice.error) status.title = invoice.error;
    const statusCell = document.createElement("td");
    statusCell.append(status);
    const fields = invoice.fields || {};
    tr.append(cell(invoice.filename), cell(fields.vendor_name), cell(fields.invoice_date),
      cell(money(fields.total, fields.currency), "num"), statusCell);
    tr.addEventListener("click", () => showDetail(invoice.id));
    tbody.append(tr);
  }
  $("#empty").hidden = rows.size > 0;
}

async function loadInvoices() {
  const response = await api("/api/invoices?limit=200");
  if (!response.ok) return;
  const body = await response.json();
  rows.clear();
  for (const invoice of body.items) rows.set(invoice.id, invoice);
  render();
}

async function refreshInvoice(id) {
  const response = await api(`/api/invoices/${id}`);
  if (!response.ok) return;
  const invoice = await response.json();
  rows.set(id, invoice);
  render();
  if (!$("#detail").hidden && $("#detail").dataset.id === id) showDetail(id);
  if (FINAL.has(invoice.status)) loadTotals();
}

async function loadTotals() {
  const response = await api("/api/analytics/summary");
  if (!response.ok) return;
  const summary = await response.json();
  const cards = summary.by_currency.map((row) => {
    const card = document.createElement("div");
    card.className = "card";
    const strong = document.createElement("strong");
    strong.textContent = money(row.total, row.key);
    card.append(strong, `${row.count} invoice${row.count === 1 ? "" : "s"} in ${row.key}`);
    return card;
  });
  $("#totals").replaceChildren(...cards);
}

// Live status: this page polls while anything is in flight. (The stream /api/events takes its token
// in the Authorization header only, which EventSource cannot send; the new web app reads it with fetch.)
function listen() {
  clearInterval(pollTimer);
  pollTimer = setInterval(() => {
    for (const invoice of rows.values()) if (!FINAL.has(invoice.status)) refreshInvoice(invoice.id);
  }, 3000);
}

async function upload(files) {
  const messages = $("#upload-messages");
  messages.replaceChildren();
  for (const file of files) {
    const form = new FormData();
    form.append("file", file);
    const response = await api("/api/invoices", { method: "POST", body: form });
    if (response.ok) {
      const accepted = await response.json();
      rows.set(accepted.id, { id: accepted.id, status: accepted.status, filename: file.name, fields: {},
        created_at: new Date().toISOString() });
      render();
    } else {
      const li = document.createElement("li");
      li.className = "bad";
      li.textContent = `${file.name}: ${await errorMessage(response)}`;
      messages.append(li);
    }
  }
}

// ---- detail --------------------------------------------------------------------------------
async function showDetail(id) {
  const invoice = rows.get(id);
  if (!invoice) return;
  const panel = $("#detail");
  panel.dataset.id = id;
  panel.hidden = false;
  $("#detail-title").textContent = invoice.filename;
  $("#detail-error").textContent = invoice.error || "";
  const fields = invoice.fields || {};
  const confidence = fields.confidence || {};
  const body = $("#detail-fields tbody");
  body.replaceChildren();
  for (const [name, label] of FIELDS) {
    if (fields[name] === undefined || fields[name] === null) continue;
    const tr = document.createElement("tr");
    const value = cell(String(fields[name]));
    if (confidence[name] !== undefined) {
      const conf = document.createElement("span");
      conf.className = "conf";
      conf.textContent = `  ${Math.round(confidence[name] * 100)}%`;
      value.append(conf);
    }
    tr.append(cell(label), value);
    body.append(tr);
  }
  const warnings = $("#detail-warnings");
  warnings.replaceChildren(...(invoice.warnings || []).map((warning) => {
    const li = document.createElement("li");
    li.textContent = warning.message || warning.code;
    return li;
  }));
}

async function downloadOriginal() {
  const id = $("#detail").dataset.id;
  const response = await api(`/api/invoices/${id}/original`);
  if (!response.ok) { $("#detail-error").textContent = await errorMessage(response); return; }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = rows.get(id)?.filename || "invoice";
  link.click();
  URL.revokeObjectURL(link.href);
}

// ---- wiring --------------------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => setAuthMode(b.dataset.mode)));
  $("#auth-form").addEventListener("submit", submitAuth);
  $("#logout").addEventListener("click", logout);
  $("#file").addEventListener("change", (e) => { upload([...e.target.files]); e.target.value = ""; });
  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); upload([...e.dataTransfer.files]); });
  $("#close-detail").addEventListener("click", () => { $("#detail").hidden = true; });
  $("#download").addEventListener("click", downloadOriginal);
  if (session.access) signedIn(); else { $("#auth").hidden = false; setAuthMode("login"); }
});
