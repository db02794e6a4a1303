"""Fetching URLs and feeds from URLs, against a loopback server started by the test."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from marsad.errors import Refusal, Skip
from marsad.ingest import fetch as fetch_module
from marsad.ingest import read
from marsad.ingest.fetch import check_url, fetch
from marsad.models import Article
from marsad.settings import Settings

P1 = "أعلنت البلدية افتتاح مكتبة عامة جديدة في وسط المدينة تضم عشرة آلاف كتاب."
P2 = "وقال رئيس البلدية إن المكتبة ستفتح أبوابها يوميا حتى المساء."
PAGE = f"""<html><head><title>مكتبة جديدة</title></head><body><nav><a href="/">الرئيسية</a></nav>
<article><h1>مكتبة جديدة</h1><p>{P1}</p><p>{P2}</p></article></body></html>"""


def _feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار البلدية</title>
<item><title>مكتبة جديدة في الوسط</title><link>{base}/page.html</link><pubDate>Tue, 05 Mar 2024 10:30:00 +0300</pubDate>
<description>ملخص قصير عن المكتبة.</description></item>
<item><title>خبر صفحته مفقودة</title><link>{base}/missing</link>
<description>ملخص يحل محل الصفحة المفقودة.</description></item>
<item><title>خبر ثالث</title><link>{base}/page.html?n=3</link><description>ملخص الخبر الثالث.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, ctype: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path.split("?")[0]
        if path == "/page.html":
            self._send(200, PAGE.encode("cp1256"), "text/html; charset=windows-1256")
        elif path == "/feed.xml":
            self._send(200, _feed(base).encode("utf-8"), "application/rss+xml")
        elif path == "/records.jsonl":
            self._send(200, json.dumps({"id": "w1", "text": P1}).encode("utf-8"), "application/x-ndjson")
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()  # no Content-Length: the reader must stop on its own
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the reader stopped at its limit
                for _ in range(200):
                    self.wfile.write(("أ" * 5000).encode("utf-8"))
        elif path == "/slow":
            time.sleep(1.5)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the reader gave up
                self._send(200, b"late", "text/plain")
        else:
            self._send(404, b"not found", "text/plain")


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


LOCAL = Settings(allow_private_urls=True, fetch_timeout=5.0)


def test_loopback_url_is_refused_by_default(server: str) -> None:
    (r,) = list(read([f"{server}/page.html"]))
    assert isinstance(r, Refusal) and "private, loopback or link-local" in r.reason
    assert r.source == f"{server}/page.html"


@pytest.mark.parametrize(
    "url", ["http://localhost/x", "http://169.254.169.254/latest", "http://10.1.2.3/", "http://[::1]/"]
)
def test_check_url_refuses_non_public_addresses(url: str) -> None:
    with pytest.raises(Skip):
        check_url(url, Settings())


def test_check_url_refuses_other_schemes() -> None:
    with pytest.raises(Skip) as e:
        check_url("file:///etc/passwd", Settings(allow_private_urls=True))
    assert "http" in e.value.reason


def test_page_url_is_fetched_decoded_and_extracted(server: str) -> None:
    (a,) = list(read([f"{server}/page.html"], LOCAL))
    assert isinstance(a, Article)
    assert a.url == f"{server}/page.html" and a.title == "مكتبة جديدة"
    assert a.text.split("\n") == [P1, P2]


def test_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    (a,) = list(read([f"{server}/redirect"], LOCAL))
    assert isinstance(a, Article) and a.url == f"{server}/page.html"


def test_redirect_loop_is_bounded(server: str) -> None:
    (r,) = list(read([f"{server}/loop"], LOCAL))
    assert isinstance(r, Refusal) and "redirects" in r.reason


def test_redirect_target_is_checked_again(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = fetch_module.check_url
    first = f"{server}/redirect"

    def first_hop_allowed(url: str, settings: Settings) -> None:
        real(url, settings.with_(allow_private_urls=(url == first)))

    monkeypatch.setattr(fetch_module, "check_url", first_hop_allowed)
    with pytest.raises(Skip) as e:
        fetch(first, Settings())
    assert "loopback" in e.value.reason


def test_response_over_the_size_limit_is_refused(server: str) -> None:
    (r,) = list(read([f"{server}/big"], LOCAL.with_(fetch_max_bytes=100_000)))
    assert isinstance(r, Refusal) and "larger than the limit" in r.reason


def test_slow_response_times_out(server: str) -> None:
    (r,) = list(read([f"{server}/slow"], LOCAL.with_(fetch_timeout=0.3)))
    assert isinstance(r, Refusal) and "timed out" in r.reason


def test_http_error_is_refused_with_its_status(server: str) -> None:
    (r,) = list(read([f"{server}/nothing-here"], LOCAL))
    assert isinstance(r, Refusal) and "404" in r.reason


def test_jsonl_url_is_sniffed_like_a_file(server: str) -> None:
    (a,) = list(read([f"{server}/records.jsonl"], LOCAL))
    assert isinstance(a, Article) and a.id == "w1"


def test_feed_url_fetches_entry_pages_and_falls_back_to_summaries(server: str) -> None:
    first, second, third = list(read([f"{server}/feed.xml"], LOCAL.with_(fetch_feed_entries=2)))
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    # the page was fetched: its main text, the entry's title and date
    assert first.text.split("\n") == [P1, P2]
    assert first.title == "مكتبة جديدة في الوسط" and first.published == "2024-03-05T10:30:00+03:00"
    assert first.outlet == "أخبار البلدية"
    # the page is missing: the summary stands in
    assert second.text == "ملخص يحل محل الصفحة المفقودة." and second.url == f"{server}/missing"
    # beyond fetch_feed_entries: the summary, no fetch
    assert third.text == "ملخص الخبر الثالث."
