"""``marsad extract``: analyse articles and print them; no database."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer

from marsad.api import extract as extract_api
from marsad.cli.app import EXIT_OK, EXIT_REFUSED, app
from marsad.cli.output import dump_json, report_refusal
from marsad.errors import Refusal
from marsad.models import Analysis
from marsad.settings import Settings


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for standard input.")],
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="json (default for one article), jsonl, text")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
) -> None:
    """Analyse articles and print them in the document shape of CONTRACT.md (no database)."""
    settings = Settings.from_env()
    out: IO[str] = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
    refused = False
    try:
        docs: list[Analysis] = []
        for item in extract_api(inputs, settings):
            if isinstance(item, Refusal):
                refused = True
                report_refusal(item)
                continue
            if fmt is Format.jsonl or (fmt is None and docs):
                # more than one article and no format asked: switch to one document a line
                for held in docs:
                    dump_json(held.to_dict(), out, indent=None)
                docs.clear()
                fmt = fmt or Format.jsonl
                dump_json(item.to_dict(), out, indent=None)
            elif fmt is Format.text:
                out.write(render_text(item))
            else:
                docs.append(item)
        for held in docs:
            dump_json(held.to_dict(), out)
    finally:
        if output:
            out.close()
    raise typer.Exit(EXIT_REFUSED if refused else EXIT_OK)


def render_text(a: Analysis) -> str:
    """A readable right-to-left summary for a terminal."""
    art = a.article
    lines = [
        f"\u200f■ {art.title or '(بلا عنوان)'}",
        f"\u200f  {art.outlet or ''} {art.published or ''} {art.url or ''}".rstrip(),
    ]
    for s in a.statements:
        who = s.speaker.canonical or s.speaker.name or "مصدر مجهول"
        lines.append(f"\u200f  « {who} » [{s.cue.text}] {s.content.text}")
    for e in a.entities:
        lines.append(f"\u200f  ● {e.type} {e.canonical} ({'، '.join(e.aliases)})")
    for d in a.dates:
        lines.append(f"\u200f  ◷ {d.span.text} → {d.value}")
    for f in a.framing:
        lines.append(f"\u200f  ◆ {f.marker}: {f.span.text}")
    if art.related:
        lines.append("\u200f  ↪ " + " | ".join(r.text for r in art.related))
    return "\n".join(lines) + "\n\n"
