"""Tables of shares: counts beside shares, low-confidence marks, merged spellings of a person."""

from __future__ import annotations

from report_samples import analysis, article, entity

from marsad.models import FramingMarker
from marsad.report.compare import Options, compare
from marsad.report.views import OTHER, concept_table, people, person_aliases, share


def _houthis(outlet: str, wordings: list[str]) -> list:
    return [analysis(article(f"{outlet}{i}", outlet, f"أعلن {w} الهدنة.")) for i, w in enumerate(wordings)]


def test_share_below_the_minimum_of_mentions_is_low_confidence() -> None:
    c = compare([], options=Options(min_mentions=3))
    assert share(c, 1, 2).low and not share(c, 1, 3).low
    assert share(c, 1, 4).percent() == "25%"
    assert share(c, 0, 0).value is None and share(c, 0, 0).percent() == "—"


def test_concept_table_gives_each_outlets_wording_shares_and_non_neutral_share() -> None:
    items = _houthis("X", ["ميليشيا الحوثي", "ميليشيا الحوثي", "الحوثيون", "أنصار الله"]) + _houthis("Y", ["الحوثيون"])
    t = concept_table(compare(items, options=Options(min_mentions=3)), "Houthis")
    x, y = t.rows  # most articles first
    assert (x.outlet, x.total, y.outlet, y.total) == ("X", 4, "Y", 1)
    shares = dict(zip(t.terms, x.shares, strict=True))
    assert (shares["ميليشيا الحوثي"].count, shares["ميليشيا الحوثي"].total) == (2, 4)
    assert x.marked.count == 3 and not x.marked.low  # ميليشيا الحوثي ×2 + أنصار الله
    assert y.marked.low and y.marked.count == 0


def test_wordings_beyond_the_top_ones_are_summed_in_an_other_column() -> None:
    items = _houthis("X", ["ميليشيا الحوثي", "ميليشيا الحوثي", "الحوثيون", "أنصار الله"])
    t = concept_table(compare(items, options=Options(top_terms=1)), "Houthis")
    assert t.terms == ("ميليشيا الحوثي", OTHER)
    assert [s.count for s in t.rows[0].shares] == [2, 2]


def test_person_spellings_merge_across_spaces_and_into_the_longer_full_name() -> None:
    texts = {
        "p1": ("حسن نصر الله", "تحدث حسن نصر الله."),
        "p2": ("حسن نصرالله", "تحدث حسن نصرالله."),
        "p3": ("تميم بن حمد", "وصل تميم بن حمد."),
        "p4": ("تميم بن حمد آل ثاني", "وصل تميم بن حمد آل ثاني."),
        "p5": ("تميم", "وصل تميم."),
    }
    items = []
    for aid, (name, text) in texts.items():
        a = article(aid, "X", text)
        items.append(analysis(a, entities=(entity(a, "e1", name),), framing=()))
    c = compare(items)
    aliases = person_aliases(c)
    assert aliases.get("حسن نصرالله", aliases.get("حسن نصر الله")) in {"حسن نصر الله", "حسن نصرالله"}
    assert aliases["تميم بن حمد"] == "تميم بن حمد ال ثاني"
    assert "تميم" not in aliases  # one word may be anyone


def test_people_table_gives_honoured_mentions_of_all_mentions_per_outlet() -> None:
    a = article("pp1", "X", "استقبل الشيخ تميم بن حمد الوفد ثم ودع تميم بن حمد الضيوف.")
    b = article("pp2", "Y", "استقبل تميم بن حمد الوفد.")
    i = a.text.index("الشيخ")
    marker = FramingMarker(a.span(i, i + 5), "honorific", "الشيخ")
    c = compare(
        [
            analysis(a, entities=(entity(a, "e1", "تميم بن حمد"),), framing=(marker,)),
            analysis(b, entities=(entity(b, "e1", "تميم بن حمد"),), framing=()),
        ]
    )
    (row,) = people(c)
    x, y = row.cells
    assert (x.outlet, x.honoured.count, x.mentions, x.honorifics) == ("X", 1, 2, (("الشيخ", 1),))
    assert (y.outlet, y.honoured.count, y.mentions) == ("Y", 0, 1)
