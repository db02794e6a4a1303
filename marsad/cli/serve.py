"""``marsad serve``: the HTTP API (OpenAPI at ``/docs``) and the web pages over one store."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from marsad.cli.app import app
from marsad.settings import Settings


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: Annotated[
        str | None, typer.Option("--db", help="sqlite:///path.db (default ./marsad.db) or postgresql://…")
    ] = None,
    host: Annotated[str, typer.Option("--host", help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="port to listen on")] = 8000,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web pages.  Writes need MARSAD_API_KEY."""
    import uvicorn

    from marsad.server import ServerConfig, create_app

    settings = Settings.from_env(db=db)
    config = ServerConfig.from_settings(settings)
    if not is_loopback(host):
        typer.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    typer.echo(
        f"marsad: http://{host}:{port}/ (API docs /docs) over {settings.db}; "
        f"ingest {'on (API key set)' if config.writable else 'off (no MARSAD_API_KEY)'}",
        err=True,
    )
    application = create_app(settings.db, settings, config)  # the store is opened (and checked) at startup
    uvicorn.run(application, host=host, port=port, log_level="info", proxy_headers=False, server_header=False)
