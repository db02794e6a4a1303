"""``marsad stories``: a story reported by two outlets is listed with both, and shown whole by id."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.store.sqlite import SqliteStore
from tests.test_stories_sqlite import FAIR, QUAKE_OTHER_OUTLET, analysis, quake


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


def test_stories_say_clearly_when_the_backend_keeps_none(store_url: str) -> None:
    result = CliRunner().invoke(app, ["stories", "--db", store_url])
    if store_url.startswith("sqlite"):
        assert result.exit_code == 0, result.output
    else:  # PostgreSQL keeps no stories yet: a clear message and a usage error, not a traceback
        assert result.exit_code == 2
        assert "stories" in result.output and "Traceback" not in result.output
