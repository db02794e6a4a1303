"""``marsad stories``: story clusters across outlets, and the near-copies that were not stored."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer

from marsad.cli.app import EXIT_OK, EXIT_USAGE, app
from marsad.settings import Settings
from marsad.store import open_store
from marsad.stories import StoryView


@app.command()
def stories(
    query: Annotated[str, typer.Argument(help="Words of the story's titles (empty: newest first).")] = "",
    story_id: Annotated[str | None, typer.Option("--id", help="Show one story whole.")] = None,
    min_outlets: Annotated[int, typer.Option("--min-outlets", min=1, help="Reported by at least N outlets.")] = 1,
    duplicates: Annotated[bool, typer.Option("--duplicates", help="List near-copies that were not stored.")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    db: Annotated[str | None, typer.Option("--db", help="sqlite:///path.db (default ./marsad.db)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
) -> None:
    """Stories: the same event across outlets, each with its articles and the statements each outlet carried."""
    settings = Settings.from_env(db=db)
    try:
        _stories(settings, query, story_id, min_outlets, duplicates, limit, offset, as_json)
    except NotImplementedError as e:
        typer.echo(f"marsad: {e} (this store backend keeps no stories)", err=True)
        raise typer.Exit(EXIT_USAGE) from None


def _stories(
    settings: Settings,
    query: str,
    story_id: str | None,
    min_outlets: int,
    duplicates: bool,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    with open_store(settings.db, settings) as store:
        if duplicates:
            copies = store.near_duplicates(story_id, limit, offset)
            if as_json:
                _dump({"total": copies.total, "items": [asdict(c) for c in copies.items]})
            else:
                for c in copies.items:
                    typer.echo(f"\u200f{c.id} ≈ {c.of} ({c.similarity:.2f}) {c.outlet or ''} {c.title or ''}")
            raise typer.Exit(EXIT_OK)
        if story_id:
            story = store.story(story_id)
            if story is None:
                typer.echo(f"marsad: no story {story_id!r}", err=True)
                raise typer.Exit(EXIT_USAGE)
            _dump(asdict(story)) if as_json else typer.echo(render_story(story, full=True))
            raise typer.Exit(EXIT_OK)
        page = store.stories(query, limit, offset, min_outlets)
    if as_json:
        _dump(
            {"total": page.total, "limit": page.limit, "offset": page.offset, "items": [asdict(s) for s in page.items]}
        )
    else:
        typer.echo("\n".join(render_story(s) for s in page.items) + f"\n({page.total} stories)")
    raise typer.Exit(EXIT_OK)


def render_story(story: StoryView, full: bool = False) -> str:
    head = (
        f"\u200f■ {story.label or story.id}  [{story.id}] {story.first_date or ''}…{story.last_date or ''}"
        f"  {story.size} articles · {', '.join(story.outlets)}"
    )
    lines = [head]
    if full:
        lines += [f"\u200f  - {a.outlet or ''}: {a.title or a.id} ({(a.published or '')[:10]})" for a in story.articles]
        for outlet, items in story.statements.items():
            lines.append(f"  {outlet}:")
            lines += [f"\u200f    « {s.speaker or 'مصدر غير مسمى'} » {s.content[:160]}" for s in items]
    return "\n".join(lines)


def _dump(doc: object) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
