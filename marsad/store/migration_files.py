"""The numbered migration files (``NNN_name.sql``) a backend ships, read in version order."""

from __future__ import annotations

import re
from importlib import resources

_NAME_RE = re.compile(r"^(\d{3})_(\w+)\.sql$")


def read_migrations(package: str, label: str) -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` of every migration file in ``package``, in version order."""
    found: list[tuple[int, str, str]] = []
    for entry in resources.files(package).iterdir():
        m = _NAME_RE.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"two {label} migrations share a number: {versions}")
    return found
