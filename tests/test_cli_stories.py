"""``marsad stories``: a story reported by two outlets is listed with both, shown whole by id, on every backend."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.store import open_store
from marsad.store.sqlite import SqliteStore
from tests.test_stories_sqlite import FAIR, QUAKE, QUAKE_OTHER_OUTLET, analysis, quake


def test_stories_lists_a_story_across_outlets_and_shows_it_whole(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SqliteStore(str(db)) as store:
        store.add([quake("outlet-a")])
        store.add([analysis(QUAKE_OTHER_OUTLET, "outlet-b", "2024-03-02T09:00:00+03:00", "https://b.example/q")])
        store.add([analysis(FAIR, "outlet-c", "2024-03-02T10:00:00+03:00", "https://c.example/f")])
    runner = CliRunner()
    listed = runner.invoke(app, ["stories", "--db", f"sqlite:///{db}", "--min-outlets", "2", "--json"])
    assert listed.exit_code == 0, listed.output
    page = json.loads(listed.output)
    assert page["total"] == 1
    story = page["items"][0]
    assert sorted(story["outlets"]) == ["outlet-a", "outlet-b"]
    shown = runner.invoke(app, ["stories", "--db", f"sqlite:///{db}", "--id", story["id"]])
    assert shown.exit_code == 0 and "outlet-b" in shown.output and "وزير الداخلية" in shown.output
    missing = runner.invoke(app, ["stories", "--db", f"sqlite:///{db}", "--id", "nope"])
    assert missing.exit_code == 2


def test_stories_and_near_copies_are_listed_on_every_backend(store_url: str) -> None:
    """SQLite and PostgreSQL alike (the PostgreSQL case needs PostgresStore hooked to marsad.store.stories_postgres)."""
    title, text = QUAKE
    copy = analysis(
        (title, text.replace("مئات المصابين", "مئات الجرحى")), "outlet-c", "2024-03-01", "https://c.example/c"
    )
    with open_store(store_url) as store:
        store.add([quake("outlet-a")])
        store.add([copy, analysis(QUAKE_OTHER_OUTLET, "outlet-b", "2024-03-02T09:00:00+03:00", "https://b.example/q")])
    runner = CliRunner()
    listed = runner.invoke(app, ["stories", "--db", store_url, "--min-outlets", "2", "--json"])
    assert listed.exit_code == 0, listed.output
    page = json.loads(listed.output)
    assert page["total"] == 1 and page["items"][0]["outlets"] == ["outlet-a", "outlet-b", "outlet-c"]
    found = runner.invoke(app, ["stories", "زلزال", "--db", store_url, "--json"])
    assert found.exit_code == 0 and json.loads(found.output)["total"] == 1
    copies = runner.invoke(app, ["stories", "--duplicates", "--db", store_url, "--json"])
    assert copies.exit_code == 0, copies.output
    assert [c["id"] for c in json.loads(copies.output)["items"]] == [copy.article.id]
