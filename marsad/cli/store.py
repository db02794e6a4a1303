"""``marsad ingest``, ``search``, ``export`` and ``stats``: the store from the command line."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from marsad.cli.app import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, app
from marsad.errors import Refusal
from marsad.export import ExportError
from marsad.export import export as export_store
from marsad.ingest_job import IngestReport
from marsad.ingest_job import ingest as ingest_job
from marsad.settings import Settings
from marsad.store import Store, StoreURLError, open_store
from marsad.store.base import ArticleHit, Page, Query, StatementHit

EXIT_INTERRUPTED = 130
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

DbOption = Annotated[
    str | None, typer.Option("--db", help="sqlite:///path.db (default ./marsad.db, or MARSAD_DB) or postgresql://…")
]


class What(StrEnum):
    statements = "statements"
    articles = "articles"


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    headline = "headline"


class SearchFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class ExportTable(StrEnum):
    """The tables of marsad.tables.TABLES."""

    articles = "articles"
    statements = "statements"
    entities = "entities"
    mentions = "mentions"
    dates = "dates"
    framing = "framing"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class StatsFormat(StrEnum):
    text = "text"
    json = "json"


def _fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    sys.stderr.write(f"marsad: {message}\n")
    return typer.Exit(code)


@contextmanager
def _store(db: str | None, settings: Settings) -> Iterator[Store]:
    try:
        store = open_store(db, settings)
    except StoreURLError as e:
        raise _fail(str(e)) from None
    try:
        yield store
    finally:
        store.close()


# ---- ingest ----------------------------------------------------------------------------------------


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for standard input.")],
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="Ingest only the first N articles.")] = None,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", min=1, help="Articles per transaction (Settings.batch_size).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for the analysis.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
) -> None:
    """Analyse articles and store them; idempotent (an article is stored once) and resumable."""
    settings = Settings.from_env(batch_size=batch_size)
    show = sys.stderr.isatty() and not quiet
    with _store(db, settings) as store, _progress(show) as progress:
        report = IngestReport()
        try:
            report = ingest_job(
                inputs,
                store,
                settings,
                limit=limit,
                on_refusal=progress.refusal,
                on_progress=progress.update,
                jobs=jobs,
            )
        except KeyboardInterrupt:
            sys.stderr.write("marsad: interrupted; what was stored stays stored: run the same command to resume\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    if not quiet:
        sys.stderr.write(f"marsad: {report.summary()} → {store.url}\n")
    raise typer.Exit(EXIT_REFUSED if report.refusals else EXIT_OK)


class _Progress:
    """A rich progress line on a terminal; refusals printed above it."""

    def __init__(self, show: bool) -> None:
        self.bar: Any = None
        self.task: Any = None
        if show:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.bar.add_task("ingesting…", total=None)

    def update(self, report: IngestReport) -> None:
        if self.bar is not None:
            self.bar.update(
                self.task,
                description=f"read {report.read} · stored {report.stored} · already stored {report.skipped}"
                f" · refused {report.refused} · {report.rate:.0f}/s",
            )

    def refusal(self, refusal: Refusal) -> None:
        line = f"marsad: refused {refusal.source}: {refusal.reason}"
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            sys.stderr.write(line + "\n")


@contextmanager
def _progress(show: bool) -> Iterator[_Progress]:
    progress = _Progress(show)
    if progress.bar is None:
        yield progress
        return
    with progress.bar:
        yield progress


# ---- search ----------------------------------------------------------------------------------------


def _date(value: str | None) -> str | None:
    if value is not None and not _DATE_RE.match(value):
        raise typer.BadParameter(f"{value!r} is not a date: write YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words (all must match), "a phrase", word* (prefix).')] = "",
    speaker: Annotated[str | None, typer.Option("--speaker", help="Said by this speaker (any spelling).")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="About this entity (any spelling).")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="From this outlet.")] = None,
    since: Annotated[str | None, typer.Option("--since", callback=_date, help="Published on or after D.")] = None,
    until: Annotated[str | None, typer.Option("--until", callback=_date, help="Published on or before D.")] = None,
    what: Annotated[What, typer.Option("--what", help="statements or articles")] = What.statements,
    kind: Annotated[Kind | None, typer.Option("--kind", help="Statements of this kind only.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    db: DbOption = None,
    fmt: Annotated[SearchFormat, typer.Option("--format", "-f", help="text, json or jsonl")] = SearchFormat.text,
) -> None:
    """Arabic-aware search: spelling variants, diacritics and clitics do not stop a match."""
    q = Query(
        text=query,
        what=what.value,
        speaker=speaker,
        entity=entity,
        outlet=outlet,
        since=since,
        until=until,
        kind=kind.value if kind else None,
        limit=limit,
        offset=offset,
    )
    with _store(db, Settings.from_env()) as store:
        page: Page[ArticleHit] | Page[StatementHit]
        page = store.search_articles(q) if what is What.articles else store.search_statements(q)
    items = [hit_dict(h) for h in page.items]
    out = sys.stdout
    if fmt is SearchFormat.json:
        doc = {"total": page.total, "limit": page.limit, "offset": page.offset, "items": items}
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif fmt is SearchFormat.jsonl:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        out.write(render_page(page))
    raise typer.Exit(EXIT_OK)


def hit_dict(hit: ArticleHit | StatementHit) -> dict[str, Any]:
    if isinstance(hit, ArticleHit):
        return asdict(hit)
    return {
        "article_id": hit.article_id,
        "index": hit.index,
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published,
        "statement": hit.statement.to_dict(),
    }


def render_page(page: Page[ArticleHit] | Page[StatementHit]) -> str:
    """A readable right-to-left listing for a terminal."""
    rlm = "\u200f"
    shown = f"{page.offset + 1}–{page.offset + len(page.items)}" if page.items else "0"
    lines = [f"{rlm}{page.total} نتيجة ({shown})"]
    for hit in page.items:
        meta = " ".join(x for x in (hit.outlet, (hit.published or "")[:10]) if x)
        if isinstance(hit, ArticleHit):
            lines.append(f"{rlm}■ {hit.title or '(بلا عنوان)'}  [{meta}] {hit.id}")
            lines.append(f"{rlm}  {hit.snippet}")
        else:
            s = hit.statement
            who = s.speaker.canonical or s.speaker.name or "مصدر مجهول"
            lines.append(f"{rlm}« {who} » [{s.cue.text}] {s.content.text}")
            lines.append(f"{rlm}  {hit.title or ''}  [{meta}] {hit.article_id}#{hit.index} ({s.kind})")
    return "\n".join(lines) + "\n"


# ---- export ----------------------------------------------------------------------------------------


@app.command("export")
def export_command(
    what: Annotated[
        ExportTable, typer.Option("--what", help="articles, statements, entities (also mentions, dates, framing)")
    ] = ExportTable.articles,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv or parquet")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here (required for parquet).")] = None,
    db: DbOption = None,
) -> None:
    """Export the store: article documents (jsonl) or flat tables keyed by article_id (jsonl, csv, parquet)."""
    if fmt is ExportFormat.parquet and output is None:
        raise _fail("parquet is binary: give a file with -o FILE")
    with _store(db, Settings.from_env()) as store:
        try:
            n = export_store(store, str(what.value), fmt.value, output if output is not None else sys.stdout)
        except ExportError as e:
            raise _fail(str(e)) from None
    if output is not None:
        sys.stderr.write(f"marsad: wrote {n} {what.value} rows to {output}\n")
    raise typer.Exit(EXIT_OK)


# ---- stats -----------------------------------------------------------------------------------------


@app.command()
def stats(
    db: DbOption = None,
    fmt: Annotated[StatsFormat, typer.Option("--format", "-f", help="text or json")] = StatsFormat.text,
    top: Annotated[int, typer.Option("--top", min=0, help="How many top entities to list.")] = 10,
) -> None:
    """Counts of what is stored, per outlet, and the most frequent entities."""
    with _store(db, Settings.from_env()) as store:
        counts = store.count()
        outlets = store.outlets()
        entities = store.entities(limit=top).items if top else []
    if fmt is StatsFormat.json:
        doc = {
            "db": store.url,
            "counts": counts,
            "outlets": [{"outlet": o or None, "articles": n} for o, n in outlets],
            "entities": [asdict(e) for e in entities],
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        raise typer.Exit(EXIT_OK)
    lines = [store.url]
    lines += [f"  {name:<12} {n:>9,}" for name, n in counts.items()]
    lines.append("outlets:")
    lines += [f"  {(o or '(none)'):<20} {n:>9,}" for o, n in outlets]
    if entities:
        lines.append("entities:")
        lines += [
            f"\u200f  {e.canonical} ({e.type}) {e.articles} articles, {e.statements} statements" for e in entities
        ]
    sys.stdout.write("\n".join(lines) + "\n")
    raise typer.Exit(EXIT_OK)
