"""Fetching URLs with bounds: timeouts, a size limit, bounded redirects, and an SSRF guard.

Private, loopback, link-local and other non-global addresses are refused (after every redirect
too) unless ``Settings.allow_private_urls``.  The address that was checked is the one connected
to: the host is not resolved a second time, so a DNS answer that changes between the check and
the connection (DNS rebinding) cannot reach a private address.  The response is sniffed like a file.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from marsad.errors import Refusal, Skip
from marsad.ingest.rawdoc import RawDoc
from marsad.settings import Settings

MAX_REDIRECTS = 5
DEADLINE_FACTOR = 4  # a whole fetch (all chunks) may take this many times the per-operation timeout


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body read within the limits, and where it finally came from."""

    url: str
    data: bytes
    content_type: str | None
    charset: str | None

    @property
    def is_html(self) -> bool:
        ctype = (self.content_type or "").lower()
        if "html" in ctype:
            return True
        head = self.data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def raw_from_url(url: str, settings: Settings) -> Iterator[RawDoc | Refusal]:
    """The RawDocs behind a URL: the body is sniffed like a file (page, feed, JSONL, WARC...)."""
    from marsad.ingest import raw_from_bytes

    try:
        fetched = fetch(url, settings)
    except Skip as e:
        yield Refusal(url, e.reason)
        return
    html = "html" in (fetched.content_type or "").lower()
    yield from raw_from_bytes(url, fetched.data, settings, url=fetched.url, encoding=fetched.charset, html=html)


class _PinnedBackend(httpcore.SyncBackend):
    """Connects to the address :func:`check_url` approved for a host instead of resolving it again."""

    def __init__(self) -> None:
        self.pins: dict[str, str] = {}

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        return super().connect_tcp(self.pins.get(host, host), port, timeout, local_address, socket_options)


def _pinned_transport(backend: _PinnedBackend) -> httpx.HTTPTransport:
    """httpx's own transport with a connection pool that connects through ``backend`` (TLS still checks
    the certificate against the host name of the URL)."""
    transport = httpx.HTTPTransport()
    transport._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), network_backend=backend)
    return transport


def fetch(url: str, settings: Settings) -> Fetched:
    """GET ``url`` following at most ``MAX_REDIRECTS`` redirects; raises :class:`Skip` with the reason."""
    timeout = httpx.Timeout(settings.fetch_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml,*/*"}
    backend = _PinnedBackend()
    try:
        with httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers=headers,
            trust_env=False,
            transport=_pinned_transport(backend),
        ) as client:
            for _ in range(MAX_REDIRECTS + 1):
                address = check_url(url, settings)
                host = urlsplit(url).hostname
                if address is not None and host:
                    backend.pins[host] = address
                with client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise Skip(f"HTTP {resp.status_code} redirect without a Location")
                        url = urljoin(str(resp.url), location)
                        continue
                    if resp.status_code >= 400:
                        raise Skip(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                    data = _bounded_body(resp, settings)
                    return Fetched(str(resp.url), data, resp.headers.get("content-type"), resp.charset_encoding)
    except httpx.TimeoutException as e:
        raise Skip(f"fetch timed out after {settings.fetch_timeout:g} s ({type(e).__name__})") from e
    except httpx.HTTPError as e:
        raise Skip(f"fetch failed: {type(e).__name__}: {e}") from e
    raise Skip(f"more than {MAX_REDIRECTS} redirects")


def _bounded_body(resp: httpx.Response, settings: Settings) -> bytes:
    limit = settings.fetch_max_bytes
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise Skip(f"response of {declared} bytes is larger than the limit of {limit}")
    deadline = time.monotonic() + settings.fetch_timeout * DEADLINE_FACTOR
    buf = bytearray()
    for chunk in resp.iter_bytes():  # decoded (gzip/deflate) bytes: an HTTP-level bomb is bounded too
        buf += chunk
        if len(buf) > limit:
            raise Skip(f"response larger than the limit of {limit} bytes")
        if time.monotonic() > deadline:
            raise Skip(f"response took longer than {settings.fetch_timeout * DEADLINE_FACTOR:g} s")
    return bytes(buf)


def check_url(url: str, settings: Settings) -> str | None:
    """Refuse a URL that is not http(s) or whose host resolves to a non-public address; returns the
    address to connect to (None when private addresses are allowed: the host is resolved as usual)."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise Skip(f"only http and https URLs are fetched, not {parts.scheme or 'none'!r}")
    host = parts.hostname
    if not host:
        raise Skip("URL without a host")
    if settings.allow_private_urls:
        return None
    try:
        infos = socket.getaddrinfo(
            host, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM
        )
    except (socket.gaierror, UnicodeError) as e:
        raise Skip(f"cannot resolve host {host!r}: {e}") from e
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            raise Skip(
                f"refused to fetch {host!r}: it resolves to a private, loopback or link-local address ({ip}); "
                "set allow_private_urls to allow it"
            )
    return str(infos[0][4][0])
