"""The analyses over the graph: ``analyse(graph) -> Report``, findings a designer acts on.

>>> from guestology.analysis import analyse
>>> report = analyse(build_graph(workspace))            # doctest: +SKIP
>>> for finding in report.top_findings(5): ...          # doctest: +SKIP

Every rule that more than one output shows (which touchpoints a persona filter keeps, when a
need is served, the flows between touchpoints, where personas diverge, expectation bands,
the headline figures) lives in this package, once; renderers only read the ``Report``.
Light rules that validation needs too (``serving``) import nothing heavy: this package's
names are loaded on first use.
"""

from __future__ import annotations

from guestology.lazy import lazy_names

_LAZY = {
    "SECTIONS": "guestology.analysis.report",
    "SECTION_TITLES": "guestology.analysis.report",
    "Report": "guestology.analysis.report",
    "analyse": "guestology.analysis.report",
    "Finding": "guestology.analysis.findings",
    "View": "guestology.analysis.view",
    "make_view": "guestology.analysis.view",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_names(__name__, _LAZY)
