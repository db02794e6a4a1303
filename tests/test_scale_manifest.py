"""The manifest of a scale run: statuses, totals per table, refusals with their partition."""

from __future__ import annotations

import pytest

pytest.importorskip("fsspec")

from marsad.errors import Refusal
from marsad.scale.manifest import build
from marsad.scale.partitions import Partition, Plan
from marsad.scale.result import PartitionResult
from marsad.tables import TABLES


def _plan() -> Plan:
    parts = [Partition(i, "jsonl", ("/d/news.jsonl.gz",), i * 10, i * 10 + 10, 0, True, "1:2") for i in range(3)]
    return Plan(
        inputs=[{"name": "/d/news.jsonl.gz", "kind": "jsonl", "gzip": True, "size": 1, "partitions": 3}],
        partitions=parts,
        refusals=[Refusal("-", "standard input cannot be partitioned")],
    )


def _result(p: Partition, articles: int, refusals: list[Refusal]) -> PartitionResult:
    rows = {t: 0 for t in TABLES} | {"articles": articles, "statements": 2 * articles}
    return PartitionResult(p.id, articles + len(refusals), rows, refusals, 1.5, 1.2, "host:1", 150.0)


def test_totals_add_up_the_partitions_and_refusals_name_their_partition() -> None:
    plan = _plan()
    a, b, c = plan.partitions
    results = {
        a.id: _result(a, 10, []),
        b.id: _result(b, 9, [Refusal("/d/news.jsonl.gz:14", "line 14 is not valid JSON: x")]),
    }
    doc = build(
        plan,
        {a.id: "reused", b.id: "done", c.id: "failed"},
        results,
        {c.id: "OSError: gone"},
        settings={"partition_size": 10},
        started="t0",
        finished="t1",
    )
    assert doc["totals"]["rows"]["articles"] == 19 and doc["totals"]["rows"]["statements"] == 38
    assert doc["totals"]["records_read"] == 20
    assert doc["totals"]["partitions"] == {"done": 1, "reused": 1, "failed": 1, "pending": 0}
    assert [r["partition"] for r in doc["refusals"]] == [None, b.id]
    assert doc["refused_by_reason"] == {"standard input cannot be partitioned": 1, "line 14 is not valid JSON": 1}
    assert doc["partitions"][2]["error"] == "OSError: gone" and not doc["complete"]
    assert [(p["start"], p["end"], p["status"]) for p in doc["partitions"]] == [
        (0, 10, "reused"),
        (10, 20, "done"),
        (20, 30, "failed"),
    ]


def test_a_run_is_complete_only_when_finished_with_every_partition_done_or_reused() -> None:
    plan = _plan()
    status = dict.fromkeys((p.id for p in plan.partitions), "done")
    results = {p.id: _result(p, 10, []) for p in plan.partitions}
    going = build(plan, status, results, {}, settings={}, started="t0", finished=None)
    done = build(plan, status, results, {}, settings={}, started="t0", finished="t1")
    assert not going["complete"] and done["complete"]
    assert build(plan, {}, {}, {}, settings={}, started="t0", finished="t1")["totals"]["partitions"]["pending"] == 3


def test_what_the_sinks_stored_is_summed_per_partition_and_in_the_totals() -> None:
    from dataclasses import replace

    plan = _plan()
    a, b, _ = plan.partitions
    results = {
        a.id: replace(_result(a, 10, []), stored={"stored": 10, "duplicates": 0}),
        b.id: replace(_result(b, 10, []), stored={"stored": 7, "duplicates": 3}),
    }
    doc = build(plan, {a.id: "reused", b.id: "done"}, results, {}, settings={}, started="t0", finished=None)
    assert doc["totals"]["stored"] == {"stored": 17, "duplicates": 3}
    assert [p.get("stored") for p in doc["partitions"]] == [results[a.id].stored, results[b.id].stored, None]
    without = build(plan, {}, {a.id: _result(a, 10, [])}, {}, settings={}, started="t0", finished=None)
    assert without["totals"]["stored"] == {} and "stored" not in without["partitions"][0]
