"""Shared test fixtures.  Shared data is used by relative path, never copied into the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ``../shared``; the test is skipped where shared/ is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED
