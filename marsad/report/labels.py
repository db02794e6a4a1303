"""Arabic labels for the English keys a report shows (``marsad/data/report_labels.tsv``)."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _labels() -> dict[tuple[str, str], str]:
    text = resources.files("marsad.data").joinpath("report_labels.tsv").read_text("utf-8")
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return {(r[0], r[1]): r[2] for r in rows if len(r) == 3 and not r[0].startswith("#")}


def label(kind: str, key: str) -> str:
    """The Arabic label of ``key`` (a concept, category, marker, statement-kind, voice or entity-type), else the key."""
    return _labels().get((kind, key), key)


__all__ = ["label"]
