"""WARC files: HTML response records become articles with their target URI; a cut archive is refused after
the records read so far."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.errors import Refusal
from marsad.ingest import read
from marsad.models import Article

PAGE = (
    "<html><head><title>خبر رقم {i}</title></head><body><article>"
    "<p>قال المتحدث باسم البلدية إن الاجتماع رقم {i} انتهى باتفاق على خطة جديدة لتوزيع المياه.</p>"
    "<p>وأضاف أن التنفيذ يبدأ في الشهر المقبل في الأحياء الشرقية.</p></article></body></html>"
)


def make_warc(gz: bool, n: int = 3) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = io.BytesIO(PAGE.format(i=i).encode("utf-8"))
        writer.write_record(
            writer.create_warc_record(f"https://example.org/n/{i}", "response", payload=body, http_headers=headers)
        )
        if i == 0:  # a non-page record between pages is skipped
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            png = io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(32))
            writer.write_record(
                writer.create_warc_record("https://example.org/i.png", "response", payload=png, http_headers=image)
            )
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_html_response_records_become_articles_with_their_target_uri(tmp_path: Path, gz: bool) -> None:
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(make_warc(gz))
    items = list(read([str(p)]))
    assert all(isinstance(a, Article) for a in items)
    assert [a.url for a in items if isinstance(a, Article)] == [f"https://example.org/n/{i}" for i in range(3)]
    assert all(isinstance(a, Article) and "خطة جديدة" in a.text for a in items)


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_yields_the_records_so_far_and_a_refusal(tmp_path: Path, gz: bool) -> None:
    data = make_warc(gz)
    p = tmp_path / "cut.warc"
    p.write_bytes(data[: int(len(data) * 0.8)])
    items = list(read([str(p)]))
    assert isinstance(items[-1], Refusal) and "truncated" in items[-1].reason
    assert str(p) in items[-1].source
    assert 1 <= sum(isinstance(a, Article) for a in items) < 3
