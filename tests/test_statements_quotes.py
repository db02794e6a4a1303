"""Quotation marks and reported content: pairing, nesting, unbalanced marks, content ends and kinds."""

from __future__ import annotations

from marsad.nlp.content import Field, content_end, content_kind
from marsad.nlp.quotes import pair_quotes, quoted_spans
from marsad.nlp.speakers import tokenize_folded
from marsad.text import fold


def field(text: str) -> Field:
    folded = fold(text)
    return Field.build(folded, tokenize_folded(folded), pair_quotes(folded))


def test_typographic_quotes_nest_and_straight_quotes_toggle() -> None:
    text = 'قال «إن “الاتفاق” قائم» ثم "نعم" و"لا"'
    pairs = pair_quotes(text)
    assert pairs[text.index("«")] == text.index("»")
    assert pairs[text.index("“")] == text.index("”")
    opens = [i for i, ch in enumerate(text) if ch == '"']
    assert pairs[opens[0]] == opens[1] and pairs[opens[2]] == opens[3]
    assert quoted_spans(pairs)[0] == (text.index("«"), text.index("»") + 1)


def test_unbalanced_quote_pairs_with_nothing_and_lines_are_separate() -> None:
    text = 'قال "سنبقى\nثم "نعم"'
    pairs = pair_quotes(text)
    first, second, third = (i for i, ch in enumerate(text) if ch == '"')
    assert first not in pairs and pairs[second] == third


def test_apostrophe_is_not_a_single_quote() -> None:
    assert pair_quotes("it‘s ‘ok’") == {len("it‘s "): len("it‘s ‘ok")}


def test_content_runs_over_sentence_ends_inside_a_quote() -> None:
    f = field('"نحن هنا. ولن نرحل" قال.')
    assert content_end(f, 0) == f.text.index('"', 1) + 1


def test_indirect_content_ends_at_the_sentence_end_or_the_next_report() -> None:
    f = field("الخطة جاهزة تماما، مشيرا إلى أن التنفيذ قريب. جملة أخرى.")
    assert f.text[: content_end(f, 0)] == fold("الخطة جاهزة تماما")
    f = field("الخطة جاهزة في حين يرى آخرون غير ذلك.")
    assert f.text[: content_end(f, 0)] == fold("الخطة جاهزة")


def test_content_kind_direct_mixed_indirect() -> None:
    f = field('"الخطة جاهزة" و«الاتفاق قائم على أسس» و"كلمة"')
    assert content_kind(f, 0, f.text.index('"', 1) + 1) == "direct"
    assert content_kind(f, 0, len(f.text)) == "mixed"
    g = field('الخطة "جاهزة" تماما')
    assert content_kind(g, 0, len(g.text)) == "indirect"
