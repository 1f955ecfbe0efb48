"""HTML journey maps: ``to_html`` (one self-contained page) and ``to_site`` (index + pages)."""

from guestology.render.html.maps import (
    PAPERS,
    MapOptions,
    environment,
    iter_site,
    to_html,
    to_site,
)

__all__ = ["PAPERS", "MapOptions", "environment", "iter_site", "to_html", "to_site"]
