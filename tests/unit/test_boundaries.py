"""Who may import whom, and who may touch which table: the rules of docs/ARCHITECTURE.md, checked by
parsing the code (imports with `ast`, SQL table names in string literals)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {
    "invoiceme_gateway": ROOT / "services/gateway/invoiceme_gateway",
    "invoiceme_ocr": ROOT / "services/ocr/invoiceme_ocr",
    "invoiceme_extractor": ROOT / "services/extractor/invoiceme_extractor",
    "invoiceme_analytics": ROOT / "services/analytics/invoiceme_analytics",
}
COMMON = ROOT / "libs/common/invoiceme_common"
CLI = "invoiceme_cli"

# Each table has one owner; the invoice record is the pipeline's (see docs/ARCHITECTURE.md).
PIPELINE = {"invoices", "invoice_status_history", "invoice_extractions", "outbox", "dead_letters"}
OWNED = {
    "invoiceme_gateway": {
        "tenants",
        "users",
        "refresh_tokens",
        "revoked_tokens",
        "login_failures",  # dropped by 0051 (rate_buckets replaced it)
        "rate_buckets",
        "businesses",
        "invoice_edits",
        "insight_marks",
        # Kept from invoices by triggers (migrations 0071, 0073) for the gateway's lists.
        "business_invoice_counts",
        "invoice_month_groups",
    },
    "invoiceme_analytics": {
        "analytics_invoice_facts",
        "analytics_aggregates",
        "analytics_tenant_state",
        "analytics_monthly",  # kept from the facts by a trigger (migration 0070)
        "analytics_monthly_totals",
        "insights",
        "fx_rates",
    },
    "invoiceme_ocr": set(),
    "invoiceme_extractor": set(),
}
ALL_TABLES = set().union(*OWNED.values()) | PIPELINE | {"delivery_failures"}
_TABLE_USE = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_]+)", re.IGNORECASE)


def python_files(package_dir: Path) -> list[Path]:
    return sorted(package_dir.rglob("*.py"))


def imported_packages(path: Path) -> set[str]:
    """Top-level packages a module imports (absolute imports only; relative ones stay inside)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def tables_touched(path: Path) -> set[str]:
    """Table names after FROM/JOIN/INTO/UPDATE in the module's string literals (its SQL)."""
    tables: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            tables |= {name.lower() for name in _TABLE_USE.findall(node.value)}
    return tables & ALL_TABLES


class TestImports:
    """Services never import each other; the gateway imports no service; libs/common imports none."""

    @pytest.mark.parametrize("service", sorted(SERVICES))
    def test_a_service_imports_no_other_service(self, service):
        forbidden = (set(SERVICES) - {service}) | {CLI}
        offenders = {
            f"{path.relative_to(ROOT)} imports {sorted(imported_packages(path) & forbidden)}"
            for path in python_files(SERVICES[service])
            if imported_packages(path) & forbidden
        }
        assert not offenders

    def test_common_imports_no_service(self):
        forbidden = set(SERVICES) | {CLI}
        offenders = {
            str(p.relative_to(ROOT)) for p in python_files(COMMON) if imported_packages(p) & forbidden
        }
        assert not offenders

    def test_the_check_sees_a_violation(self, tmp_path):
        module = tmp_path / "bad.py"
        module.write_text("from invoiceme_analytics.figures import x\nimport invoiceme_ocr.reader\n")
        assert imported_packages(module) == {"invoiceme_analytics", "invoiceme_ocr"}


class TestTableOwnership:
    """A service's SQL touches only its own tables and the pipeline's invoice record; other services'
    tables are read through invoiceme_common's read functions."""

    @pytest.mark.parametrize("service", sorted(SERVICES))
    def test_sql_stays_within_what_the_service_owns(self, service):
        allowed = OWNED[service] | PIPELINE
        offenders = {
            f"{path.relative_to(ROOT)} touches {sorted(tables_touched(path) - allowed)}"
            for path in python_files(SERVICES[service])
            if tables_touched(path) - allowed
        }
        assert not offenders

    def test_every_table_has_an_owner(self):
        migrations = " ".join(p.read_text() for p in (COMMON / "migrations").glob("*.sql"))
        created = set(re.findall(r"CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)", migrations))
        assert created == ALL_TABLES

    def test_the_check_sees_a_violation(self, tmp_path):
        module = tmp_path / "bad.py"
        module.write_text('Q = """SELECT * FROM invoices i JOIN analytics_invoice_facts f ON true"""\n')
        assert tables_touched(module) == {"invoices", "analytics_invoice_facts"}
