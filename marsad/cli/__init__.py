"""Command line: a thin mirror of the Python API.  Each command lives in a module of its own."""

from __future__ import annotations

import sys

from marsad.cli import extract as _extract  # noqa: F401  (registers its commands)
from marsad.cli.app import app


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # e.g. `marsad extract ... | head`
        sys.stderr.close()


__all__ = ["app", "main"]
