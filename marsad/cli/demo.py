"""``marsad demo``: analyse a sample of the shared news corpus into ./marsad.db, summarise it, serve it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import EXIT_USAGE, app
from marsad.demo import describe_statements, example_queries, write_sample
from marsad.ingest_job import IngestReport
from marsad.ingest_job import ingest as ingest_job
from marsad.settings import Settings
from marsad.store import open_store
from marsad.store.base import Store

DEFAULT_CORPUS = "../shared/data/news/ant-multisource.jsonl.gz"


@app.command()
def demo(
    corpus: Annotated[str, typer.Option("--corpus", help="A JSONL(.gz) news corpus to sample.")] = DEFAULT_CORPUS,
    articles: Annotated[int, typer.Option("--articles", "-n", min=1, help="How many articles to sample.")] = 2000,
    db: Annotated[str | None, typer.Option("--db", help="Where to store (default sqlite:///marsad.db).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = min(2, os.cpu_count() or 1),
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the web UI afterwards.")] = True,
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
) -> None:
    """The main job: analyse a sample of a corpus (spread over its outlets) into the database, print a
    summary and example searches, then serve the web UI."""
    if not Path(corpus).exists():
        typer.echo(f"marsad: corpus not found: {corpus} (run from the repository, beside ../shared)", err=True)
        raise typer.Exit(EXIT_USAGE)
    settings = Settings.from_env(db=db)
    sample = write_sample(corpus, articles, Path(".marsad") / f"sample-{articles}.jsonl")
    store = open_store(settings.db, settings)
    try:
        report = _ingest_with_bar(sample, store, settings, articles, jobs)
        typer.echo(f"\n{report.summary()}")
        counts = store.count()
        typer.echo("stored: " + ", ".join(f"{n:,} {name}" for name, n in counts.items()))
        typer.echo("outlets: " + ", ".join(f"{o or '?'} {n}" for o, n in store.outlets()))
        for command, query in example_queries(store):
            typer.echo(f"\n$ {command}")
            if query.what == "articles":
                page = store.search_articles(query)
                for hit in page.items:
                    typer.echo(f"\u200f  {hit.title}  — {hit.outlet or ''} {(hit.published or '')[:10]}")
                typer.echo(f"  ({page.total} articles)")
            else:
                spage = store.search_statements(query)
                for line in describe_statements(spage):
                    typer.echo(line)
                typer.echo(f"  ({spage.total} statements)")
    finally:
        store.close()
    if serve:
        from marsad.cli.serve import serve as serve_command

        serve_command(db=settings.db, host="127.0.0.1", port=port)


def _ingest_with_bar(sample: Path, store: Store, settings: Settings, total: int, jobs: int) -> IngestReport:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True, force_terminal=None)
    with Progress(
        TextColumn("analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not sys.stderr.isatty(),
    ) as bar:
        task = bar.add_task("ingest", total=total)

        def progress(r: IngestReport) -> None:
            bar.update(task, completed=r.read)

        def refused(refusal: object) -> None:
            console.print(f"marsad: refused {refusal}", markup=False, highlight=False)

        return ingest_job([sample], store, settings, on_progress=progress, on_refusal=refused, jobs=jobs)
