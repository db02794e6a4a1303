"""Bytes → str with encoding detection (windows-1256 and ISO-8859-6 are common for Arabic)."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from marsad.errors import Skip

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: BOM, then strict UTF-8, then a declared charset, then detection."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(_canonical(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 10:
        raise Skip("binary content (NUL bytes), not text")
    best = from_bytes(data[:200_000], cp_isolation=None).best()
    if best is None or best.encoding is None:
        raise Skip("could not detect a text encoding")
    # Arabic single-byte pages: charset-normalizer may pick a cousin; prefer cp1256 when it fits
    enc = best.encoding
    if enc.replace("_", "-").lower() in {"iso8859-6", "iso-8859-6", "cp1256", "windows-1256", "cp864", "cp720"}:
        try:
            return data.decode("cp1256")
        except UnicodeDecodeError:
            enc = best.encoding
    return data.decode(enc, errors="replace")


def _canonical(name: str) -> str:
    n = name.strip().strip("\"'").lower()
    return {"windows-1256": "cp1256", "iso-8859-6": "iso8859_6", "arabic": "iso8859_6"}.get(n, n)
