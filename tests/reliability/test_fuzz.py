"""Property tests over what the web feeds marsad: normalisation and its offset map, the whole
analysis pipeline (statements, entities, dates, framing), the date parser, the readers and the
HTML extractor never raise, and every span they return indexes the original text."""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import Refusal, Skip
from marsad.extract import extract
from marsad.ingest import raw_from_bytes
from marsad.ingest.rawdoc import RawDoc
from marsad.models import Article, Span
from marsad.nlp import analyse
from marsad.nlp.dates import publication_date_from_text
from marsad.settings import Settings
from marsad.text import normalize, split_sentences, tokenize

WORDS = st.sampled_from(
    ["قال", "وقال", "أكد", "إن", "أن", "الوزير", "محمد", "الحسيني", "رئيس", "الحكومة", "في", "يوم", "الأحد",
     "15", "آذار", "مارس", "2024", "أمس", "الماضي", "العدوان", "الشهيد", "«", "»", '"', ":", "،", ".", "؟", "\n",
     "\n\n", "ﻻ", "ـ", "َ", "ّ", "ً", "\u200f", "\u00a0", "WHO", "Reuters", "(", ")", "٢٠٢٤", "/", "-"]
)  # fmt: skip
ARABIC = st.one_of(st.lists(WORDS, max_size=80).map(" ".join), st.text(max_size=300))
FUZZ = settings(
    max_examples=int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def spans(obj: Any) -> list[Span]:
    """Every Span inside a (nested) dataclass, tuple or list."""
    if isinstance(obj, Span):
        return [obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [s for f in dataclasses.fields(obj) for s in spans(getattr(obj, f.name))]
    if isinstance(obj, (tuple, list)):
        return [s for x in obj for s in spans(x)]
    return []


@FUZZ
@given(text=ARABIC)
def test_normalised_offsets_map_back_inside_the_original_and_in_order(text: str) -> None:
    norm = normalize(text)
    n = len(norm.text)
    prev = 0
    for i in range(n):
        start = norm.start_of(i)
        assert 0 <= start < len(text) and start >= prev
        prev = start
    for a in range(0, n + 1, 3):
        for b in range(a, n + 1, 5):
            s, e = norm.to_original(a, b)
            assert 0 <= s <= e <= len(text)


@FUZZ
@given(text=ARABIC)
def test_tokens_and_sentences_index_the_original_text(text: str) -> None:
    for token in tokenize(text):
        assert 0 <= token.start < token.end <= len(text)
    for sentence in split_sentences(text):
        assert 0 <= sentence.start <= sentence.end <= len(text)


@FUZZ
@given(text=ARABIC, title=st.one_of(st.none(), ARABIC), published=st.one_of(st.none(), st.text(max_size=30)))
def test_the_pipeline_never_raises_and_every_span_is_its_text(
    text: str, title: str | None, published: str | None
) -> None:
    article = Article("fuzz", text, title, published=published)
    analysis = analyse(article)
    for span in spans(analysis):
        assert 0 <= span.start <= span.end <= len(article.field_text(span.zone))
        assert article.field_text(span.zone)[span.start : span.end] == span.text


@FUZZ
@given(text=ARABIC)
def test_publication_date_from_text_is_none_or_an_iso_date(text: str) -> None:
    found = publication_date_from_text(text)
    assert found is None or (len(found) >= 10 and found[4] == "-" and found[7] == "-")


def _read(data: bytes, name: str) -> list[Article | Refusal]:
    out: list[Article | Refusal] = []
    for raw in raw_from_bytes(name, data, Settings(max_bytes=100_000)):
        if isinstance(raw, RawDoc):
            try:
                out.append(extract(raw))
            except Exception as e:  # Skip is how extract refuses; anything else is a bug
                assert isinstance(e, Skip), repr(e)
        else:
            out.append(raw)
    return out


TAGS = st.sampled_from(
    ["<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<article>", "<h1>", "</h1>", "<script>", "</script>",
     "<title>", "</title>", "<a href='/x'>", "</a>", "<br>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;",
     "&#x110000;", "<meta charset='utf-16'>", "<meta charset='bogus'>", "<rss>", "<item>", "<feed>", "\x00"]
)  # fmt: skip
HTML = st.lists(st.one_of(TAGS, WORDS), max_size=120).map("".join)


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["x.html", "x.txt", "x.jsonl", "x.xml", "x"]))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, name: str) -> None:
    for item in _read(data, name):
        if isinstance(item, Refusal):
            assert item.source.startswith(name) and item.reason
        else:
            assert all(0 <= z.start <= z.end <= len(item.text) for z in item.zones)


@FUZZ
@given(page=HTML, encoding=st.sampled_from(["utf-8", "cp1256", "utf-16"]))
def test_html_fragments_extract_or_refuse_with_valid_zones_and_links(page: str, encoding: str) -> None:
    data = page.encode(encoding, errors="replace")
    for item in _read(data, "p.html"):
        if isinstance(item, Article):
            assert all(0 <= z.start <= z.end <= len(item.text) for z in item.zones)
            assert all(link.text.strip() for link in item.related)
