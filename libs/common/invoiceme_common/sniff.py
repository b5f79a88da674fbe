"""Media type from the file's first bytes — never from its name or declared MIME type."""

from __future__ import annotations

SUPPORTED = (
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/tiff",
    "image/webp",
    "image/bmp",
    "image/heic",
)

_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"heif"}
# Formats people send instead of a PDF or an image, named so the refusal says what the file is.
_KNOWN_OTHERS = (
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"<?xml", "an XML file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)


def sniff_media_type(data: bytes) -> str | None:
    head = data[:64]
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:2] == b"BM" and len(data) > 26:
        return "image/bmp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/heic"
    return None


def describe_unsupported(data: bytes) -> str:
    """A few words naming what an unsupported file seems to be, for error messages."""
    for magic, name in _KNOWN_OTHERS:
        if data.startswith(magic):
            return name
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    return "of an unknown binary type" if b"\x00" in data[:2048] else "plain text"
