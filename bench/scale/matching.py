"""Vendor-name matching at scale: how long `rank_candidates` takes against a tenant's ~2,000
businesses (it runs on every extraction save and every invoice detail GET), and what the scorer
says on hard pairs; with `--baseline REF`, the module as it was at git REF runs side by side.

    .venv/bin/python -m bench.scale.matching [--businesses 2000] [--vendors 200] [--baseline REF]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from bench.scale.dataset import make_businesses
from invoiceme_common import vendor_matching

MODULE_PATH = "libs/common/invoiceme_common/vendor_matching.py"
# (vendor as read from the invoice, business name, should they match)
HARD_PAIRS = [
    ('מאפיית כהן בע"מ', "מאפיית כהן", True),  # company-form suffix
    ("מאפית כהן", "מאפיית כהן", True),  # spelling without yod
    ("כהן מאפיית", "מאפיית כהן", True),  # word order
    ("כהן מאפית", 'מאפיית כהן בע"מ', True),  # word order and spelling
    ("Cedar Logistcs", "Logistics Cedar Ltd", True),  # typo and word order
    ("LOGISTICS CEDAR LTD", "Cedar Logistics", True),  # case, suffix, word order
    ("Cedar Logistics", "Cedar Networks", False),
    ("מאפיית כהן", "מאפיית לוי", False),
    ("רמי לוי", "רמי לוי שיווק השקמה", False),
    ("office depot", "office deposit kiosk", False),
    ("בזק", "בזק בינלאומי", False),
]


def _module_at(ref: str) -> ModuleType:
    """vendor_matching as committed at `ref`, importable beside the current one."""
    root = Path(__file__).resolve().parents[2]
    source = subprocess.run(
        ["git", "show", f"{ref}:{MODULE_PATH}"], cwd=root, check=True, capture_output=True, text=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "vendor_matching_baseline.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("invoiceme_common.vendor_matching_baseline", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _vendor_variants(rng: random.Random, count: int, total: int, names: list[str]) -> list[tuple[int, str]]:
    """(index of the business, its name as an invoice might print it: words reversed, a letter lost)."""
    variants = []
    for index in rng.sample(range(total), count):
        words = names[index].split()
        if rng.random() < 0.3:
            words.reverse()
        variant = " ".join(words)
        if rng.random() < 0.3 and len(variant) > 4:  # drop one letter, as OCR does
            cut = rng.randrange(len(variant))
            variant = variant[:cut] + variant[cut + 1 :]
        variants.append((index, variant))
    return variants


def main(args: argparse.Namespace) -> None:
    rng = random.Random(7)
    generated = make_businesses(rng, args.businesses)
    modules = {"current": vendor_matching}
    if args.baseline:
        modules = {f"at {args.baseline}": _module_at(args.baseline), **modules}
    profiles = {
        label: [module.BusinessProfile(b.id, b.name, None, tuple(b.aliases)) for b in generated]
        for label, module in modules.items()
    }
    vendors = _vendor_variants(rng, args.vendors, len(generated), [b.name for b in generated])
    timings: dict[str, list[float]] = {label: [] for label in modules}
    right, wrong = dict.fromkeys(modules, 0), dict.fromkeys(modules, 0)
    for index, vendor in vendors:  # interleaved, so load changes hit both alike
        for label, module in modules.items():
            started = time.perf_counter()
            ranked = module.rank_candidates(vendor, None, profiles[label])
            timings[label].append((time.perf_counter() - started) * 1000)
            if ranked and ranked[0].score >= module.MATCH_THRESHOLD:
                correct = ranked[0].business_id == generated[index].id
                right[label] += correct
                wrong[label] += not correct
    print(f"load average: {os.getloadavg()}")
    print(f"\n| scorer | rank_candidates over {len(generated)} businesses: median ms | p95 ms | "
          f"noisy names assigned right / wrong (of {len(vendors)}) |\n|---|---:|---:|---:|")  # fmt: skip
    for label, values in timings.items():
        p95 = statistics.quantiles(values, n=20, method="inclusive")[18]
        print(f"| {label} | {statistics.median(values):.1f} | {p95:.1f} | {right[label]} / {wrong[label]} |")
    print(
        f"\n| vendor | business | expected | {' | '.join(modules)} |\n|---|---|:-:|{'---:|' * len(modules)}"
    )
    for vendor, business, expected in HARD_PAIRS:
        scores = []
        for module in modules.values():
            score = module.name_similarity(module.normalize_name(vendor), module.normalize_name(business))
            scores.append(f"{score:.3f} {'match' if score >= module.MATCH_THRESHOLD else '-'}")
        print(f"| {vendor} | {business} | {'match' if expected else '-'} | {' | '.join(scores)} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--businesses", type=int, default=2_000)
    parser.add_argument("--vendors", type=int, default=200)
    parser.add_argument("--baseline", help="a git ref: compare with vendor_matching as it was there")
    main(parser.parse_args())
