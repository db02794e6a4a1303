"""Bounded reading of streams: decompression bombs and endless lines stop with a clear reason."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Protocol

from marsad.errors import Skip


class ByteStream(Protocol):
    """What the bounded readers need: ``read(n)`` and iteration over lines (files, GzipFile)."""

    def read(self, size: int = ..., /) -> bytes: ...

    def __iter__(self) -> Iterator[bytes]: ...


def bounded_read(stream: ByteStream, limit: int) -> bytes:
    """Read at most ``limit`` bytes; refuse when there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise Skip(f"content larger than the limit of {limit} bytes (decompression bounded)")
    return data


def bounded_lines(stream: ByteStream, source: str, limit: int) -> Iterator[bytes]:
    """Lines of a (decompressed) stream, stopping with a refusal past ``limit`` bytes in all.

    A truncated gzip stream ends the lines read so far and then raises :class:`Skip`.
    """
    total = 0
    try:
        for line in stream:
            total += len(line)
            if total > limit:
                raise Skip(f"decompressed content larger than the limit of {limit} bytes", source)
            yield line
    except EOFError as e:
        raise Skip(f"truncated compressed stream ({e})", source) from e
    except (OSError, zlib.error) as e:
        raise Skip(f"broken compressed stream ({e})", source) from e
