"""The printable pack for a workshop: persona cards, Guest Compass posters, journey pages, a
blank journey canvas and compass for sticky notes, the touchpoint network (``to_pack``), and
its PDF through a headless Chromium (``find_browser``, ``html_to_pdf``)."""

from guestology.render.pack.pack import PAGES, PackOptions, to_pack
from guestology.render.pack.pdf import BROWSERS, find_browser, html_to_pdf

__all__ = ["BROWSERS", "PAGES", "PackOptions", "find_browser", "html_to_pdf", "to_pack"]
