"""Vendor-name matching at scale: how long `rank_candidates` takes against a tenant's ~2,000
businesses (it runs on every extraction save and every invoice detail GET), and what the current
scorer says on hard pairs.

    .venv/bin/python -m bench.scale.matching [--businesses 2000] [--vendors 200]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time

from bench.scale.dataset import make_businesses
from invoiceme_common.vendor_matching import (
    MATCH_THRESHOLD,
    BusinessProfile,
    name_similarity,
    normalize_name,
    rank_candidates,
)

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


def _vendor_variants(rng: random.Random, businesses: list[BusinessProfile], count: int) -> list[str]:
    names = []
    for business in rng.sample(businesses, count):
        words = business.name.split()
        if rng.random() < 0.3:
            words.reverse()
        name = " ".join(words)
        if rng.random() < 0.3 and len(name) > 4:  # drop one letter, as OCR does
            cut = rng.randrange(len(name))
            name = name[:cut] + name[cut + 1 :]
        names.append(name)
    return names


def main(args: argparse.Namespace) -> None:
    rng = random.Random(7)
    businesses = [
        BusinessProfile(b.id, b.name, None, tuple(b.aliases)) for b in make_businesses(rng, args.businesses)
    ]
    vendors = _vendor_variants(rng, businesses, args.vendors)
    timings, assigned = [], 0
    for vendor in vendors:
        started = time.perf_counter()
        ranked = rank_candidates(vendor, None, businesses)
        timings.append((time.perf_counter() - started) * 1000)
        assigned += bool(ranked and ranked[0].score >= MATCH_THRESHOLD)
    print(f"load average: {os.getloadavg()}")
    print(
        f"rank_candidates over {len(businesses)} businesses: median {statistics.median(timings):.1f} ms, "
        f"p95 {statistics.quantiles(timings, n=20, method='inclusive')[18]:.1f} ms; "
        f"{assigned}/{len(vendors)} noisy vendor names assigned (threshold {MATCH_THRESHOLD})"
    )
    print("\n| vendor | business | score | matches | expected |\n|---|---|---:|:-:|:-:|")
    for vendor, business, expected in HARD_PAIRS:
        score = name_similarity(normalize_name(vendor), normalize_name(business))
        print(f"| {vendor} | {business} | {score:.3f} | {score >= MATCH_THRESHOLD} | {expected} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--businesses", type=int, default=2_000)
    parser.add_argument("--vendors", type=int, default=200)
    main(parser.parse_args())
