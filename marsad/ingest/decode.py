"""Bytes → str with encoding detection (windows-1256 and ISO-8859-6 are common for Arabic).

Order: a byte-order mark; strict UTF-8; a declared charset (HTTP header, ``<meta charset>``)
that is not a Latin one; then the Arabic single-byte code pages and charset-normalizer's guess,
scored by how plausible the decoded text is.  Binary content is refused, not decoded.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from marsad.errors import Skip

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00", "binary file"),
)

# charsets whose declaration is often wrong on Arabic pages (servers default to them)
_WEAK = {"iso8859-1", "cp1252", "ascii"}  # codecs names
_ALIASES = {"windows-1256": "cp1256", "iso-8859-6": "iso8859_6", "arabic": "iso8859_6", "x-mac-arabic": "mac_arabic"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def binary_kind(data: bytes) -> str | None:
    """A name for binary content (by magic number or NUL bytes), None for what may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 10:
        return "binary file (NUL bytes)"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` / ``http-equiv``)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: BOM, then strict UTF-8, then a declared charset, then detection.

    Raises :class:`Skip` for binary content and bytes no candidate decodes plausibly.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    kind = binary_kind(data)
    if kind:
        raise Skip(f"binary content ({kind}), not text")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    strong = _canonical(declared) if declared else None
    if strong and strong not in _WEAK:
        try:
            return _checked(data.decode(strong))
        except (LookupError, UnicodeDecodeError):
            pass
    candidates: list[str] = ["cp1256", "iso8859_6"]
    if strong:
        candidates.append(strong)
    best = from_bytes(data[:200_000], cp_isolation=None).best()
    if best is not None and best.encoding:
        candidates.append(best.encoding)
    scored: list[tuple[float, int, str]] = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
        # the definite article tells the Arabic code pages apart where both read as letters
        scored.append((round(_plausibility(text), 1), text[:50_000].count("ال"), enc))
    if not scored:
        raise Skip("undecodable text: no encoding fits these bytes")
    score, _, enc = max(scored, key=lambda t: (t[0], t[1]))
    if score < 0.5:
        raise Skip(f"undecodable text (best guess {enc} gives mostly symbols)")
    return _checked(data.decode(enc))


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut or spliced page): decoded with U+FFFD for them.

    Single-byte Arabic code pages almost never form valid multi-byte UTF-8 sequences, so text
    that decodes with twenty real multi-byte characters or more for each error is UTF-8, not
    windows-1256.
    """
    text = data.decode("utf-8", errors="replace")
    errors = text.count("\ufffd")
    multibyte = sum(1 for ch in text[:50_000] if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte >= 20 * errors:
        return text
    return None


def _checked(text: str) -> str:
    sample = text[:20_000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise Skip("binary content (control characters), not text")
    return text


def _plausibility(text: str) -> float:
    """Share of the non-space characters that are Arabic letters or ASCII (text that reads)."""
    sample = text[:50_000]
    good = other = 0
    for ch in sample:
        if ch.isspace():
            continue
        o = ord(ch)
        if 0x20 < o < 0x7F or 0x0621 <= o <= 0x064A or 0x0660 <= o <= 0x0669 or ch in "،؛؟":
            good += 1
        else:
            other += 1
    return good / (good + other) if good + other else 0.0


def _canonical(name: str) -> str:
    n = name.strip().strip("\"'").lower()
    n = _ALIASES.get(n, n)
    try:
        return codecs.lookup(n).name
    except LookupError:
        return n
