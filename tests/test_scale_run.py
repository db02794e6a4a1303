"""``marsad.scale.run`` on a real Dask LocalCluster (2 worker processes, shared by the module's tests):
the Parquet tables equal, record for record, what the local path gives; a killed worker and an
interrupted run change nothing in the output."""

from __future__ import annotations

import gzip
import itertools
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

import marsad  # noqa: E402
from marsad.errors import Refusal  # noqa: E402
from marsad.models import Analysis  # noqa: E402
from marsad.scale.partitions import Partition  # noqa: E402
from marsad.scale.run import run, submission_order  # noqa: E402
from marsad.tables import TABLES, collect  # noqa: E402
from tests.conftest import shared_path  # noqa: E402

# The first articles of the shared multi-source corpus.  The analysers cost ~35 ms of CPU per
# article today, so the default keeps the file near a minute; MARSAD_SCALE_TEST_ARTICLES=2000 runs more.
ARTICLES = int(os.environ.get("MARSAD_SCALE_TEST_ARTICLES", "300"))
SMALL = 96  # for the kill, restart and manifest tests: the first SMALL of the same articles


def _head(source: Path, dest: Path, count: int) -> Path:
    with gzip.open(source, "rb") as f, gzip.open(dest, "wb") as g:
        for line in itertools.islice(f, count):
            g.write(line)
    return dest


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    news = shared_path("data", "news", "ant-multisource.jsonl.gz")
    folder = tmp_path_factory.mktemp("corpora")
    return {
        "big": _head(news, folder / "ant-big.jsonl.gz", ARTICLES),
        "small": _head(news, folder / "ant-small.jsonl.gz", SMALL),
    }


@pytest.fixture(scope="module")
def expected(corpora: dict[str, Path]) -> dict[str, dict[str, dict[tuple[str, int], dict[str, Any]]]]:
    """What ``marsad extract`` gives, as table rows keyed by (article_id, position); the small
    corpus is the first articles of the big one, and each article is analysed on its own."""
    analyses = [a for a in marsad.extract(str(corpora["big"])) if not isinstance(a, Refusal)]
    small = collect(analyses[:SMALL])
    big = collect(analyses)
    return {
        "big": {t: _keyed(big[t]) for t in TABLES},
        "small": {t: _keyed(small[t]) for t in TABLES},
    }


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def _keyed(rows: list[dict[str, Any]]) -> dict[tuple[str, int], dict[str, Any]]:
    seen: Counter[str] = Counter()
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for row in rows:
        aid = row["article_id"]
        out[(aid, seen[aid])] = row
        seen[aid] += 1
    return out


def _written(out: Path) -> dict[str, dict[tuple[str, int], dict[str, Any]]]:
    return {t: _keyed(pq.read_table(out / t).to_pylist()) for t in TABLES}


def _assert_same_tables(out: Path, want: dict[str, dict[tuple[str, int], dict[str, Any]]]) -> None:
    got = _written(out)
    for table in TABLES:
        assert got[table].keys() == want[table].keys(), table
        assert got[table] == want[table], table


def test_parquet_tables_equal_the_local_extract_record_for_record(
    client: Any, corpora: dict[str, Path], expected: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    size = -(-ARTICLES // 8)
    result = run([str(corpora["big"])], str(out), client=client, partition_size=size)
    assert result.ok and not result.reused
    assert len(result.computed) == len(range(0, ARTICLES, size)) > 1  # one .jsonl.gz cut into record ranges
    assert len(expected["big"]["articles"]) == ARTICLES
    _assert_same_tables(out, expected["big"])
    workers = {p["worker"] for p in result.manifest["partitions"]}
    assert len(workers) == 2  # both worker processes took partitions


def test_manifest_lists_inputs_partitions_totals_and_refusals(
    client: Any, corpora: dict[str, Path], tmp_path: Path
) -> None:
    broken = tmp_path / "mixed.jsonl"
    good = '{"id": "m1", "title": "عنوان", "text": "قال المسؤول إن الطريق سيفتح غدا."}'
    broken.write_text(f"{good}\n{{broken json\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run([str(corpora["small"]), str(broken)], str(out), client=client, partition_size=32)
    manifest = result.manifest
    assert [i["name"] for i in manifest["inputs"]] == [str(corpora["small"]), str(broken)]
    assert manifest["complete"] and manifest["totals"]["partitions"]["done"] == 4
    ranges = [(p["start"], p["end"]) for p in manifest["partitions"] if p["inputs"] == [str(corpora["small"])]]
    assert ranges == [(0, 32), (32, 64), (64, 96)]
    assert manifest["totals"]["rows"]["articles"] == SMALL + 1
    assert manifest["totals"]["records_read"] == SMALL + 2
    (refusal,) = manifest["refusals"]
    assert refusal["source"] == f"{broken}:2" and "JSON" in refusal["reason"]
    assert not result.ok and len(result.refusals) == 1
    assert (out / "manifest.json").exists()


class _Slow:
    """A sink that slows each partition down, so that a worker can be killed while it works."""

    def __call__(self, partition_id: str, analyses: list[Analysis]) -> None:
        time.sleep(0.4)


def test_a_worker_killed_mid_run_changes_nothing_in_the_output(
    client: Any, corpora: dict[str, Path], expected: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    box: dict[str, Any] = {}

    def go() -> None:
        box["result"] = run([str(corpora["small"])], str(out), client=client, partition_size=8, sink=_Slow())

    pids: dict[str, int] = client.run(os.getpid)
    runner = threading.Thread(target=go)
    runner.start()
    deadline = time.monotonic() + 120
    killed = None
    interrupted: list[str] = []
    while killed is None and time.monotonic() < deadline and runner.is_alive():
        done = len(list((out / "_partitions").glob("part-*.json"))) if (out / "_partitions").exists() else 0
        processing = client.processing()
        busy = [addr for addr, keys in processing.items() if keys and addr in pids]
        if done >= 2 and busy:
            interrupted = [str(key).removeprefix("marsad-").rsplit("-", 1)[0] for key in processing[busy[0]]]
            killed = pids[busy[0]]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.05)
    runner.join(240)
    assert killed is not None, "the run ended before a worker could be killed"
    result = box["result"]
    assert result.ok and len(result.computed) == SMALL // 8
    ran_by = {p["id"]: int(p["worker"].rsplit(":", 1)[1]) for p in result.manifest["partitions"]}
    assert interrupted and all(ran_by[pid] != killed for pid in interrupted)  # redone by another process
    _assert_same_tables(out, expected["small"])
    assert not list(out.rglob(".*tmp-*"))  # no half-written file left behind
    client.wait_for_workers(2, timeout=60)


def test_a_rerun_recomputes_only_missing_partitions(
    client: Any, corpora: dict[str, Path], expected: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = run([str(corpora["small"])], str(out), client=client, partition_size=16)
    assert len(first.computed) == 6
    deleted, interrupted = first.computed[2], first.computed[4]
    (out / "articles" / f"{deleted}.parquet").unlink()  # a partition's output lost
    (out / "_partitions" / f"{interrupted}.json").unlink()  # killed before its marker was written
    (out / "statements" / f".{interrupted}.parquet.tmp-0badc0ffee").write_bytes(b"half a file")
    second = run([str(corpora["small"])], str(out), client=client, partition_size=16)
    assert sorted(second.computed) == sorted([deleted, interrupted])
    assert len(second.reused) == 4
    statuses = Counter(p["status"] for p in second.manifest["partitions"])
    assert statuses == {"reused": 4, "done": 2}
    _assert_same_tables(out, expected["small"])
    assert not list(out.rglob(".*tmp-*"))


def test_a_rerun_with_another_partition_size_replaces_the_old_partitions(
    client: Any, corpora: dict[str, Path], expected: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run([str(corpora["small"])], str(out), client=client, partition_size=48)
    again = run([str(corpora["small"])], str(out), client=client, partition_size=24)
    assert len(again.computed) == 4 and not again.reused
    assert len(list((out / "articles").glob("*.parquet"))) == 4
    _assert_same_tables(out, expected["small"])


def test_tasks_are_handed_out_largest_first_keeping_the_ranges_of_a_file_in_order() -> None:
    a = [Partition(i, "jsonl", ("a.jsonl.gz",), i * 10, min(i * 10 + 10, 25)) for i in range(3)]  # 10, 10, 5
    b = [Partition(3 + i, "jsonl", ("b.jsonl",), i * 10, min(i * 10 + 10, 12)) for i in range(2)]  # 10, 2
    warc = Partition(5, "files", ("c.warc.gz",), 0, 1)
    order = submission_order([*a, *b, warc])
    assert [p.index for p in order] == [5, 0, 1, 3, 2, 4]


def test_the_local_cluster_run_starts_sends_its_quieter_dask_settings_to_the_workers() -> None:
    import dask

    from marsad.scale.run import LOCAL_CLUSTER_CONFIG, _cluster

    def worker_settings() -> list[Any]:
        return [dask.config.get(key) for key in LOCAL_CLUSTER_CONFIG]

    with _cluster(None, None, 1) as c:
        (got,) = c.run(worker_settings).values()
    assert got == list(LOCAL_CLUSTER_CONFIG.values())
    assert dask.config.get("distributed.worker.profile.enabled") is True  # only inside the run
