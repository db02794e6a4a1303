"""The HTTP server under hostile requests: injection attempts in every text parameter, escaping of
reflected input, bounded pagination, body limits (declared and streamed), the write key, and the
security headers on every kind of response (pages, API, errors, docs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from server_sample import SCRIPT_ID, build_store_db

from marsad.server import ServerConfig, create_app
from marsad.settings import Settings

KEY = "k3y-for-the-hardening-tests"
INJECTIONS = [
    "' OR 1=1 --",
    '" OR ""="',
    "'; DROP TABLE articles; --",
    "x' UNION SELECT doc FROM articles --",
    '"unbalanced',
    "NEAR(a b",
    "title:*",
    "* OR *",
    "AND OR NOT",
    "%' --",
    "\\",
    "%",
    "_",
    "ا" * 300,
    "\x00",
    "<script>alert(1)</script>",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = build_store_db(tmp_path_factory.mktemp("hard") / "h.db")
    config = ServerConfig(api_key=KEY, max_request_bytes=20_000)
    with TestClient(create_app(url, Settings(), config), raise_server_exceptions=False) as c:
        yield c


def _counts(client: TestClient) -> dict[str, int]:
    counts: dict[str, int] = client.get("/api/health").json()["counts"]
    return counts


@pytest.mark.parametrize("text", INJECTIONS)
def test_injection_attempts_in_search_return_normal_results_and_change_nothing(client: TestClient, text: str) -> None:
    before = _counts(client)
    everything = client.get("/api/search", params={"what": "articles", "limit": 100}).json()["total"]
    for what in ("articles", "statements"):
        for param in ("q", "speaker", "entity", "outlet"):
            r = client.get("/api/search", params={"what": what, param: text})
            assert r.status_code in (200, 422), (param, r.status_code, r.text)
            if r.status_code == 200 and what == "articles":
                assert r.json()["total"] < everything or not text.strip("%_*\\ "), (param, text)
    for path in ("/api/statements", "/api/articles", "/api/entities", "/api/stories"):
        r = client.get(path, params={"q": text})
        assert r.status_code in (200, 422), (path, r.status_code, r.text)
    seg = quote(text, safe="")
    for path in (f"/api/entities/{seg}", f"/api/speakers/{seg}", f"/speaker/{seg}", f"/entity/{seg}"):
        assert client.get(path).status_code in (200, 404, 422), path
    assert client.get("/", params={"q": text}).status_code == 200
    assert _counts(client) == before


def test_reflected_input_in_pages_is_escaped(client: TestClient) -> None:
    probe = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>"
    seg = quote(probe, safe="")
    for path, params in (("/", {"q": probe}), (f"/speaker/{seg}", {}), (f"/entity/{seg}", {})):
        page = client.get(path, params=params).text
        assert "<script>alert(" not in page and "<img src=x" not in page, path
    r = client.get("/api/nothing-here", params={"q": probe}, headers={"Accept": "text/html"})
    assert "<script>alert(" not in r.text


def test_a_stored_article_with_markup_is_shown_as_text(client: TestClient) -> None:
    page = client.get(f"/article/{SCRIPT_ID}").text
    assert "<script>window.__pwned" not in page and "&lt;script&gt;" in page
    assert 'href="javascript:' not in page


@pytest.mark.parametrize(
    "params", [{"limit": 1001}, {"limit": 0}, {"limit": -1}, {"offset": -1}, {"limit": "1e9"}, {"offset": "x"}]
)
def test_pagination_is_bounded(client: TestClient, params: dict[str, object]) -> None:
    for path in ("/api/search", "/api/statements", "/api/articles", "/api/entities"):
        assert client.get(path, params=params).status_code == 422, (path, params)


def test_a_huge_offset_is_an_empty_page_not_an_error(client: TestClient) -> None:
    r = client.get("/api/articles", params={"offset": 10**12})
    assert r.status_code in (200, 422)
    if r.status_code == 200:
        assert r.json()["items"] == []


def test_bodies_over_the_limit_are_refused_declared_or_streamed(client: TestClient) -> None:
    headers = {"X-API-Key": KEY, "Content-Type": "application/json"}
    big = b'{"documents": [{"text": "' + "ق".encode() * 20_000 + b'"}]}'
    assert client.post("/api/ingest", content=big, headers=headers).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts what arrives
        yield b'{"documents": [{"text": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}]}'

    assert client.post("/api/ingest", content=chunks(), headers=headers).status_code == 413
    lying = {**headers, "Content-Length": "-5"}
    assert client.post("/api/ingest", content=b"{}", headers=lying).status_code in (400, 413)


def test_the_key_is_needed_for_writes_and_only_in_a_header(client: TestClient) -> None:
    doc = {"documents": [{"text": "قالت المعلمة إن الامتحان سيكون سهلا."}]}
    assert client.post("/api/ingest", json=doc).status_code == 401
    assert client.post("/api/ingest", json=doc, params={"api_key": KEY}).status_code == 401
    assert client.post("/api/ingest", json=doc, headers={"X-API-Key": KEY[:-1]}).status_code == 401
    assert client.post("/api/ingest", json=doc, headers={"X-API-Key": KEY + "x"}).status_code == 401
    latin: dict[str, bytes] = {"X-API-Key": b"\xe9" * 5}
    assert client.post("/api/ingest", json=doc, headers=latin).status_code == 401
    for method in ("put", "delete", "patch"):
        assert getattr(client, method)("/api/articles/x").status_code in (404, 405)


def test_ingest_of_urls_refuses_loopback_and_private_addresses(client: TestClient) -> None:
    urls = ["http://127.0.0.1:9/x", "http://[::1]/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/"]
    r = client.post("/api/ingest", json={"urls": urls}, headers={"X-API-Key": KEY})
    assert r.status_code == 200, r.text
    refused = r.json()["refused"]
    assert len(refused) == len(urls)
    assert all("private, loopback or link-local" in x["reason"] for x in refused), refused


@pytest.mark.parametrize(
    "path", ["/", "/api/health", "/api/articles/none", "/nope", f"/article/{SCRIPT_ID}", "/api/search?limit=0"]
)
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-inline" not in r.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_writes_are_off_when_no_key_is_configured(tmp_path: Path) -> None:
    url = build_store_db(tmp_path / "ro.db")
    with TestClient(create_app(url, Settings(), ServerConfig())) as c:
        r = c.post("/api/ingest", json={"documents": [{"text": "نص"}]}, headers={"X-API-Key": ""})
        assert r.status_code == 403
