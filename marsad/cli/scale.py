"""``marsad scale run``: the same analysis as ``marsad extract``, mapped over partitions by Dask,
into Parquet tables and a manifest (CONTRACT.md, "Tables")."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, NoReturn

import typer

from marsad.cli.app import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, app
from marsad.cli.output import report_refusal
from marsad.settings import Settings

scale_app = typer.Typer(
    name="scale",
    help="Scale-out with Dask: analyse large inputs in partitions on a cluster, into Parquet tables.",
    no_args_is_help=True,
)
app.add_typer(scale_app, name="scale")


@scale_app.command("run")
def run_command(
    inputs: Annotated[
        list[str], typer.Argument(help="JSONL/JSONL.gz, Parquet, WARC or other files, folders, globs or fsspec URLs.")
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder or fsspec URL (Parquet tables, manifest).")],
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Local worker processes (default: one per core).")
    ] = None,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Records (lines, rows or files) per partition.")
    ] = 1000,
    db: Annotated[
        str | None, typer.Option("--db", help="Also add each partition's analyses to this store (postgresql://...).")
    ] = None,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Tries again of a partition that raised.")] = 1,
) -> None:
    """Analyse INPUT... on a Dask cluster into Parquet tables under --out; a rerun skips finished partitions."""
    if scheduler and workers:
        _usage("give either --scheduler or --workers, not both")
    try:
        from marsad.scale.run import run
        from marsad.scale.sinks import StoreSink, store_available
    except ImportError as e:
        _usage(f"scale-out needs Dask: pip install 'marsad[scale]' ({e})")
    if db:
        if scheduler and not db.lower().startswith(("postgresql", "postgres")):
            _usage("--db with --scheduler needs PostgreSQL: each remote worker would write its own SQLite file")
        _check_store(db, store_available())
    progress = _progress_bar() if sys.stderr.isatty() else None
    settings = Settings.from_env()
    try:
        result = run(
            inputs,
            out,
            scheduler=scheduler,
            workers=workers,
            partition_size=partition_size,
            settings=settings,
            sink=StoreSink(db, settings) if db else None,
            retries=retries,
            progress=progress,
        )
    except (OSError, ValueError) as e:
        _usage(str(e))
    for refusal in result.refusals:
        report_refusal(refusal)
    for pid, error in result.failed.items():
        sys.stderr.write(f"marsad: partition {pid} failed: {error}\n")
    totals = result.manifest["totals"]
    rows = ", ".join(f"{n} {table}" for table, n in totals["rows"].items())
    now = [p.get("stored") or {} for p in result.manifest["partitions"] if p["status"] == "done"]
    stored, dups = sum(c.get("stored", 0) for c in now), sum(c.get("duplicates", 0) for c in now)
    loaded = f"; {stored} articles stored, {dups} not (duplicates)" if db else ""
    sys.stderr.write(
        f"marsad: {len(result.computed)} partitions computed, {len(result.reused)} reused, "
        f"{len(result.failed)} failed; {rows}; {totals['refused']} refused{loaded} → {out}\n"
    )
    raise typer.Exit(EXIT_OK if result.ok else EXIT_REFUSED)


def _check_store(url: str, available: bool) -> None:
    """Open the store once before the run: a wrong URL is a usage error before any work is done,
    and its schema is created (or migrated) here rather than by every worker at once."""
    if not available:
        _usage("--db needs marsad's store, which this installation does not have")
    from marsad import open_store
    from marsad.store import StoreURLError

    try:
        with open_store(url):
            pass
    except (StoreURLError, ImportError) as e:
        _usage(f"--db: {e}")


def _usage(message: str) -> NoReturn:
    sys.stderr.write(f"marsad: {message}\n")
    raise typer.Exit(EXIT_USAGE)


def _progress_bar() -> Callable[[int, int], None]:
    """A callback drawing a progress bar of partitions on standard error."""
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task("partitions", total=None)
    bar.start()

    def update(finished: int, total: int) -> None:
        bar.update(task, completed=finished, total=total)
        if finished >= total:
            bar.stop()

    return update
