"""URL ingestion refuses private, loopback and link-local addresses (SSRF) unless allowed, also
when a public URL redirects there.  Public hosts are simulated (resolver and transport patched):
no traffic leaves the machine; the only real server is a loopback one the test starts."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import httpx
import pytest

from marsad.errors import Refusal, Skip
from marsad.ingest import fetch as fetch_module
from marsad.ingest import read
from marsad.ingest.fetch import check_url
from marsad.models import Article
from marsad.settings import Settings

PAGE = (
    "<html><head><title>خبر</title></head><body><article><h1>خبر</h1>"
    "<p>قال رئيس النقابة إن الإضراب سينتهي غدا بعد اتفاق مع الوزارة.</p>"
    "<p>وأضاف أن العمال سيعودون إلى المصانع صباحا.</p></article></body></html>"
).encode()

BLOCKED = [
    "http://127.0.0.1/",
    "http://127.1.2.3:8080/x",
    "http://localhost/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://10.1.2.3/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/",
    "http://[fd00::1]/",
    "http://100.64.0.1/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://224.0.0.1/",
]


@pytest.mark.parametrize("url", BLOCKED)
def test_non_public_addresses_are_refused_before_any_connection(url: str) -> None:
    with pytest.raises(Skip) as e:
        check_url(url, Settings())
    assert "private, loopback or link-local" in e.value.reason or "cannot resolve" in e.value.reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://127.0.0.1/", "ftp://example.org/", "http:///x"])
def test_other_schemes_and_hostless_urls_are_refused(url: str) -> None:
    with pytest.raises(Skip):
        check_url(url, Settings())


class _Page(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Page.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def loopback() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_loopback_server_is_not_contacted_unless_allowed(loopback: str) -> None:
    _Page.hits.clear()
    (refusal,) = list(read([f"{loopback}/a"], Settings()))
    assert isinstance(refusal, Refusal) and "loopback" in refusal.reason
    assert _Page.hits == []
    (article,) = list(read([f"{loopback}/a"], Settings(allow_private_urls=True)))
    assert isinstance(article, Article) and "الإضراب" in article.text
    assert _Page.hits == ["/a"]


@pytest.fixture
def public_web(monkeypatch: pytest.MonkeyPatch, loopback: str) -> None:
    """``news.example`` resolves to a public address and answers with redirects (no real traffic)."""
    real = socket.getaddrinfo

    def resolve(host: str, *args: Any, **kwargs: Any) -> Any:
        if host.endswith(".example"):
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80))]
        return real(host, *args, **kwargs)

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.url.host != "news.example":  # the guard must stop before anything else is asked
            raise AssertionError(f"request to a refused address: {request.url}")
        targets = {
            "/to-loopback": f"{loopback}/secret",
            "/to-metadata": "http://169.254.169.254/latest/meta-data/",
            "/to-private": "http://[::ffff:10.0.0.1]/",
            "/to-file": "file:///etc/passwd",
            "/chain": "/chain2",
            "/chain2": "http://localhost/admin",
            "/to-public": "/page",
        }
        if path in targets:
            return httpx.Response(302, headers={"Location": targets[path]})
        return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, content=PAGE)

    original = httpx.Client

    def client(*args: Any, **kwargs: Any) -> httpx.Client:
        return original(*args, **{**kwargs, "transport": httpx.MockTransport(answer)})

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolve)
    monkeypatch.setattr(fetch_module.httpx, "Client", client)


@pytest.mark.parametrize("path", ["/to-loopback", "/to-metadata", "/to-private", "/to-file", "/chain"])
@pytest.mark.usefixtures("public_web")
def test_a_redirect_to_a_refused_address_is_refused(path: str) -> None:
    _Page.hits.clear()
    (refusal,) = list(read([f"http://news.example{path}"], Settings()))
    assert isinstance(refusal, Refusal), refusal
    assert refusal.source == f"http://news.example{path}"
    assert "loopback" in refusal.reason or "only http and https" in refusal.reason
    assert _Page.hits == []


@pytest.mark.usefixtures("public_web")
def test_a_redirect_between_public_pages_is_followed() -> None:
    (article,) = list(read(["http://news.example/to-public"], Settings()))
    assert isinstance(article, Article) and "الإضراب" in article.text


def test_the_checked_address_is_the_one_connected_to(monkeypatch: pytest.MonkeyPatch, loopback: str) -> None:
    """DNS rebinding: the host answers an approved address to the check and another one afterwards; the
    connection must go to the approved one (here the loopback server, approved by a patched check)."""
    port = int(loopback.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    answers: list[str] = []

    def resolve(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.example":
            answers.append(host)
            ip = "127.0.0.1" if len(answers) == 1 else "192.0.2.1"  # later answers: an unreachable address
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolve)
    monkeypatch.setattr(fetch_module.ipaddress.IPv4Address, "is_global", property(lambda self: True))
    _Page.hits.clear()
    fetched = fetch_module.fetch(f"http://rebind.example:{port}/pinned", Settings(fetch_timeout=2.0))
    assert answers == ["rebind.example"]  # resolved once, by the check
    assert _Page.hits == ["/pinned"] and "الإضراب" in fetched.data.decode()
