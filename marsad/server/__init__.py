"""The HTTP API (JSON under ``/api``) and the right-to-left web pages, served by one FastAPI app."""

from __future__ import annotations

from marsad.server.app import create_app
from marsad.server.deps import ServerConfig

__all__ = ["ServerConfig", "create_app"]
