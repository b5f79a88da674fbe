"""Word recall by kind (words with digits, Hebrew words, Latin words) of the Hebrew models' cached readings
(written by bench.ocr.hebrew_model_ab) against the born-digital twins:
`.venv/bin/python bench/ocr/hebrew_model_words.py CORPUS_KEY[,KEY] heb,Hebrew,heb+Hebrew`."""
import sys, re, collections
from pathlib import Path
from bench.extraction.cache import CACHE, OcrCache
from bench.extraction.scan_vs_pdf import dev_twins
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.pdf import read_pdf_page
models = sys.argv[2].split(",")
caches = {m: OcrCache(OcrOptions(hebrew_model=m), CACHE / "ocr") for m in models}
tot = {m: collections.Counter() for m in models}
HEB = re.compile(r"[\u05d0-\u05ea]")
for corpus_key in sys.argv[1].split(","):
    corpus = Path(".cache/corpus/" + corpus_key)
    for fmt in ("clean_scan", "degraded_photo"):
        for truth, pdf, image in dev_twins(corpus, fmt):
            if truth["language"] != "he": continue
            data = image.read_bytes()
            docs = {m: c.get(data) for m, c in caches.items()}
            if any(d is None for d in docs.values()): continue
            ref = read_pdf_page(pdf.read_bytes(), 0, OcrOptions()).text.split()
            kinds = {"digits": [w for w in ref if re.search(r"\d", w)], "hebrew": [w for w in ref if HEB.search(w) and not re.search(r"\d", w)], "latin": [w for w in ref if re.search(r"[A-Za-z]", w) and not HEB.search(w) and not re.search(r"\d", w)]}
            for m, d in docs.items():
                got = collections.Counter(d.pages[0].text.split())
                for k, words in kinds.items():
                    tot[m][k + "_of"] += len(words)
                    tot[m][k] += sum((collections.Counter(words) & got).values())
                tot[m]["pages"] += 1
for m in models:
    t = tot[m]
    print(m, "pages", t["pages"], " ".join(f"{k}={t[k]}/{t[k+'_of']}={t[k]/max(1,t[k+'_of']):.4f}" for k in ("digits", "hebrew", "latin")))
