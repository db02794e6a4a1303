"""Stable article ids: from the record's own id, else the URL, else the normalised text."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from marsad.text.normalize import fold

TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, fragment and tracking parameters dropped, trailing slash removed."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(TRACKING_PARAMS)]
    )
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def text_key(text: str) -> str:
    """The normalised text that exact-duplicate detection compares."""
    return " ".join(fold(text).split())


def _digest(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:16]


def article_id(*, record_id: str | None = None, url: str | None = None, text: str = "") -> str:
    if record_id:
        return str(record_id)
    if url:
        return "u" + _digest(canonical_url(url))
    return "t" + _digest(text_key(text))


def text_hash(text: str) -> str:
    return _digest(text_key(text))
