"""The report's numbers as Markdown (for a terminal or a README), JSON and CSV.

JSON holds every count the HTML shows and more (every concept, not only the top ones); CSV is the same in long
form, one row per (table, outlet, key, voice), for a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import marsad
from marsad.report.compare import MARKER_KINDS, STATEMENT_KINDS, Comparison
from marsad.report.labels import label
from marsad.report.views import (
    ReportMeta,
    Share,
    about,
    concept_table,
    concept_tables,
    outlet_rows,
    outlets,
    people,
    per_100,
    share,
    speaker_name,
    top_counts,
)
from marsad.report.voice import VOICES

LOW = "⚠"


def _md_share(s: Share) -> str:
    return "—" if s.value is None else f"{s.percent()} ({s.count}/{s.total}){' ' + LOW if s.low else ''}"


def render_markdown(c: Comparison, meta: ReportMeta) -> str:
    """A readable summary: outlets, wording per concept, honorifics, scare quotes and quoted speakers."""
    out = [
        "# marsad — how outlets differ in their words",
        "",
        f"{c.articles:,} articles from {meta.source}; shares are of mentions in each outlet's own voice (quotations "
        f"counted apart); {LOW} marks a share over fewer than {c.options.min_mentions} mentions.",
        "",
        "## Outlets",
        "",
        "| outlet | articles | period | statements | anonymous | "
        + " | ".join(f"{k} /100 (own · quoted)" for k in MARKER_KINDS)
        + " |",
        "|---|---:|---|---:|---:|" + "---:|" * len(MARKER_KINDS),
    ]
    for r in outlet_rows(c):
        markers = " | ".join(
            f"{r.own_markers.get(k, 0):.1f} ({r.own_counts.get(k, 0)} · {r.quoted_counts.get(k, 0)})"
            for k in MARKER_KINDS
        )
        out.append(
            f"| {r.outlet} | {r.articles} | {r.first or '…'} – {r.last or '…'} | {r.statements} | "
            f"{_md_share(r.anonymous)} | {markers} |"
        )
    for t in concept_tables(c):
        out += ["", f"## {t.concept} — {label('concept', t.concept)}", ""]
        out.append("| outlet | n | " + " | ".join(t.terms) + " | non-neutral | quoted n |")
        out.append("|---|---:|" + "---:|" * (len(t.terms) + 2))
        for row in t.rows:
            cells = " | ".join(_md_share(s) for s in row.shares)
            out.append(f"| {row.outlet} | {row.total} | {cells} | {_md_share(row.marked)} | {row.quoted_total} |")
    rows = people(c)
    if rows:
        out += ["", "## Honorifics before names (own voice: honorifics; honoured mentions / mentions)", ""]
        out.append("| person | " + " | ".join(cell.outlet for cell in rows[0].cells) + " |")
        out.append("|---|" + "---|" * len(rows[0].cells))
        for p in rows:
            cells = " | ".join(
                ("، ".join(f"{t}×{n}" for t, n in cell.honorifics) or "—") + f" ({cell.honoured.count}/{cell.mentions})"
                if cell.mentions
                else "—"
                for cell in p.cells
            )
            out.append(f"| {p.name} | {cells} |")
    out += ["", "## Scare quotes (own voice, per 100 articles; most quoted)", ""]
    for o in outlets(c):
        top = "، ".join(f"«{t}» {n}" for t, n in top_counts(o.scare_quoted["own"], 6)) or "—"
        rate = per_100(o.markers["own"]["scare-quotes"], o.articles)
        out.append(f"- **{o.outlet}** {rate:.1f}: {top}")
    out += ["", "## Most quoted speakers", ""]
    for o in outlets(c):
        top = "، ".join(f"{c.name(k)} {n}" for k, n in top_counts(o.speakers, c.options.top_speakers)) or "—"
        kinds = ", ".join(f"{k} {o.statement_kinds[k]}" for k in STATEMENT_KINDS)
        out.append(f"- **{o.outlet}** ({o.statements} statements: {kinds}; anonymous {o.anonymous}): {top}")
    topics = about(c)
    if topics:
        out += ["", "## Who each outlet quotes about the same entity", ""]
        for topic in topics:
            out.append(f"- **{topic.name}** ({topic.type}, {topic.statements} statements)")
            for outlet, n, speakers in topic.cells:
                who = "، ".join(f"{speaker_name(c, k)} {m}" for k, m in speakers)
                out.append(f"  - {outlet} ({n}): {who}")
    took = f" in {meta.seconds:.1f} s" if meta.seconds is not None else ""
    out += ["", f"_marsad {marsad.__version__}, {meta.generated}{took}._", ""]
    return "\n".join(out)


def to_dict(c: Comparison, meta: ReportMeta) -> dict[str, Any]:
    """Every count and share of the report (all concepts), JSON-ready."""
    f = c.filters
    concepts: dict[str, dict[str, Any]] = {}
    for voice in VOICES:
        for t in (concept_table(c, k, voice) for k in sorted(c.terms)):
            entry = concepts.setdefault(t.concept, {"label": label("concept", t.concept)})
            entry[voice] = {
                row.outlet: {
                    "mentions": row.total,
                    "non_neutral": row.marked.to_dict(),
                    "terms": {term: s.to_dict() for term, s in zip(t.terms, row.shares, strict=True)},
                }
                for row in t.rows
            }
    return {
        "generator": f"marsad {marsad.__version__}",
        "generated": meta.generated,
        "source": meta.source,
        "seconds": meta.seconds,
        "filters": {"outlets": sorted(f.outlets), "since": f.since, "until": f.until, "concepts": sorted(f.concepts)},
        "min_mentions": c.options.min_mentions,
        "articles": c.articles,
        "left_out": dict(c.left_out),
        "outlets": [_outlet_dict(c, o.outlet) for o in outlets(c)],
        "concepts": concepts,
        "people": [
            {
                "name": p.name,
                "honorifics": p.total,
                "outlets": {
                    cell.outlet: {
                        "mentions": cell.mentions,
                        "honoured": cell.honoured.to_dict(),
                        "honorifics": dict(cell.honorifics),
                        "quoted_honorifics": dict(cell.quoted),
                    }
                    for cell in p.cells
                },
            }
            for p in people(c)
        ],
        "quoted_about": [
            {
                "entity": r.name,
                "type": r.type,
                "statements": r.statements,
                "outlets": {
                    outlet: {"statements": n, "speakers": [[speaker_name(c, k), m] for k, m in speakers]}
                    for outlet, n, speakers in r.cells
                },
            }
            for r in about(c)
        ],
    }


def _outlet_dict(c: Comparison, name: str) -> dict[str, Any]:
    o = c.outlets[name]
    n = o.statements
    return {
        "outlet": name,
        "articles": o.articles,
        "first": o.first,
        "last": o.last,
        "statements": n,
        "statement_kinds": {k: share(c, o.statement_kinds[k], n).to_dict() for k in STATEMENT_KINDS},
        "anonymous": share(c, o.anonymous, n).to_dict(),
        "markers": {v: {k: o.markers[v][k] for k in MARKER_KINDS} for v in VOICES},
        "loaded_term_categories": {v: dict(o.categories[v].most_common()) for v in VOICES},
        "scare_quoted": {v: dict(top_counts(o.scare_quoted[v], 20)) for v in VOICES},
        "honorifics": {v: dict(o.honorifics[v].most_common()) for v in VOICES},
        "unattributed_honorifics": o.unattributed_honorifics,
        "top_speakers": [[c.name(k), m] for k, m in top_counts(o.speakers, c.options.top_speakers)],
    }


CSV_COLUMNS = ("table", "outlet", "key", "term", "voice", "count", "total", "share", "low_confidence")


def to_csv(c: Comparison) -> str:
    """The counts in long form: ``table, outlet, key, term, voice, count, total, share, low_confidence``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)

    def row(table: str, outlet: str, key: str, term: str, voice: str, s: Share) -> None:
        v = s.value
        w.writerow([table, outlet, key, term, voice, s.count, s.total, "" if v is None else f"{v:.4f}", int(s.low)])

    for voice in VOICES:
        for t in (concept_table(c, k, voice) for k in sorted(c.terms)):
            for r in t.rows:
                for term, s in zip(t.terms, r.shares, strict=True):
                    row("wording", r.outlet, t.concept, term, voice, s)
                row("wording", r.outlet, t.concept, "(non-neutral)", voice, r.marked)
    for o in outlets(c):
        n = o.statements
        for k in STATEMENT_KINDS:
            row("statement_kind", o.outlet, k, "", "", share(c, o.statement_kinds[k], n))
        row("statement_kind", o.outlet, "anonymous", "", "", share(c, o.anonymous, n))
        for voice in VOICES:
            for k in MARKER_KINDS:
                row("markers", o.outlet, k, "", voice, share(c, o.markers[voice][k], o.articles))
            for term, m in o.honorifics[voice].most_common():
                row("honorific", o.outlet, term, "", voice, share(c, m, o.articles))
            for term, m in o.scare_quoted[voice].most_common():
                row("scare_quotes", o.outlet, term, "", voice, share(c, m, o.articles))
        for k, m in top_counts(o.speakers, c.options.top_speakers):
            row("speaker", o.outlet, c.name(k), "", "", share(c, m, n))
    for p in people(c):
        for cell in p.cells:
            row("honoured_person", cell.outlet, p.name, "", "own", cell.honoured)
    return buf.getvalue()


__all__ = ["CSV_COLUMNS", "render_markdown", "to_csv", "to_dict"]
