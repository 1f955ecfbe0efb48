"""The report's renderers: ``to_text`` (a terminal), ``to_markdown`` and ``to_json``."""

from guestology.render.report.jsondoc import to_document, to_json
from guestology.render.report.markdown import to_markdown
from guestology.render.report.text import to_text

__all__ = ["to_document", "to_json", "to_markdown", "to_text"]
