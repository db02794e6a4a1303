"""The Typer application that every command module adds itself to."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): who said what, about whom, when, and how each outlet frames it — for Arabic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# exit statuses of CONTRACT.md
EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


@app.callback()
def _root() -> None:
    """marsad (مرصد): who said what, about whom, when, and how each outlet frames it."""
