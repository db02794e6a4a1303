"""Command line: a thin mirror of the Python API.  Each command lives in a module of its own."""

from __future__ import annotations

import sys

from marsad.cli import demo as _demo  # noqa: F401  (each import registers its commands)
from marsad.cli import entities as _entities  # noqa: F401
from marsad.cli import extract as _extract  # noqa: F401
from marsad.cli import ner as _ner  # noqa: F401
from marsad.cli import report as _report  # noqa: F401
from marsad.cli import scale as _scale  # noqa: F401
from marsad.cli import serve as _serve  # noqa: F401
from marsad.cli import store as _store  # noqa: F401
from marsad.cli import stories as _stories  # noqa: F401
from marsad.cli.app import app


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # e.g. `marsad extract ... | head`
        sys.stderr.close()


__all__ = ["app", "main"]
