"""``marsad report``: how outlets differ in the words they use for the same people and events.

Reads analyses from the store (``--db``), or analyses files given as INPUT directly (no database), counts them with
:func:`marsad.report.compare` and writes an HTML report with plots, a Markdown summary or JSON (docs/report.md).
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from marsad.cli.app import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, app
from marsad.cli.output import report_refusal
from marsad.errors import Refusal
from marsad.models import Analysis, Article
from marsad.nlp.framing import TermHit
from marsad.report.compare import Comparison, Filters, Options, article_terms, compare, resolve_concepts
from marsad.settings import Settings

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
Analysed = tuple[Analysis, tuple[TermHit, ...]]
MIN_MENTIONS = Options().min_mentions


class ReportFormat(StrEnum):
    html = "html"
    md = "md"
    json = "json"


def _fail(message: str) -> typer.Exit:
    sys.stderr.write(f"marsad: {message}\n")
    return typer.Exit(EXIT_USAGE)


def _format_for(fmt: ReportFormat | None, out: Path | None) -> ReportFormat:
    if fmt is not None:
        return fmt
    suffix = out.suffix.lower() if out else ""
    return (
        ReportFormat.md
        if suffix in (".md", ".markdown")
        else ReportFormat.json
        if suffix == ".json"
        else ReportFormat.html
    )


def analyse_with_terms(article: Article) -> Analysed:
    """An article's analysis and its lexicon hits (module level: worker processes pickle it)."""
    from marsad.nlp import analyse

    analysis = analyse(article)
    return analysis, article_terms(analysis)


def _analysed(
    inputs: Sequence[str], filters: Filters, settings: Settings, jobs: int, left_out: Counter[str]
) -> tuple[Iterator[Analysed], list[Refusal]]:
    """Analyses of the inputs' articles that the filters admit (filtered before analysing), and the refusals."""
    from marsad.api import read

    refusals: list[Refusal] = []

    def articles() -> Iterator[Article]:
        for item in read(inputs, settings):
            if isinstance(item, Refusal):
                refusals.append(item)
                report_refusal(item)
            elif reason := filters.admits(item):
                left_out[reason] += 1
            else:
                yield item

    def stream() -> Iterator[Analysed]:
        if jobs <= 1:
            yield from map(analyse_with_terms, articles())
            return
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        with multiprocessing.get_context("fork" if "fork" in methods else "spawn").Pool(jobs) as pool:
            yield from pool.imap(analyse_with_terms, articles(), chunksize=8)

    return stream(), refusals


def _count(pairs: Iterator[Analysed], filters: Filters, options: Options) -> Comparison:
    terms: dict[int, tuple[TermHit, ...]] = {}

    def analyses() -> Iterator[Analysis]:
        for analysis, hits in pairs:
            terms[id(analysis)] = hits
            yield analysis

    def lookup(analysis: Analysis) -> tuple[TermHit, ...]:
        return terms.pop(id(analysis))

    return compare(analyses(), filters, options, lookup)


def _from_store(db: str | None, filters: Filters, options: Options, settings: Settings) -> tuple[Comparison, str]:
    from marsad.store import StoreURLError, open_store, sqlite_path

    url = db or settings.db
    if "://" not in url or url.lower().startswith("sqlite"):
        try:
            path = sqlite_path(url)
        except StoreURLError as e:
            raise _fail(str(e)) from None
        if path != ":memory:" and not Path(path).exists():
            raise _fail(f"no database at {path} (run `marsad ingest` first, or give INPUT files to analyse)")
    try:
        store = open_store(url, settings)
    except StoreURLError as e:
        raise _fail(str(e)) from None
    try:
        return compare(store.iter_analyses(), filters, options), store.url
    finally:
        store.close()


def _check_date(value: str | None, name: str) -> str | None:
    if value is not None and not _DATE_RE.match(value):
        raise _fail(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


def _render(fmt: ReportFormat) -> Callable[..., str]:
    if fmt is ReportFormat.html:
        from marsad.report.render import render_html

        return render_html
    from marsad.report import summary

    if fmt is ReportFormat.md:
        return summary.render_markdown
    import json

    return lambda c, meta: json.dumps(summary.to_dict(c, meta), ensure_ascii=False, indent=2) + "\n"


@app.command()
def report(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files, folders, URLs or - to analyse directly (no database).")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="sqlite:///path.db (default ./marsad.db, or MARSAD_DB)")
    ] = None,
    outlet: Annotated[list[str] | None, typer.Option("--outlet", help="Only this outlet (repeatable).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Published on or before YYYY[-MM[-DD]].")] = None,
    concept: Annotated[
        list[str] | None, typer.Option("--concept", help="Only this lexicon concept, e.g. Houthis (repeatable).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here (html: default report.html).")] = None,
    fmt: Annotated[
        ReportFormat | None, typer.Option("--format", "-f", help="html (default; or from --out's suffix), md, json")
    ] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", help="Also write every count as CSV (long form).")] = None,
    min_mentions: Annotated[
        int, typer.Option("--min-mentions", min=1, help="Shares over fewer mentions are marked low-confidence.")
    ] = MIN_MENTIONS,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for analysing INPUT.")] = 1,
) -> None:
    """Show, with plots, how outlets differ in the words they use for the same people and events."""
    started = time.perf_counter()
    settings = Settings.from_env()
    if inputs and db:
        raise _fail("give INPUT files or --db, not both")
    try:
        concepts = resolve_concepts(concept or [])
    except ValueError as e:
        raise _fail(f"{e}; the concepts are listed in docs/framing.md") from None
    filters = Filters(frozenset(outlet or []), _check_date(since, "--since"), _check_date(until, "--until"), concepts)
    options = Options(min_mentions=min_mentions)
    fmt = _format_for(fmt, out)
    if fmt is ReportFormat.html and out is None:
        out = Path("report.html")
    render = _render(fmt)
    refused = False
    if inputs:
        left_out: Counter[str] = Counter()
        pairs, refusals = _analysed(inputs, filters, settings, jobs, left_out)
        comparison = _count(pairs, filters, options)
        comparison.left_out.update(left_out)
        refused = bool(refusals)
        source = inputs[0] if len(inputs) == 1 else f"{len(inputs)} inputs"
    else:
        comparison, source = _from_store(db, filters, options, settings)
    from marsad.report.views import ReportMeta

    seconds = time.perf_counter() - started
    meta = ReportMeta(source, datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), seconds)
    _write(render(comparison, meta), out)
    if csv_out is not None:
        from marsad.report.summary import to_csv

        csv_out.write_text(to_csv(comparison), encoding="utf-8")
    if comparison.articles == 0:
        sys.stderr.write("marsad: no article matched; the report is empty\n")
    if out is not None:
        counts = f"{comparison.articles} articles, {len(comparison.outlets)} outlets, {seconds:.1f} s"
        sys.stderr.write(f"marsad: wrote {out} ({counts})\n")
    raise typer.Exit(EXIT_REFUSED if refused else EXIT_OK)


__all__ = ["ReportFormat", "analyse_with_terms", "report"]
