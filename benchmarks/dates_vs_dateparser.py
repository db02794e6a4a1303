"""marsad's dates against dateparser (and htmldate for publication dates), side by side on the same gold.

usage: python benchmarks/dates_vs_dateparser.py

1. Date expressions: the shared gold (seed article, dev set) scored by ``shared/tools/score_dates.py``
   for marsad (``find_dates``) and for ``dateparser.search.search_dates(text, languages=['ar'])``
   with the publication date as the relative base.
2. Month names of each region: which of "في 5 <month> 2019" each tool reads right.
3. Publication dates from datelines: Arabic datelines written from each dev article's own publication
   date, in each region's month names, read by marsad's ``publication_date_from_text`` and by
   htmldate's ``find_date`` (the date finder trafilatura uses) on the same text as HTML.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from marsad.api import read  # noqa: E402
from marsad.models import Article  # noqa: E402
from marsad.nlp.calendar import reference_date  # noqa: E402
from marsad.nlp.dates import find_dates, publication_date_from_text  # noqa: E402
from marsad.nlp.document import Doc  # noqa: E402

REGION_LOCALES = {"Egypt/Gulf": "ar_EG", "Levant/Iraq": "ar_LB", "Algeria/Tunisia": "ar_TN", "Morocco": "ar_MA"}
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


def regions_months() -> dict[str, list[str]]:
    """CLDR month names, January to December, of one locale per regional group."""
    cldr = json.loads((SHARED / "data" / "lexicons" / "dates" / "cldr_ar_months.json").read_text("utf-8"))
    return {group: cldr["locales"][loc]["months_format_wide"] for group, loc in REGION_LOCALES.items()}


def articles(source: Path) -> list[Article]:
    return [a for a in read(str(source)) if isinstance(a, Article)]


def marsad_dates(a: Article) -> list[dict[str, Any]]:
    return [{"text": d.span.text, "value": d.value} for d in find_dates(Doc(a))]


def dateparser_dates(a: Article) -> list[dict[str, Any]]:
    from dateparser.search import search_dates

    out: list[dict[str, Any]] = []
    ref = reference_date(a.published)
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if ref:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day, 12)
    for field in (a.title or "", a.text):
        try:
            found = search_dates(field, languages=["ar"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; count it as nothing found
            found = []
        out += [{"text": t, "value": dt.date().isoformat()} for t, dt in found]
    return out


def score(gold: Path, preds: list[dict[str, Any]]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    done = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_dates.py"), str(gold), f.name], capture_output=True, text=True
    )
    line = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()
    return re.sub(r"^dates: ", "", line)


def expressions() -> None:
    import dateparser

    print(f"== 1. date expressions (marsad vs dateparser {dateparser.__version__}, languages=['ar'])")
    sets = [
        ("dev", SHARED / "gold" / "dev-input.jsonl", SHARED / "gold" / "dev.jsonl"),
        ("seed", SHARED / "fixtures" / "seed-qaani-soleimani.txt", SHARED / "gold" / "seed-qaani-soleimani.json"),
    ]
    find_dates(Doc(Article(id="warm-up", text="في 5 أيار 2019")))  # compile patterns before timing
    for name, source, gold in sets:
        arts = articles(source)
        for tool, fn in (("marsad", marsad_dates), ("dateparser", dateparser_dates)):
            t0 = time.perf_counter()
            preds = [{"id": a.id, "dates": fn(a)} for a in arts]
            secs = time.perf_counter() - t0
            print(f"  {name:5} {tool:10} {score(gold, preds)} | {len(arts) / secs:8.1f} articles/s")


def regions() -> None:
    from dateparser.search import search_dates

    print("== 2. month names by region: 'في 5 <month> 2019' read as 2019-MM-05")
    for region, names in regions_months().items():
        ok_m = ok_d = 0
        for i, name in enumerate(names):
            want = f"2019-{i + 1:02d}-05"
            text = f"وصل الوفد في 5 {name} 2019 إلى العاصمة"
            ok_m += [d.value for d in find_dates(Doc(Article(id="r", text=text)))] == [want]
            found = search_dates(text, languages=["ar"]) or []
            ok_d += any(dt.date().isoformat() == want for _, dt in found)
        print(f"  {region:16} marsad {ok_m:2}/12   dateparser {ok_d:2}/12")


def datelines() -> None:
    from htmldate import find_date

    print("== 3. publication date from an Arabic dateline (dev articles, each region's month names)")
    arts = articles(SHARED / "gold" / "dev-input.jsonl")
    months = regions_months()
    ok_m = ok_h = n = 0
    for i, a in enumerate(arts):
        ref = reference_date(a.published)
        if ref is None:
            continue
        names = list(months.values())[i % len(months)]
        line = f"{WEEKDAYS[ref.weekday()]} {ref.day} {names[ref.month - 1]} {ref.year}"
        text = f"{line}\n{a.text}"
        paras = "".join(f"<p>{p}</p>" for p in a.text.splitlines())
        html = f"<html><body><article><p>{line}</p>{paras}</article></body></html>"
        n += 1
        ok_m += publication_date_from_text(text) == ref.isoformat()
        ok_h += find_date(html, extensive_search=True) == ref.isoformat()
    print(f"  marsad publication_date_from_text {ok_m}/{n}   htmldate.find_date {ok_h}/{n}")


if __name__ == "__main__":
    expressions()
    regions()
    datelines()
