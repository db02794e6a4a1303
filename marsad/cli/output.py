"""Shared CLI plumbing: writing documents, naming refusals on stderr."""

from __future__ import annotations

import json
import sys
from typing import IO, Any

from marsad.errors import Refusal


def dump_json(doc: dict[str, Any], out: IO[str], indent: int | None = 2) -> None:
    out.write(json.dumps(doc, ensure_ascii=False, indent=indent))
    out.write("\n")


def report_refusal(refusal: Refusal) -> None:
    sys.stderr.write(f"marsad: refused {refusal.source}: {refusal.reason}\n")
