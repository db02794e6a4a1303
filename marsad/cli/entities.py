"""``marsad entities``: entities across articles, and merging or splitting them by hand.

``marsad entities [NAME]`` lists entities (merged names together) with their aliases and counts;
``marsad entities merge NAME_A NAME_B`` makes A one entity with B; ``marsad entities split NAME``
takes NAME out of a merge.  Both decisions are kept in the store and later ingests follow them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated

import typer

from marsad.cli.app import EXIT_OK, EXIT_REFUSED, app
from marsad.cli.store import DbOption, _fail, _store
from marsad.settings import Settings
from marsad.store.base import EntitySummary, Page

ACTIONS = ("merge", "split")


class EntitiesFormat(StrEnum):
    text = "text"
    json = "json"


def render(page: Page[EntitySummary]) -> str:
    """One line per entity (right-to-left mark first), its aliases on the next."""
    lines = [f"{page.total} entities" + (f" (from {page.offset + 1})" if page.offset else "")]
    for e in page.items:
        lines.append(f"\u200f{e.canonical} ({e.type}) {e.articles} articles, {e.statements} statements")
        if e.aliases:
            lines.append("\u200f  = " + " | ".join(e.aliases))
    return "\n".join(lines) + "\n"


@app.command("entities")
def entities_command(
    args: Annotated[
        list[str] | None,
        typer.Argument(help="[NAME] to list entities, merge NAME_A NAME_B, or split NAME.", show_default=False),
    ] = None,
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0)] = 0,
    fmt: Annotated[EntitiesFormat, typer.Option("--format", "-f", help="text or json")] = EntitiesFormat.text,
) -> None:
    """Entities across articles (merged names together); merge two of them or split one off by hand."""
    words = args or []
    action = words[0] if words and words[0] in ACTIONS else None
    if action == "merge" and len(words) != 3:
        raise _fail("merge takes two names: marsad entities merge NAME_A NAME_B")
    if action == "split" and len(words) != 2:
        raise _fail("split takes one name: marsad entities split NAME")
    if action is None and len(words) > 1:
        raise _fail("give one name (quote a name of several words)")
    with _store(db, Settings.from_env()) as store:
        try:
            if action == "merge":
                moved = store.merge_entities(words[1], words[2])
                sys.stdout.write(f"merged {words[1]} into {words[2]} ({moved} names moved)\n")
                sys.stdout.write("\u200f= " + " | ".join(store.entity_aliases(words[2])) + "\n")
                raise typer.Exit(EXIT_OK)
            if action == "split":
                moved = store.split_entity(words[1])
                sys.stdout.write(f"split {words[1]} ({moved} names taken out of a merge)\n")
                raise typer.Exit(EXIT_OK)
        except LookupError as e:
            raise _fail(str(e).strip("'\""), EXIT_REFUSED) from None
        except NotImplementedError as e:
            raise _fail(str(e), EXIT_REFUSED) from None
        page = store.entities(words[0] if words else None, limit=limit, offset=offset)
    if fmt is EntitiesFormat.json:
        doc = {
            "total": page.total,
            "limit": page.limit,
            "offset": page.offset,
            "items": [asdict(e) for e in page.items],
        }
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render(page))
    raise typer.Exit(EXIT_OK)
