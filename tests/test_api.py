"""The JSON API through the ASGI test client: every endpoint, paging, filters, 4xx, the API key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from server_sample import (
    HADDAD,
    HADDAD_SAYS,
    MANSOUR,
    OMARI,
    OUTLET_A,
    OUTLET_B,
    RELIEF,
    ROUTINE,
    SCRIPT_ID,
    build_store_db,
)

from marsad.server import ServerConfig, create_app
from marsad.settings import Settings
from marsad.store import search_plan

KEY = "s3cret-key-for-tests"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store_db(tmp_path_factory.mktemp("api") / "api.db")


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url, Settings(), ServerConfig())) as c:
        yield c


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A client over a fresh store, with the API key configured."""
    url = build_store_db(tmp_path / "w.db")
    with TestClient(create_app(url, Settings(), ServerConfig(api_key=KEY, max_request_bytes=50_000))) as c:
        yield c


def get(client: TestClient, path: str, status: int = 200, **params: Any) -> Any:
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    return r.json()


def test_health_reports_counts_and_that_writes_are_off(client: TestClient) -> None:
    body = get(client, "/api/health")
    assert body["status"] == "ok"
    assert body["counts"]["articles"] == ROUTINE + 3
    assert body["writable"] is False


def test_article_is_the_contract_document(client: TestClient) -> None:
    doc = get(client, "/api/articles/haddad-1")
    assert set(doc) >= {"id", "url", "outlet", "published", "title", "text", "language", "zones", "related"}
    assert set(doc) >= {"entities", "statements", "dates", "framing"}
    for s in doc["statements"]:
        c = s["content"]
        assert doc["text"][c["start"] : c["end"]] == c["text"]
    assert doc["dates"][0]["value"] == "2024-03-12"


def test_unknown_article_is_404_with_a_message(client: TestClient) -> None:
    assert "no article" in get(client, "/api/articles/nope", 404)["detail"]


def test_statements_filter_by_speaker(client: TestClient) -> None:
    page = get(client, "/api/statements", speaker=HADDAD)
    assert page["total"] == 3
    assert {i["speaker"]["canonical"] for i in page["items"]} == {HADDAD}
    assert all(i["article_id"].startswith("haddad-") for i in page["items"])


def test_statements_filter_by_outlet_kind_and_dates(client: TestClient) -> None:
    by_outlet = get(client, "/api/statements", outlet=OUTLET_B, limit=100)
    assert by_outlet["total"] > 0 and {i["outlet"] for i in by_outlet["items"]} == {OUTLET_B}
    direct = get(client, "/api/statements", kind="direct")
    assert direct["total"] == 2 and {i["kind"] for i in direct["items"]} == {"direct"}
    spring = get(client, "/api/statements", since="2024-04-01", until="2024-05-31")
    assert {i["article_id"] for i in spring["items"]} == {"haddad-2", SCRIPT_ID}
    march_2023 = get(client, "/api/statements", since="2023-03", until="2023-03")
    assert march_2023["total"] > 0 and all(i["published"].startswith("2023-03") for i in march_2023["items"])


def test_statements_filter_by_entity_and_text(client: TestClient) -> None:
    about = get(client, "/api/statements", entity=RELIEF)
    assert about["total"] >= 1 and all(i["article_id"] == "haddad-2" for i in about["items"])
    found = get(client, "/api/statements", q="الحوار")
    assert [i["content"]["text"] for i in found["items"]] == ["الحوار هو الطريق الوحيد لحل الأزمة"]


def test_pages_are_stable_disjoint_and_cover_the_total(client: TestClient) -> None:
    seen: list[tuple[str, int]] = []
    offset: int | None = 0
    while offset is not None:
        page = get(client, "/api/statements", speaker=OMARI, limit=7, offset=offset)
        assert page["limit"] == 7 and page["offset"] == offset and len(page["items"]) <= 7
        seen += [(i["article_id"], i["index"]) for i in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == ROUTINE
    again = get(client, "/api/statements", speaker=OMARI, limit=7, offset=7)
    assert [(i["article_id"], i["index"]) for i in again["items"]] == seen[7:14]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"limit": 101}, "limit"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 10_001}, "offset"),
        ({"kind": "rumour"}, "kind"),
        ({"limit": "many"}, "limit"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(client: TestClient, params: dict[str, Any], words: str) -> None:
    body = get(client, "/api/statements", 422, **params)
    assert words in body["detail"]
    assert body["errors"] and words in body["errors"][0]["location"]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"since": "yesterday"}, "since"),
        ({"until": "2024-02-30"}, "until"),
        ({"since": "2024-05-01", "until": "2024-04-01"}, "after"),
    ],
)
def test_bad_dates_are_400_saying_what_is_wrong(client: TestClient, params: dict[str, Any], words: str) -> None:
    assert words in get(client, "/api/statements", 400, **params)["detail"]


def test_articles_list_filters_and_pages(client: TestClient) -> None:
    page = get(client, "/api/articles", outlet=OUTLET_A, limit=5)
    assert page["total"] == sum(1 for i in range(ROUTINE) if i % 3 == 0) + 2
    assert {i["outlet"] for i in page["items"]} == {OUTLET_A}
    assert page["next_offset"] == 5
    assert all({"id", "title", "snippet", "published"} <= set(i) for i in page["items"])


def test_search_switches_between_statements_and_articles(client: TestClient) -> None:
    statements = get(client, "/api/search", q="المساعدات")
    assert statements["what"] == "statements" and statements["items"][0]["speaker"]["canonical"] == RELIEF
    articles = get(client, "/api/search", q="المساعدات", what="articles")
    assert articles["what"] == "articles" and articles["items"][0]["id"] == "haddad-2"
    assert "what" in get(client, "/api/search", 422, what="people")["detail"]


def test_entities_list_and_entity_with_aliases_and_statements(client: TestClient) -> None:
    listed = get(client, "/api/entities", name="الحداد")
    assert [e["canonical"] for e in listed["items"]] == [HADDAD]
    one = get(client, f"/api/entities/{HADDAD}")
    assert one["aliases"] == ["الحداد"] and one["type"] == "PER"
    assert one["statements_by"]["total"] == 3
    assert "no entity" in get(client, "/api/entities/لا أحد هنا", 404)["detail"]


def test_speaker_has_timeline_and_outlets(client: TestClient) -> None:
    body = get(client, f"/api/speakers/{OMARI}", limit=5)
    assert body["total"] == ROUTINE and len(body["statements"]["items"]) == 5
    assert body["timeline"]["unit"] == "month"
    assert sum(p["count"] for p in body["timeline"]["periods"]) == ROUTINE
    assert len(body["timeline"]["periods"]) == 12
    assert {o["outlet"] for o in body["outlets"]} == {OUTLET_A, OUTLET_B}
    assert body["kinds"]["indirect"] == ROUTINE
    get(client, "/api/speakers/لا أحد", 404)


def test_outlets_and_their_comparison(client: TestClient) -> None:
    outlets = get(client, "/api/outlets")["items"]
    assert {o["outlet"] for o in outlets} == {OUTLET_A, OUTLET_B}
    compared = {o["outlet"]: o for o in get(client, "/api/outlets/compare")["items"]}
    assert compared[OUTLET_B]["framing_markers"] == {"scare-quotes": 1, "loaded-term": 1, "honorific": 0}
    assert compared[OUTLET_A]["framing_markers"]["loaded-term"] == 0
    assert compared[OUTLET_A]["statement_kinds"]["direct"] == 1


def test_openapi_is_served_at_docs(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text  # served offline, no CDN
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"/api/statements", "/api/articles/{article_id}", "/api/ingest", "/api/health"} <= set(paths)
    guide = spec["info"]["description"]
    assert all(word in guide for word in ("next_offset", "X-API-Key", "misspelt filter is refused", "422"))
    assert {p["name"] for p in paths["/api/ingest"]["post"]["parameters"]} == {"x-api-key"}
    filters = {p["name"] for p in paths["/api/statements"]["get"]["parameters"]}
    assert filters == {"q", "speaker", "entity", "outlet", "since", "until", "kind", "limit", "offset"}


def test_security_headers_on_api_and_pages(client: TestClient) -> None:
    for path in ("/api/health", "/", "/api/articles/nope"):
        r = client.get(path)
        assert r.headers["content-security-policy"].startswith("default-src 'self'")
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_ingest_is_off_without_a_configured_key(client: TestClient) -> None:
    r = client.post("/api/ingest", json={"documents": [{"text": "قال الوزير إن الطقس جميل."}]})
    assert r.status_code == 403 and "no API key" in r.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}, {"Authorization": "Bearer wrong"}])
def test_ingest_refuses_a_missing_or_wrong_key(writer: TestClient, headers: dict[str, str]) -> None:
    r = writer.post("/api/ingest", json={"documents": [{"text": "نص قصير."}]}, headers=headers)
    assert r.status_code == 401
    assert get(writer, "/api/health")["counts"]["articles"] == ROUTINE + 3


def test_ingest_with_the_key_analyses_stores_and_is_idempotent(writer: TestClient) -> None:
    """The real pipeline runs here (see the next test for a document whose analysis fails)."""
    doc = {
        "id": "new-1",
        "outlet": OUTLET_A,
        "published": "2024-06-01",
        "title": "تصريح جديد",
        "text": "وقال المتحدث باسم الحكومة إن الاجتماع سيعقد غدا في العاصمة.\nوأضاف أن الوفود وصلت.",
    }
    r = writer.post("/api/ingest", json={"documents": [doc]}, headers={"X-API-Key": KEY})
    assert r.status_code == 201, r.text
    assert r.json()["stored"] == 1 and r.json()["ids"] == ["new-1"]
    assert get(writer, "/api/articles/new-1")["text"] == doc["text"]
    again = writer.post("/api/ingest", json={"documents": [doc]}, headers={"Authorization": f"Bearer {KEY}"})
    assert again.status_code == 200 and again.json()["stored"] == 0 and again.json()["duplicates"] == 1


def test_a_document_whose_analysis_fails_is_refused_and_the_others_stored(
    writer: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.models import Analysis, Article
    from marsad.server import ingest as ingest_module

    def fragile(article: Article) -> Analysis:
        if "انكسار" in article.text:
            raise RuntimeError("analyser bug")
        return Analysis(article)

    monkeypatch.setattr(ingest_module, "analyse", fragile)
    docs = [{"text": "نص سليم تماما."}, {"text": "نص يسبب انكسار المحلل."}]
    r = writer.post("/api/ingest", json={"documents": docs}, headers={"X-API-Key": KEY})
    assert r.status_code == 201
    assert r.json()["stored"] == 1
    assert r.json()["refused"] == [{"source": "documents[1]", "reason": "could not analyse (RuntimeError)"}]


def test_ingest_refuses_bad_bodies_clearly(writer: TestClient) -> None:
    auth = {"X-API-Key": KEY}
    assert writer.post("/api/ingest", json={}, headers=auth).status_code == 400
    empty = writer.post("/api/ingest", json={"documents": [{"text": ""}]}, headers=auth)
    assert empty.status_code == 422 and "documents.0.text" in empty.json()["detail"]
    local = writer.post("/api/ingest", json={"urls": ["file:///etc/passwd"]}, headers=auth)
    assert local.status_code == 422 and "http" in local.json()["detail"]
    unknown = writer.post("/api/ingest", json={"documents": [{"text": "نص", "evil": 1}]}, headers=auth)
    assert unknown.status_code == 422


def test_ingest_refuses_an_oversized_body_with_413(writer: TestClient) -> None:
    big = {"documents": [{"text": "كلمة " * 20_000}]}
    r = writer.post("/api/ingest", json=big, headers={"X-API-Key": KEY})
    assert r.status_code == 413 and "too large" in r.json()["detail"]


def test_ingest_refuses_too_many_documents(tmp_path: Path) -> None:
    url = build_store_db(tmp_path / "few.db")
    config = ServerConfig(api_key=KEY, max_ingest_documents=2)
    with TestClient(create_app(url, Settings(), config)) as c:
        docs = [{"text": f"نص رقم {n}."} for n in range(3)]
        r = c.post("/api/ingest", json={"documents": docs}, headers={"X-API-Key": KEY})
        assert r.status_code == 413 and "at most 2" in r.json()["detail"]


def test_ingest_url_goes_through_the_reader_which_refuses_loopback(writer: TestClient) -> None:
    r = writer.post("/api/ingest", json={"urls": ["http://127.0.0.1:9/page"]}, headers={"X-API-Key": KEY})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] == 0
    assert [x["source"] for x in body["refused"]] == ["http://127.0.0.1:9/page"]
    assert "loopback" in body["refused"][0]["reason"]


def test_api_key_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_API_KEY", "from-env")
    assert ServerConfig.from_settings(Settings()).api_key == "from-env"
    monkeypatch.delenv("MARSAD_API_KEY")
    assert not ServerConfig.from_settings(Settings()).writable


def test_a_store_object_can_be_served_and_stays_open(db_url: str) -> None:
    import marsad

    store = marsad.open_store(db_url)
    try:
        with TestClient(create_app(store)) as c:
            assert get(c, "/api/statements", speaker=MANSOUR)["total"] == 1
        assert store.count()["articles"] == ROUTINE + 3
    finally:
        store.close()


def test_stories_are_listed_paged_and_shown_whole(client: TestClient) -> None:
    page = client.get("/api/stories", params={"limit": 2}).json()
    assert page["total"] >= 1 and len(page["items"]) <= 2
    first = page["items"][0]
    assert {"id", "label", "outlets", "articles", "statements", "copies"} <= set(first)
    one = client.get(f"/api/stories/{first['id']}").json()
    assert one["id"] == first["id"] and one["size"] == len(one["articles"])
    assert client.get("/api/stories/no-such-story").status_code == 404
    assert client.get("/api/stories", params={"min_outlets": 0}).status_code == 422
    assert client.get("/api/duplicates").json()["total"] >= 0


def test_a_total_past_the_count_cap_is_marked_capped(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    assert get(client, "/api/statements", speaker=OMARI)["total_capped"] is False
    monkeypatch.setattr(search_plan, "CAP", 10)
    page = get(client, "/api/statements", speaker=OMARI, limit=5)
    assert page["total"] == 10 and page["total_capped"] is True and page["next_offset"] == 5
    assert get(client, f"/api/speakers/{OMARI}")["total_capped"] is True


# --- every endpoint, every list's paging, every parameter's message -------------------------------

EXAMPLES = {  # one request for each GET path of the OpenAPI document
    "/api/health": "/api/health",
    "/api/search": "/api/search?q=الحوار",
    "/api/statements": "/api/statements",
    "/api/articles": "/api/articles",
    "/api/articles/{article_id}": "/api/articles/haddad-2",
    "/api/entities": "/api/entities",
    "/api/entities/{name}": f"/api/entities/{RELIEF}",
    "/api/speakers/{name}": f"/api/speakers/{HADDAD}",
    "/api/outlets": "/api/outlets",
    "/api/outlets/compare": "/api/outlets/compare",
    "/api/stories": "/api/stories",
    "/api/stories/{story_id}": None,  # an id is known only from the list: see test_stories_are_listed_paged...
    "/api/duplicates": "/api/duplicates",
}
LISTS = [
    "/api/statements",
    "/api/articles",
    "/api/search",
    "/api/entities",
    f"/api/entities/{HADDAD}",
    f"/api/speakers/{OMARI}",
    "/api/stories",
    "/api/duplicates",
]


def test_every_get_endpoint_of_the_openapi_answers_json(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    gets = {p for p, ops in paths.items() if "get" in ops}
    assert gets == set(EXAMPLES), "an endpoint without an example here is an endpoint without a test"
    for template, example in EXAMPLES.items():
        if example is None:
            continue
        r = client.get(example)
        assert r.status_code == 200, (template, r.text)
        assert r.headers["content-type"] == "application/json" and r.json()
    assert set(paths["/api/ingest"]) == {"post"}


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    ("params", "name"),
    [({"limit": 0}, "limit"), ({"limit": 101}, "limit"), ({"offset": -1}, "offset"), ({"limit": "x"}, "limit")],
)
def test_every_list_refuses_bad_paging_naming_the_parameter(
    client: TestClient, path: str, params: dict[str, Any], name: str
) -> None:
    body = get(client, path, 422, **params)
    assert f"query.{name}" in body["detail"] and [e["location"] for e in body["errors"]] == [f"query.{name}"]


@pytest.mark.parametrize("path", ["/api/statements", "/api/articles", "/api/search"])
@pytest.mark.parametrize(
    ("params", "words"),
    [({"since": "2024/01/01"}, "since: expected a date"), ({"until": "2023-13"}, "until:"), ({"until": ""}, None)],
)
def test_every_search_refuses_bad_dates_naming_them(
    client: TestClient, path: str, params: dict[str, Any], words: str | None
) -> None:
    r = client.get(path, params=params)
    if words is None:  # an empty field of a form is no filter
        assert r.status_code == 200
    else:
        assert r.status_code == 400 and words in r.json()["detail"], r.text


@pytest.mark.parametrize(
    ("path", "params", "words"),
    [
        ("/api/statements", {"speeker": HADDAD}, "speeker: unknown parameter"),
        ("/api/articles", {"kind": "direct"}, "kind: unknown parameter"),
        ("/api/search", {"limit": 5, "page": 2}, "page: unknown parameter"),
        ("/api/health", {"verbose": 1}, "takes no query parameters"),
    ],
)
def test_an_unknown_parameter_is_refused_not_ignored(
    client: TestClient, path: str, params: dict[str, Any], words: str
) -> None:
    body = get(client, path, 400, **params)
    assert words in body["detail"]
    if "speeker" in params:
        assert "speaker" in body["detail"].split("takes")[1]  # the message lists what the endpoint takes


def test_unknown_paths_and_methods_are_json_4xx(client: TestClient) -> None:
    assert get(client, "/api/nothing-here", 404)["detail"] == "Not Found"
    r = client.post("/api/statements")
    assert r.status_code == 405 and r.json()["detail"] == "Method Not Allowed"
    assert client.delete(f"/api/articles/{SCRIPT_ID}").status_code == 405


def test_articles_filter_by_speaker_entity_text_and_dates(client: TestClient) -> None:
    def ids(**params: Any) -> set[str]:
        return {a["id"] for a in get(client, "/api/articles", limit=100, **params)["items"]}

    assert ids(speaker=HADDAD) == {"haddad-1", "haddad-2"}
    assert ids(entity=RELIEF) == {"haddad-2"}
    assert ids(q="المساعدات") == {"haddad-2"}
    assert ids(since="2024-04-01", until="2024-05-31") == {"haddad-2", SCRIPT_ID}
    assert ids(speaker=MANSOUR, outlet=OUTLET_B) == set()


@pytest.mark.parametrize(("path", "key", "size"), [("/api/articles", "id", 6), ("/api/entities", "canonical", 1)])
def test_other_lists_page_stably_and_cover_the_total(client: TestClient, path: str, key: str, size: int) -> None:
    seen: list[str] = []
    offset: int | None = 0
    total = get(client, path, limit=1)["total"]
    while offset is not None:
        page = get(client, path, limit=size, offset=offset)
        seen += [i[key] for i in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == total > 2 * size
    assert [i[key] for i in get(client, path, limit=size, offset=size)["items"]] == seen[size : 2 * size]


def test_entity_found_by_alias_with_statements_by_it_and_about_it(client: TestClient) -> None:
    by_alias = get(client, "/api/entities/الحداد")
    assert by_alias["canonical"] == HADDAD
    relief = get(client, f"/api/entities/{RELIEF}")
    assert relief["aliases"] == ["الإغاثة الدولية"] and relief["type"] == "ORG"
    assert [s["content"]["text"] for s in relief["statements_by"]["items"]] == ["المساعدات وصلت إلى المدينة"]
    about = relief["statements_about"]["items"]
    assert HADDAD_SAYS in [s["content"]["text"] for s in about]
    assert {s["article_id"] for s in about} == {"haddad-2"}


def test_article_carries_its_framing_markers_with_spans_into_the_text(client: TestClient) -> None:
    doc = get(client, "/api/articles/haddad-2")
    assert {f["marker"] for f in doc["framing"]} == {"loaded-term", "scare-quotes"}
    for f in doc["framing"]:
        assert doc["text"][f["start"] : f["end"]] == f["text"]
    assert get(client, "/api/articles/haddad-1")["framing"] == []


def test_ingest_of_urls_analyses_and_stores_what_the_reader_returns(
    writer: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.errors import Refusal
    from marsad.models import Article
    from marsad.server import ingest as ingest_module

    asked: list[list[str]] = []

    def reader(urls: list[str], settings: Settings) -> list[Article | Refusal]:
        asked.append(list(urls))
        text = "وقال رئيس البلدية إن أعمال الصيانة ستنتهي قبل الشتاء."
        return [Article("web-1", text, "الصيانة", urls[0], OUTLET_B, "2024-07-01"), Refusal(urls[1], "HTTP 404")]

    monkeypatch.setattr(ingest_module, "read", reader)
    urls = ["https://example.org/news/1", "https://example.org/gone"]
    r = writer.post("/api/ingest", json={"urls": urls}, headers={"X-API-Key": KEY})
    assert r.status_code == 201, r.text
    assert asked == [urls]
    assert r.json()["ids"] == ["web-1"] and r.json()["refused"] == [{"source": urls[1], "reason": "HTTP 404"}]
    assert get(writer, "/api/articles/web-1")["url"] == urls[0]
    assert get(writer, "/api/articles", outlet=OUTLET_B, since="2024-07-01")["total"] == 1
