#!/usr/bin/env python3
"""Build ``marsad/data/months.json`` from the shared date lexicons (reproducible; no network).

usage: python scripts/build_months.py [SHARED_DATES_DIR] [-o OUT]

Reads ``../shared/data/lexicons/dates/``: CLDR month names of every ``ar_*`` locale (via Babel),
hijridate's Umm al-Qura month names, and dateparser's Arabic spelling variants.  Writes every
spelling of each Gregorian and Hijri month once, with the regions that use it.  Two spelling rules
are applied to what the sources give, both common in news copy: a two-word month also appears
without the article on its second word ("تشرين أول", "ربيع ثاني"), and ذو also appears in the
genitive ذي ("ذي الحجة").  A handful of further spellings seen in news (listed in EXTRA below) are added.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "lexicons" / "dates"
DEFAULT_OUT = ROOT / "marsad" / "data" / "months.json"

DATEPARSER_KEYS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]

# spellings the sources lack but news uses (month number → spellings)
EXTRA_GREGORIAN: dict[int, list[str]] = {4: ["ابريل"], 8: ["اغسطس"], 10: ["اكتوبر"]}
EXTRA_HIJRI: dict[int, list[str]] = {
    4: ["ربيع الآخر"],
    5: ["جمادى الأول"],
    6: ["جمادى الثانية", "جمادى الآخر"],
}


def variants(name: str) -> list[str]:
    """The name as given plus the spelling rules of the module docstring."""
    out = [name]
    words = name.split()
    if len(words) == 2 and words[1].startswith("ال") and words[0] != "ذو":
        out.append(f"{words[0]} {words[1][2:]}")
    if words and words[0] == "ذو":
        out.append(" ".join(["ذي", *words[1:]]))
    return out


def build(src: Path) -> dict[str, object]:
    cldr = json.loads((src / "cldr_ar_months.json").read_text("utf-8"))
    hijri = json.loads((src / "hijri_months.json").read_text("utf-8"))
    dp = json.loads((src / "dateparser_ar_words.json").read_text("utf-8"))

    greg: dict[int, dict[str, set[str]]] = {m: {} for m in range(1, 13)}

    def add(month: int, name: str, region: str) -> None:
        for v in variants(name.strip()):
            greg[month].setdefault(v, set()).add(region)

    for loc, info in sorted(cldr["locales"].items()):
        for key in ("months_format_wide", "months_standalone_wide"):
            for i, name in enumerate(info[key]):
                add(i + 1, name, loc)
    for i, key in enumerate(DATEPARSER_KEYS):
        for name in dp.get(key, []):
            add(i + 1, name, "dateparser:ar")
        for loc, spec in sorted(dp.get("locale_specific", {}).items()):
            for name in spec.get(key, []):
                add(i + 1, name, f"dateparser:{loc}")
    for m, names in EXTRA_GREGORIAN.items():
        for name in names:
            add(m, name, "marsad")

    hij: dict[int, set[str]] = {m: set() for m in range(1, 13)}
    for row in hijri["hijri_months"]:
        hij[int(row["month"])].update(variants(row["ar"]))
    for m, names in EXTRA_HIJRI.items():
        for name in names:
            hij[m].update(variants(name))

    return {
        "source": (
            "Built by scripts/build_months.py from shared/data/lexicons/dates: Unicode CLDR via Babel 2.18.0 "
            "(Unicode License v3), hijridate 2.6.0 (MIT), dateparser 1.5.0 Arabic data (BSD-3-Clause); "
            "spelling rules and EXTRA spellings: marsad"
        ),
        "gregorian": [
            {"month": m, "names": [{"name": n, "regions": sorted(r)} for n, r in sorted(greg[m].items())]}
            for m in range(1, 13)
        ],
        "hijri": [{"month": m, "names": sorted(hij[m])} for m in range(1, 13)],
        "hijri_notation": [hijri.get("notation_ar", "هـ"), "ه", "هجري", "هجرية", "للهجرة"],
        "gregorian_notation": ["م", "ميلادي", "ميلادية", "للميلاد"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("src", nargs="?", type=Path, default=DEFAULT_SRC)
    ap.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    a = ap.parse_args()
    data = build(a.src)
    a.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
