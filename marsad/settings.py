"""One options object, passed down instead of long argument lists."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

DEFAULT_DB = "sqlite:///marsad.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every default in one place.  Environment variables ``MARSAD_<NAME>`` override them."""

    db: str = DEFAULT_DB
    # reading
    max_bytes: int = 20_000_000  # a single document larger than this is refused
    max_decompressed_bytes: int = 2_000_000_000  # a .gz stream is cut off (and refused) past this
    max_line_chars: int = 5_000_000  # a JSONL line longer than this is refused
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 5_000_000
    fetch_feed_entries: int = 50
    allow_private_urls: bool = False  # fetching loopback/private addresses (SSRF guard)
    user_agent: str = "marsad/0.1 (+https://github.com/marsad)"
    # analysis
    language: str = "ar"
    # storage
    batch_size: int = 500
    # HTTP server
    api_key: str = ""  # empty: write endpoints (ingest) are off
    max_request_bytes: int = 2_000_000

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        for name in cls.__dataclass_fields__:
            env = os.environ.get(f"MARSAD_{name.upper()}")
            if env is None:
                continue
            default = getattr(cls(), name)
            if isinstance(default, bool):
                values[name] = env.lower() in {"1", "true", "yes"}
            else:
                values[name] = type(default)(env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
