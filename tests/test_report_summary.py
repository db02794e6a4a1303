"""The report's numbers as Markdown, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json

from report_samples import analysis, article, statement

from marsad.report.compare import compare
from marsad.report.summary import CSV_COLUMNS, render_markdown, to_csv, to_dict
from marsad.report.views import ReportMeta

META = ReportMeta("test corpus", "2026-01-01 00:00 UTC", None)


def _comparison():  # type: ignore[no-untyped-def]
    a = article("m1", "X", "هاجمت ميليشيا الحوثي مأرب. وقال الوزير إن الحوثيين خرقوا الهدنة.")
    b = article("m2", "Y", "أعلن الحوثيون السيطرة على مأرب.")
    return compare([analysis(a, statements=(statement(a, "الحوثيين خرقوا الهدنة", "الوزير"),)), analysis(b)])


def test_markdown_lists_outlets_and_the_wording_table_with_counts() -> None:
    md = render_markdown(_comparison(), META)
    assert "| X | 1 |" in md and "| Y | 1 |" in md
    assert "## Houthis" in md
    assert "100% (1/1) ⚠" in md


def test_json_holds_own_voice_and_quoted_wording_per_outlet() -> None:
    doc = json.loads(json.dumps(to_dict(_comparison(), META), ensure_ascii=False))
    houthis = doc["concepts"]["Houthis"]
    assert houthis["own"]["X"]["terms"]["ميليشيا الحوثي"]["count"] == 1
    assert houthis["quoted"]["X"]["terms"]["الحوثيون"]["count"] == 1
    assert houthis["own"]["Y"]["non_neutral"] == {"count": 0, "total": 1, "share": 0.0, "low": True}
    assert [o["outlet"] for o in doc["outlets"]] == ["X", "Y"]
    assert doc["outlets"][0]["top_speakers"] == [["الوزير", 1]]


def test_csv_is_long_form_with_one_row_per_count() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(_comparison()))))
    assert tuple(rows[0]) == CSV_COLUMNS
    wording = [r for r in rows if r["table"] == "wording" and r["outlet"] == "X" and r["voice"] == "own"]
    assert {r["term"]: (r["count"], r["total"]) for r in wording}["ميليشيا الحوثي"] == ("1", "1")
    assert any(r["table"] == "statement_kind" and r["key"] == "indirect" and r["count"] == "1" for r in rows)
