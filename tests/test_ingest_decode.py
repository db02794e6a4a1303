"""Bytes → text: BOMs, UTF-8, the Arabic single-byte code pages without a declared charset, binary refused."""

from __future__ import annotations

import pytest

from marsad.errors import Skip
from marsad.ingest.decode import declared_charset, decode

# ISO-8859-6 has no guillemets, so the sentence keeps to letters and Arabic punctuation
SENTENCE = "قال رئيس البلدية إن الحديقة الجديدة ستفتح أبوابها للعائلات يوم الجمعة، وأضاف أن الدخول مجاني."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "iso8859_6"])
def test_decode_gives_the_arabic_sentence_back_without_a_declared_charset(encoding: str) -> None:
    data = SENTENCE.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data  # a BOM says which UTF-16
    assert decode(data) == SENTENCE


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_decode_sees_through_a_wrong_latin_declaration(encoding: str) -> None:
    assert decode(SENTENCE.encode(encoding), "iso-8859-1") == SENTENCE


def test_decode_follows_a_declared_arabic_charset() -> None:
    assert decode(SENTENCE.encode("iso8859_6"), "ISO-8859-6") == SENTENCE
    assert decode(SENTENCE.encode("cp1256"), "windows-1256") == SENTENCE


def test_decode_tells_the_two_arabic_code_pages_apart_on_a_short_line() -> None:
    short = "عاد الأب إلى البيت"
    assert decode(short.encode("iso8859_6")) == short
    assert decode(short.encode("cp1256")) == short


def test_declared_charset_is_read_from_the_meta_tag() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1256">') == "windows-1256"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">') == "ISO-8859-6"
    assert declared_charset(b"<html><body>no charset</body></html>") is None


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "PDF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG"),
        (b"abc" + b"\x00" * 100, "NUL"),
        (bytes(range(1, 32)) * 40, "control"),
    ],
)
def test_decode_refuses_binary_content(data: bytes, word: str) -> None:
    with pytest.raises(Skip) as e:
        decode(data)
    assert word in e.value.reason
