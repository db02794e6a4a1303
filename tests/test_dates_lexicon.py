"""The date lexicon and number words: built from the shared sources, folded, complete."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from marsad.nlp.date_lexicon import lexicon
from marsad.nlp.numbers import cardinal_value, ordinal_value
from tests.conftest import ROOT, shared_path


def test_every_gregorian_month_has_names_of_several_regions() -> None:
    by_month: dict[int, set[str]] = {}
    for name, month in lexicon().gregorian.items():
        by_month.setdefault(month, set()).add(name)
    assert sorted(by_month) == list(range(1, 13))
    assert {"كانون الثاني", "جانفي", "يناير"} <= by_month[1]
    assert {"اب", "غشت", "اوت", "اغسطس"} <= by_month[8]


def test_hijri_months_include_spelling_variants() -> None:
    hijri = lexicon().hijri
    assert hijri["ربيع الاول"] == 3 and hijri["ربيع الاخر"] == 4 and hijri["ذي الحجه"] == 12


def test_months_json_is_reproducible_from_the_shared_lexicons(tmp_path: Path) -> None:
    src = shared_path("data", "lexicons", "dates")
    out = tmp_path / "months.json"
    script = ROOT / "scripts" / "build_months.py"
    subprocess.run([sys.executable, str(script), str(src), "-o", str(out)], check=True, capture_output=True)
    shipped = json.loads((ROOT / "marsad" / "data" / "months.json").read_text("utf-8"))
    assert json.loads(out.read_text("utf-8")) == shipped
    assert "CLDR" in shipped["source"] and "hijridate" in shipped["source"] and "dateparser" in shipped["source"]


def test_ordinal_words() -> None:
    assert ordinal_value("السابع") == 7
    assert ordinal_value("الحادي عشر") == 11
    assert ordinal_value("الثاني والعشرين") == 22
    assert ordinal_value("الثلاثين") == 30
    assert ordinal_value("الكبير") is None


def test_cardinal_words_and_digits() -> None:
    assert cardinal_value("ست") == 6
    assert cardinal_value("12") == 12
    assert cardinal_value("كثير") is None
