"""Every record of both shared corpora is read: no refusal, valid zones and dates (reads ~42K articles)."""

from __future__ import annotations

import re

import pytest

from marsad.errors import Refusal
from marsad.ingest import read
from marsad.models import Article
from tests.conftest import shared_path

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?)?$")
KINDS = {"lede", "body", "related", "boilerplate", "caption"}


def _check(a: Article) -> None:
    assert a.id and a.text.strip()
    last = 0
    for z in a.zones:
        assert z.kind in KINDS
        assert last <= z.start < z.end <= len(a.text), (a.id, z)
        piece = a.text[z.start : z.end]
        assert piece == piece.strip() and piece, (a.id, z)
        last = z.end
    covered = sum(z.end - z.start for z in a.zones)
    assert covered >= len(a.text.replace("\n", "").strip()) * 0.5 or not a.text.strip()
    assert all(r.text.strip() for r in a.related)
    assert a.published is None or ISO.match(a.published), a.published


@pytest.mark.slow
@pytest.mark.parametrize(("name", "count"), [("ant-multisource.jsonl.gz", 31_523), ("ant-jawharafm.jsonl.gz", 10_138)])
def test_every_record_of_the_shared_corpus_is_read_with_valid_zones(name: str, count: int) -> None:
    path = shared_path("data", "news", name)
    refusals: list[Refusal] = []
    n = dated = 0
    for item in read([str(path)]):
        if isinstance(item, Refusal):
            refusals.append(item)
            continue
        _check(item)
        n += 1
        dated += item.published is not None
    assert refusals == []
    assert n == count
    assert dated == count  # every record's date (RFC 2822, ISO or day-first) is read
