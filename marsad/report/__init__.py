"""Reports: how outlets differ in the words they use for the same people and events.

:func:`~marsad.report.compare.compare` counts over analyses (from the store or from files), :mod:`views` turns the
counts into tables of shares, :mod:`render` writes them as an HTML report with plots, :mod:`summary` as Markdown,
JSON or CSV.  See docs/report.md.
"""

from __future__ import annotations

from marsad.report.compare import Comparison, Filters, Options, compare, resolve_concepts

__all__ = ["Comparison", "Filters", "Options", "compare", "resolve_concepts"]
