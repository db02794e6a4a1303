"""Shared test fixtures.  Shared data is used by relative path, never copied into the repository."""

from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server for the session (tests/pg.py); skips where none is installed."""
    from tests import pg

    with pg.server() as url:
        if url is None:
            pytest.skip("no PostgreSQL binaries installed (apt-get install postgresql) and MARSAD_TEST_PG_URL unset")
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new empty store, once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    from tests import pg

    return pg.fresh_database(request.getfixturevalue("pg_server"))
