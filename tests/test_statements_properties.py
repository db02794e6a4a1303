"""Property: statement extraction never fails and every span points into the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.models import Article, Span
from marsad.nlp.document import Doc
from marsad.nlp.statements import find_statements

WORDS = st.sampled_from(
    ["قال", "وقالت", "إن", "أن", "بأن", "الوزير", "سامي", "نعمة", "مشيرا", "إلى", "بحسب", "وفقا", "ل", "مصدر",
     "الخطة", "جاهزة", "«", "»", '"', "“", "”", ":", "،", ".", "\n", "وأضاف", "اقرأ", "أيضا", "لم", "يقل", "قوله",
     "عن", "نقلت", "الذي", "نفى", "كما", "تقول", "في", "بيان", "ً", "ّ", "ـ", "\u00a0"]
)  # fmt: skip
TEXTS = st.one_of(st.lists(WORDS, max_size=60).map(" ".join), st.text(max_size=200))


def check(span: Span | None, article: Article) -> None:
    if span is not None:
        assert article.field_text(span.zone)[span.start : span.end] == span.text


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, title=st.one_of(st.none(), TEXTS))
def test_statement_spans_always_index_the_original_text(text: str, title: str | None) -> None:
    article = Article("p", text, title)
    for s in find_statements(Doc(article)):
        check(s.cue, article)
        check(s.content, article)
        check(s.speaker.mention, article)
        assert s.content.end > s.content.start
