"""Counting how outlets differ: wording per concept, honorifics per person, statements, who is quoted about whom."""

from __future__ import annotations

import pytest
from report_samples import analysis, article, entity, statement

from marsad.models import FramingMarker
from marsad.report.compare import ANONYMOUS, Filters, compare, name_key, resolve_concepts


def _houthi_pair() -> list:
    a = article("c1", "X", "هاجمت ميليشيا الحوثي مأرب. وقال الوزير إن الحوثيين خرقوا الهدنة.")
    b = article("c2", "Y", "أعلن الحوثيون السيطرة على مأرب.", published="2018-06-10")
    return [analysis(a, statements=(statement(a, "الحوثيين خرقوا الهدنة", "الوزير"),)), analysis(b)]


def test_wording_is_counted_per_outlet_with_quotations_apart_from_the_outlets_voice() -> None:
    c = compare(_houthi_pair())
    houthis = c.terms["Houthis"]
    assert dict(houthis["X"]["own"]) == {"ميليشيا الحوثي": 1}
    assert dict(houthis["X"]["quoted"]) == {"الحوثيون": 1}
    assert dict(houthis["Y"]["own"]) == {"الحوثيون": 1}
    assert c.outlets["X"].markers["own"]["loaded-term"] == 1
    assert c.outlets["X"].categories["own"]["criminalising"] == 1


def test_filters_leave_out_other_outlets_and_dates_and_say_why() -> None:
    pair = _houthi_pair()
    by_outlet = compare(pair, Filters(outlets=frozenset({"y"})))
    assert set(by_outlet.outlets) == {"Y"} and by_outlet.left_out == {"outlet": 1}
    by_date = compare(pair, Filters(since="2018-04"))
    assert set(by_date.outlets) == {"Y"} and by_date.left_out == {"date": 1}
    undated = article("c3", "Z", "أعلن الحوثيون الهدنة.", published=None)
    assert compare([analysis(undated)], Filters(until="2019")).left_out == {"no date": 1}


def test_concept_filter_keeps_only_that_concepts_wording_table() -> None:
    c = compare(_houthi_pair(), Filters(concepts=resolve_concepts(["houthis"])))
    assert set(c.terms) == {"Houthis"}
    assert c.articles == 2


def test_concepts_are_named_in_english_or_by_an_arabic_wording() -> None:
    assert resolve_concepts(["Houthis", "ميليشيات الحوثي", "ISRAEL (STATE)"]) == {"Houthis", "Israel (state)"}
    with pytest.raises(ValueError, match="no such thing"):
        resolve_concepts(["no such thing"])


def test_honorifics_are_counted_per_person_outlet_and_voice() -> None:
    a = article("h1", "X", "استقبل السيد حسن نصر الله الوفد، ثم تحدث حسن نصر الله.")
    b = article("h2", "Y", "استقبل حسن نصر الله الوفد.")
    ea, eb = entity(a, "e1", "حسن نصر الله"), entity(b, "e1", "حسن نصر الله")
    i = a.text.index("السيد")
    marker = FramingMarker(a.span(i, i + 5), "honorific", "السيد")
    c = compare([analysis(a, entities=(ea,), framing=(marker,)), analysis(b, entities=(eb,), framing=())])
    key = name_key("حسن نصر الله")[0]
    assert dict(c.person_honorifics[key]["X"]["own"]) == {"السيد": 1}
    assert c.person_honoured[key]["X"]["own"] == 1
    assert c.person_mentions[key]["X"]["own"] == 2
    assert c.person_mentions[key]["Y"]["own"] == 1
    assert "Y" not in c.person_honorifics[key]


def test_statement_kinds_speakers_and_anonymous_sources_are_counted_per_outlet() -> None:
    a = article("s1", "X", "قال الوزير إن الاتفاق قريب. وأضاف مصدر أن الوفد وصل.")
    st = (
        statement(a, "الاتفاق قريب", "الوزير", kind="indirect"),
        statement(a, "الوفد وصل", None, cue="وأضاف", kind="direct"),
    )
    c = compare([analysis(a, statements=st, framing=())])
    o = c.outlets["X"]
    assert dict(o.statement_kinds) == {"indirect": 1, "direct": 1}
    assert o.anonymous == 1
    assert [c.name(k) for k in o.speakers] == ["الوزير"]


def test_who_is_quoted_about_an_entity_never_counts_the_entity_quoting_itself() -> None:
    a = article("q1", "X", "قال الوزير إن إيران تهدد المنطقة. وقال ظريف إن إيران لا تهدد أحدا.")
    iran = entity(a, "e1", "إيران", type="GPE")
    zarif = entity(a, "e2", "ظريف")
    st = (
        statement(a, "إيران تهدد المنطقة", "الوزير"),
        statement(a, "إيران لا تهدد أحدا", "ظريف", cue="وقال ظريف", entity="e2"),
    )
    c = compare([analysis(a, entities=(iran, zarif), statements=st, framing=())])
    about_iran = c.about[name_key("إيران")[0]]["X"]
    assert {c.name(k): n for k, n in about_iran.items()} == {"الوزير": 1, "ظريف": 1}
    assert name_key("ظريف")[0] not in c.about  # ظريف is a speaker here, not spoken about


def test_anonymous_speakers_are_grouped_under_one_key_about_an_entity() -> None:
    a = article("q2", "X", "أفاد مصدر أن إيران ردت.")
    iran = entity(a, "e1", "إيران", type="GPE")
    c = compare([analysis(a, entities=(iran,), statements=(statement(a, "إيران ردت", None, cue="أفاد"),), framing=())])
    assert dict(c.about[name_key("إيران")[0]]["X"]) == {ANONYMOUS: 1}


def test_spellings_of_a_name_with_and_without_honorific_share_one_key() -> None:
    assert name_key("الشيخ تميم بن حمد")[0] == name_key("تميم بن حمد")[0]
    assert name_key("أحمد")[0] == name_key("احمد")[0]


def test_articles_without_outlet_are_counted_under_an_unknown_outlet() -> None:
    c = compare([analysis(article("u1", None, "أعلن الحوثيون الهدنة."))])
    assert list(c.outlets) == ["—"]
