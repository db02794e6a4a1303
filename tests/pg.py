"""A throwaway PostgreSQL server for the test session (or ``MARSAD_TEST_PG_URL``), and fresh databases in it."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager


def _bin_dir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_user(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the ``postgres`` OS user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@contextmanager
def server() -> Iterator[str | None]:
    """The URL of a server to create databases in (``None``: no PostgreSQL here)."""
    env_url = os.environ.get("MARSAD_TEST_PG_URL")
    if env_url:
        yield env_url
        return
    bindir = _bin_dir()
    if bindir is None:
        yield None
        return
    root = tempfile.mkdtemp(prefix="marsad-pg-")
    os.chmod(root, 0o777)
    data = os.path.join(root, "data")
    port = _free_port()
    run = {"check": True, "capture_output": True}
    subprocess.run(
        _as_user([f"{bindir}/initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]),
        **run,  # type: ignore[arg-type]
    )
    opts = f"-k {root} -p {port} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(
        _as_user([f"{bindir}/pg_ctl", "-D", data, "-o", opts, "-l", os.path.join(root, "log"), "-w", "start"]),
        **run,  # type: ignore[arg-type]
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_user([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    name = "marsad_t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")  # type: ignore[arg-type]
    base = server_url.rsplit("/", 1)[0]
    return f"{base}/{name}"
