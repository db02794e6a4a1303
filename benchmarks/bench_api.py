"""API latency under a bounded concurrent load on loopback, beside a baseline of the same queries on the store.

    python benchmarks/bench_api.py [--db sqlite:///bench.db] [--limit 1000] [--clients 20] [--seconds 30]

Builds the database from the shared corpus when it does not exist (``marsad.read`` → ``analyse`` →
``store.add``; articles whose analysis fails are stored without analysis and counted), starts
``marsad serve`` in a subprocess on a free 127.0.0.1 port, and runs ``--clients`` threads for
``--seconds`` seconds against four request kinds: the search page, the search API, the article page and
the article API.  The baseline runs the same searches and article reads straight on the store (no HTTP)
in one thread; the ratio says what the HTTP layer (and page rendering) costs.  Traffic goes to
127.0.0.1 only, and every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import marsad  # noqa: E402
from marsad.models import Analysis  # noqa: E402
from marsad.store.base import Query, Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant-multisource.jsonl.gz"
MAX_REQUESTS = 200_000  # a hard cap on the whole run, whatever the duration


def build(url: str, limit: int) -> None:
    """Read, analyse and store ``limit`` articles of the shared corpus."""
    started = time.perf_counter()
    fallback = 0
    batch: list[Analysis] = []
    with marsad.open_store(url) as store:
        n = 0
        for item in marsad.read(str(CORPUS)):
            if isinstance(item, marsad.Refusal):
                continue
            try:
                batch.append(marsad.analyse(item))
            except Exception:  # an analyser not ready: keep the article, unanalysed
                fallback += 1
                batch.append(Analysis(item))
            n += 1
            if len(batch) >= 200:
                store.add(batch)
                batch.clear()
            if n >= limit:
                break
        store.add(batch)
        counts = store.count()
    print(f"built {url}: {counts} in {time.perf_counter() - started:.1f}s ({fallback} articles stored unanalysed)")


def workload(store: Store, n_words: int = 60, n_articles: int = 200) -> tuple[list[str], list[str]]:
    """Search words drawn from stored titles, and stored article ids; fixed seed."""
    rng = random.Random(7)
    page = store.search_articles(Query(what="articles", limit=100))
    ids = [h.id for h in page.items]
    offset = 100
    while len(ids) < n_articles and offset < page.total:
        ids += [h.id for h in store.search_articles(Query(what="articles", limit=100, offset=offset)).items]
        offset += 100
    words = sorted({w for hit in page.items for w in (hit.title or "").split() if len(w) >= 4})
    rng.shuffle(words)
    return words[:n_words] or ["قال"], ids


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        v = values[0] if values else 0.0
        return v, v, v
    q = statistics.quantiles(values, n=100, method="inclusive")
    return statistics.median(values), q[94], q[98]


def baseline(store: Store, words: list[str], ids: list[str], seconds: float) -> dict[str, list[float]]:
    """The same searches and reads straight on the store, one thread."""
    times: dict[str, list[float]] = defaultdict(list)
    rng = random.Random(11)
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline and sum(map(len, times.values())) < MAX_REQUESTS:
        t = time.perf_counter()
        store.search_statements(Query(text=rng.choice(words), limit=20))
        times["search"].append(time.perf_counter() - t)
        t = time.perf_counter()
        store.get(rng.choice(ids))
        times["article"].append(time.perf_counter() - t)
    return times


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MARSAD_API_KEY": ""}
    code = (
        "import uvicorn; from marsad.server import create_app; "
        f"uvicorn.run(create_app({url!r}), host='127.0.0.1', port={port}, log_level='warning')"
    )
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def load(base: str, words: list[str], ids: list[str], clients: int, seconds: float) -> dict[str, list[float]]:
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    kinds = ("search page", "search api", "article page", "article api")

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as http:
            n = 0
            while time.perf_counter() < deadline and n < MAX_REQUESTS // clients:
                kind = kinds[n % len(kinds)]
                word, article = quote(rng.choice(words)), quote(rng.choice(ids), safe="")
                path = {
                    "search page": f"/?q={word}",
                    "search api": f"/api/search?q={word}",
                    "article page": f"/article/{article}",
                    "article api": f"/api/articles/{article}",
                }[kind]
                t = time.perf_counter()
                r = http.get(path)
                elapsed = time.perf_counter() - t
                with lock:
                    if r.status_code == 200:
                        times[kind].append(elapsed)
                    else:
                        errors[kind] += 1
                n += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for kind, n in errors.items():
        print(f"  errors {kind}: {n}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=f"sqlite:///{ROOT / 'benchmarks' / 'results' / 'bench_api.db'}")
    ap.add_argument("--limit", type=int, default=1000, help="articles of the shared corpus to store (new database)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    args = ap.parse_args()
    args.seconds = min(args.seconds, 120.0)
    args.clients = max(1, min(args.clients, 64))
    path = Path(args.db.removeprefix("sqlite:///"))
    if not path.exists():
        if not CORPUS.exists():
            raise SystemExit(f"no database and no corpus at {CORPUS}")
        path.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.limit)
    with marsad.open_store(args.db) as store:
        print(f"database {args.db}: {store.count()}")
        words, ids = workload(store)
        base_times = baseline(store, words, ids, min(10.0, args.seconds))
    port = free_port()
    server = start_server(args.db, port)
    before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        t0 = time.perf_counter()
        times = load(f"http://127.0.0.1:{port}", words, ids, args.clients, args.seconds)
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=10)
    total = sum(map(len, times.values()))
    load_avg = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load: {args.clients} clients, {wall:.1f}s, {total} ok requests, {total / wall:.1f} req/s")
    print(f"load average before {before}, after {load_avg} ({os.cpu_count()} cores)")
    print(f"{'request':<14}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'store p50 ms':>14}{'p50 ratio':>11}")
    for kind in ("search page", "search api", "article page", "article api"):
        p50, p95, p99 = percentiles(times.get(kind, []))
        direct = statistics.median(base_times["search" if "search" in kind else "article"])
        ratio = p50 / direct if direct else float("nan")
        print(
            f"{kind:<14}{len(times.get(kind, [])):>7}{p50 * 1e3:>9.1f}{p95 * 1e3:>9.1f}{p99 * 1e3:>9.1f}"
            f"{direct * 1e3:>14.2f}{ratio:>11.1f}"
        )


if __name__ == "__main__":
    main()
