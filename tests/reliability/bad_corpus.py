"""A corpus of bad inputs, generated on the fly (no binary fixtures): name → bytes writer.

Each case says what it is, how it is made, and what must become of it: ``"article"`` (read,
with the given words in its text), ``"refused"`` (a Refusal naming the file, with words in the
reason) or ``"either"`` (read or refused, but never a crash).
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SENTENCE = "قال وزير الزراعة إن موسم القمح كان جيدا هذا العام في القرى الشمالية."
SECOND = "وأضاف أن الحكومة ستدعم المزارعين بقروض ميسرة خلال الأشهر المقبلة."
TITLE = "موسم قمح جيد"


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "article", "refused" or "either"
    words: str  # in the article text (article) or the refusal reason (refused); "" for any
    make: Callable[[Path], object]


def _page(body: str, charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<html><head>{meta}<title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>{body}</article></body></html>"
    )


def _para() -> str:
    return f"<p>{SENTENCE}</p><p>{SECOND}</p>"


def _write(data: bytes) -> Callable[[Path], object]:
    return lambda p: p.write_bytes(data)


def _big_text(p: Path) -> None:
    """50 MB of Arabic text written in chunks (never held in memory whole)."""
    chunk = ((SENTENCE + " ") * 200 + "\n").encode("utf-8")
    with open(p, "wb") as f:
        while f.tell() < 50_000_000:
            f.write(chunk)


def _long_line(p: Path) -> None:
    with open(p, "wb") as f:
        rec = {"docno": "long", "title": TITLE, "text": "x"}
        f.write(json.dumps(rec, ensure_ascii=False).encode() + b"\n")
        f.write(b'{"docno": "huge", "title": "t", "text": "' + b"a" * 10_000_000 + b'"}\n')
        good = {"docno": "after", "title": TITLE, "text": SENTENCE + " " + SECOND}
        f.write(json.dumps(good, ensure_ascii=False).encode() + b"\n")


def _gzip_bomb(p: Path) -> None:
    """256 MB of zeros compressed to about 250 kB, written by streaming."""
    with open(p, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9) as gz:
        zeros = b"\0" * (1 << 20)
        for _ in range(256):
            gz.write(zeros)


def _gzip_text_bomb(p: Path) -> None:
    """A page that decompresses past the size limit (a bomb that looks like HTML)."""
    with open(p, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9) as gz:
        gz.write(b"<html><body><p>")
        block = b"a" * (1 << 20)
        for _ in range(64):
            gz.write(block)


def _truncated_gzip(p: Path) -> None:
    data = gzip.compress(_page(_para()).encode("utf-8") * 50)
    p.write_bytes(data[: len(data) // 2])


def _warc(page: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
        b"WARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"Content-Type: application/http; msgtype=response\r\n" + f"Content-Length: {len(http)}\r\n\r\n".encode()
    )
    return head + http + b"\r\n\r\n"


def _truncated_warc(p: Path) -> None:
    data = _warc(_page(_para()).encode("utf-8"))
    p.write_bytes(data[: len(data) - 200])


def _truncated_warc_gz(p: Path) -> None:
    data = gzip.compress(_warc(_page(_para()).encode("utf-8")) * 3)
    p.write_bytes(data[: len(data) * 2 // 3])


def _nested(p: Path) -> None:
    p.write_bytes(("<html><body>" + "<div>" * 20_000 + f"<p>{SENTENCE}</p><p>{SECOND}" + "</div>" * 3).encode())


def _unclosed(p: Path) -> None:
    p.write_bytes(f"<html><body><article><h1>{TITLE}<p>{SENTENCE}<p>{SECOND}<table><tr><td>".encode())


def _jsonl_broken(p: Path) -> None:
    lines = [
        json.dumps({"docno": "ok1", "title": TITLE, "text": SENTENCE}, ensure_ascii=False),
        '{"docno": "cut", "title": "ع',
        json.dumps({"docno": "types", "title": 42, "text": ["a", "b"]}),
        json.dumps({"docno": "null", "title": None, "text": None}),
        json.dumps(["not", "an", "object"]),
        "\xff\xfe garbage",
        json.dumps({"docno": "ok2", "title": TITLE, "text": SECOND}, ensure_ascii=False),
    ]
    p.write_bytes("\n".join(lines).encode("utf-8", "surrogateescape") + b"\n\xff\xfe\n")


CASES: list[Case] = [
    Case("empty.html", "refused", "empty", _write(b"")),
    Case("blank.txt", "refused", "empty", _write(b" \n\t\r\n ")),
    Case("random.bin", "refused", "", _write(os.urandom(4096))),
    Case("zeros.bin", "refused", "", _write(b"\0" * 10_000)),
    Case("elf.txt", "refused", "", _write(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)),
    Case(
        "invalid-utf8.txt",
        "article",
        "القمح",
        _write(SENTENCE.encode() + b"\xff\xfe\xc3\x28\xa0\xa1" + SECOND.encode()),
    ),
    Case("utf16-bom.html", "article", "القمح", _write(b"\xff\xfe" + _page(_para()).encode("utf-16-le"))),
    Case(
        "utf16be-bom.txt",
        "article",
        "القمح",
        _write(b"\xfe\xff" + f"{TITLE}\n\n{SENTENCE}\n{SECOND}".encode("utf-16-be")),
    ),
    Case("cp1256.html", "article", "القمح", _write(_page(_para()).encode("cp1256"))),
    Case(
        "iso8859-6.html", "article", "الزراعة", _write(_page(_para()).replace("ة", "ة").encode("iso8859_6", "replace"))
    ),
    Case("cp1256.txt", "article", "القمح", _write(f"{TITLE}\n\n{SENTENCE}\n{SECOND}".encode("cp1256"))),
    Case(
        "mixed.html",
        "article",
        "WHO",
        _write(_page(f"<p>{SENTENCE} قالت منظمة WHO في بيان (Geneva, 2024).</p>").encode()),
    ),
    Case(
        "english.html",
        "either",
        "",
        _write(_page("<p>The minister said the wheat season was good this year.</p>" * 3).encode()),
    ),
    Case("big.txt", "refused", "larger", _big_text),
    Case("long-line.jsonl", "either", "", _long_line),
    Case("nested.html", "either", "", _nested),
    Case("unclosed.html", "article", "القمح", _unclosed),
    Case(
        "broken.rss",
        "either",
        "",
        _write(
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>'
            + TITLE.encode()
            + b"</title><description>"
            + SENTENCE.encode()
            + b"</desc"
        ),
    ),
    Case(
        "broken.atom",
        "either",
        "",
        _write(
            b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
            b'<entry><title>&bogus;</title><content type="html">&lt;p'
        ),
    ),
    Case(
        "charref.rss",
        "refused",
        "malformed feed",
        _write(b"<rss><channel><item><title>&#x110000;</title></item></channel></rss>"),
    ),
    Case("empty.rss", "refused", "", _write(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')),
    Case("truncated.warc", "either", "", _truncated_warc),
    Case("truncated.warc.gz", "either", "", _truncated_warc_gz),
    Case("truncated.html.gz", "refused", "gzip", _truncated_gzip),
    Case("not-gzip.gz", "refused", "", _write(b"\x1f\x8b\x08\x00garbage" + os.urandom(100))),
    Case("bomb.gz", "refused", "limit", _gzip_bomb),
    Case("bomb.html.gz", "refused", "limit", _gzip_text_bomb),
    Case("broken.jsonl", "either", "", _jsonl_broken),
    Case(
        "script.html",
        "article",
        "<script>",
        _write(
            _page(
                f"<p>{SENTENCE} &lt;script&gt;alert(1)&lt;/script&gt;</p><p>{SECOND}</p><script>alert(2)</script>"
            ).encode()
        ),
    ),
    Case("json-wrong-types.json", "refused", "", _write(json.dumps({"title": {"a": 1}, "text": 5}).encode())),
    Case("deflate-raw.bin", "refused", "", _write(zlib.compress(b"x" * 100_000))),
    Case("one-line.txt", "article", "القمح", _write(SENTENCE.encode())),
]
