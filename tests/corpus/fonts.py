"""Typefaces from Debian font packages (see TEST_DEBS in the Makefile): 10+ per script. A document draws
one face; characters it lacks (Latin in a Hebrew-only face, ₪ in Liberation) fall back to DejaVu Sans,
as a word processor would substitute them."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path("/usr/share/fonts/truetype")
FALLBACK = ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf")

# name: (regular, bold) under ROOT. Packages: culmus, fonts-dejavu-core/-extra, fonts-freefont-ttf,
# fonts-liberation, fonts-noto-core.
HEBREW_FACES = {
    "FrankRuehl": ("culmus/FrankRuehlCLM-Medium.ttf", "culmus/FrankRuehlCLM-Bold.ttf"),
    "Hadasim": ("culmus/HadasimCLM-Regular.ttf", "culmus/HadasimCLM-Bold.ttf"),
    "Keter": ("culmus/KeterYG-Medium.ttf", "culmus/KeterYG-Bold.ttf"),
    "Miriam": ("culmus/MiriamCLM-Book.ttf", "culmus/MiriamCLM-Bold.ttf"),
    "MiriamMono": ("culmus/MiriamMonoCLM-Book.ttf", "culmus/MiriamMonoCLM-Bold.ttf"),
    "Shofar": ("culmus/ShofarRegular.ttf", "culmus/ShofarDemi-Bold.ttf"),
    "Simple": ("culmus/SimpleCLM-Medium.ttf", "culmus/SimpleCLM-Bold.ttf"),
    "DejaVuSans": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
    "DejaVuCondensed": ("dejavu/DejaVuSansCondensed.ttf", "dejavu/DejaVuSansCondensed-Bold.ttf"),
    "FreeSans": ("freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf"),
    "FreeSerif": ("freefont/FreeSerif.ttf", "freefont/FreeSerifBold.ttf"),
    "FreeMono": ("freefont/FreeMono.ttf", "freefont/FreeMonoBold.ttf"),
    "NotoSansHebrew": ("noto/NotoSansHebrew-Regular.ttf", "noto/NotoSansHebrew-Bold.ttf"),
    "NotoSerifHebrew": ("noto/NotoSerifHebrew-Regular.ttf", "noto/NotoSerifHebrew-Bold.ttf"),
}
LATIN_FACES = {
    "DejaVuSans": HEBREW_FACES["DejaVuSans"],
    "DejaVuCondensed": HEBREW_FACES["DejaVuCondensed"],
    "DejaVuSerif": ("dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf"),
    "DejaVuMono": ("dejavu/DejaVuSansMono.ttf", "dejavu/DejaVuSansMono-Bold.ttf"),
    "LiberationSans": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "LiberationNarrow": (
        "liberation/LiberationSansNarrow-Regular.ttf",
        "liberation/LiberationSansNarrow-Bold.ttf",
    ),
    "LiberationSerif": ("liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf"),
    "LiberationMono": ("liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf"),
    "FreeSans": HEBREW_FACES["FreeSans"],
    "FreeSerif": HEBREW_FACES["FreeSerif"],
    "FreeMono": HEBREW_FACES["FreeMono"],
    "NotoSans": ("noto/NotoSans-Regular.ttf", "noto/NotoSans-Bold.ttf"),
    "NotoSerif": ("noto/NotoSerif-Regular.ttf", "noto/NotoSerif-Bold.ttf"),
    "NotoSansDisplay": ("noto/NotoSansDisplay-Regular.ttf", "noto/NotoSansDisplay-Bold.ttf"),
}
# Slanted faces stand in for handwriting: the values a shopkeeper writes into a pre-printed invoice booklet.
INK_FACES = {
    "HadasimOblique": ("culmus/HadasimCLM-RegularOblique.ttf",) * 2,
    "ShofarOblique": ("culmus/ShofarRegularOblique.ttf",) * 2,
    "SimpleOblique": ("culmus/SimpleCLM-MediumOblique.ttf",) * 2,
    "FrankRuehlOblique": ("culmus/FrankRuehlCLM-MediumOblique.ttf",) * 2,
    "DejaVuOblique": ("dejavu/DejaVuSans-Oblique.ttf",) * 2,
    "FreeSansOblique": ("freefont/FreeSansOblique.ttf",) * 2,
    "FreeSerifItalic": ("freefont/FreeSerifItalic.ttf",) * 2,
}
MONO_FACES = ("MiriamMono", "FreeMono", "DejaVuMono", "LiberationMono")  # till slips print monospaced


def installed(faces: dict[str, tuple[str, str]]) -> list[str]:
    return [name for name, files in faces.items() if all((ROOT / f).exists() for f in files)]


def pick_face(rng: random.Random, language: str, mono: bool = False) -> str:
    faces = HEBREW_FACES if language == "he" else LATIN_FACES
    names = installed(faces)
    if mono:
        names = [name for name in names if name in MONO_FACES] or names
    if not names:
        raise RuntimeError(f"no font installed under {ROOT}: run `make test-system-deps`")
    return rng.choice(sorted(names))


@dataclass(frozen=True)
class Face:
    """A registered reportlab font and the characters it can draw."""

    key: str
    path: str
    chars: frozenset[int]


@cache
def face(name: str, bold: bool) -> Face:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = (
        str(ROOT / (HEBREW_FACES | LATIN_FACES | INK_FACES)[name][int(bold)])
        if name != "_fallback"
        else str(ROOT / FALLBACK[int(bold)])
    )
    key = f"{name}-{'B' if bold else 'R'}"
    font = TTFont(key, path)
    pdfmetrics.registerFont(font)
    return Face(key, path, frozenset(font.face.charToGlyph))


def runs(text: str, name: str, bold: bool) -> list[tuple[Face, str]]:
    """Split text into runs each drawable by one face: the document's face, else the fallback."""
    main, spare = face(name, bold), face("_fallback", bold)
    pieces: list[tuple[Face, str]] = []
    for char in text:
        chosen = main if ord(char) in main.chars or char == " " else spare
        if pieces and pieces[-1][0] is chosen:
            pieces[-1] = (chosen, pieces[-1][1] + char)
        else:
            pieces.append((chosen, char))
    return pieces


def text_width_pt(text: str, name: str, bold: bool, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(piece, run_face.key, size) for run_face, piece in runs(text, name, bold))


def pick_ink(rng: random.Random) -> str:
    names = installed(INK_FACES)
    return rng.choice(sorted(names)) if names else "DejaVuSans"
