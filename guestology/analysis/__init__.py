"""The analyses over the graph: ``analyse(graph) -> Report``, findings a designer acts on.

>>> from guestology.analysis import analyse
>>> report = analyse(build_graph(workspace))            # doctest: +SKIP
>>> for finding in report.top_findings(5): ...          # doctest: +SKIP
"""

from guestology.analysis.findings import Finding
from guestology.analysis.report import SECTION_TITLES, SECTIONS, Report, analyse
from guestology.analysis.view import View, make_view

__all__ = ["SECTIONS", "SECTION_TITLES", "Finding", "Report", "View", "analyse", "make_view"]
