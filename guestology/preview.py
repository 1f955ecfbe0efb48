"""The live preview behind ``guestology serve``: the HTML map of a workspace, rendered again
whenever one of its files changes, served on 127.0.0.1 only, and reloaded in the browser by
server-sent events. A broken file shows its problems (``path:line:col``) in the page; fixing
it brings the map back. The workspace is only ever read.
"""

from __future__ import annotations

import gc
import html
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from guestology.problems import GuestologyError

PING_S = 10.0  # an idle event stream says so this often (a closed tab is noticed)
LIVE = """<script>
(function () {
  "use strict";
  var version = %d, key = "guestology-scroll";
  var kept = sessionStorage.getItem(key);
  if (kept !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(kept)); }
  var events = new EventSource("/events");
  events.onmessage = function (event) {
    if (event.data !== String(version)) {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    }
  };
})();
</script>
"""
CSP_FROM, CSP_TO = "default-src 'none';", "default-src 'none'; connect-src 'self';"


@dataclass
class Preview:
    """The current page of a workspace and its version (bumped at every rebuild)."""

    build: Callable[[], str]  # the map's HTML; raises GuestologyError with the problems
    version: int = 0
    page: str = ""
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def rebuild(self) -> None:
        try:
            text = live(self.build(), self.version + 1)
        except GuestologyError as exc:
            text = error_page(str(exc), self.version + 1)
        except Exception as exc:  # a bug must not stop the preview: say so in the page
            text = error_page(f"unexpected error: {type(exc).__name__}: {exc}", self.version + 1)
        finally:  # the CLI collects rarely (``perf.cli_loaded``); a preview runs for hours
            gc.collect()
        with self._changed:
            self.version += 1
            self.page = text
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The version, once it differs from ``seen`` (or ``timeout`` seconds passed)."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen, timeout)
            return self.version


def live(page: str, version: int) -> str:
    """The map page, allowed to open the event stream and reloading when told."""
    page = page.replace(CSP_FROM, CSP_TO, 1)
    script = LIVE % version
    at = page.rfind("</body>")
    return page[:at] + script + page[at:] if at >= 0 else page + script


def error_page(message: str, version: int) -> str:
    """A page that shows what is wrong (every line escaped) and reloads once it is fixed."""
    lines = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in message.splitlines())
    return live(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP_FROM} '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        "<title>guestology: the workspace has problems</title><style>"
        "body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2933}"
        "h1{color:#b42318;font-size:1.4rem}code{white-space:pre-wrap}li{margin:.3rem 0}"
        '</style></head><body><h1 class="problems">The workspace has problems</h1>'
        "<p>Fix them and save: this page shows the map again by itself.</p>"
        f'<ul class="problem-list">{lines}</ul></body></html>\n',
        version,
    )


def watch(root: Path, on_change: Callable[[], None], stop: threading.Event) -> None:
    """Call ``on_change`` after files below ``root`` change, until ``stop`` is set."""
    from watchfiles import watch as changes

    for _ in changes(root, stop_event=stop, debounce=400, step=50, raise_interrupt=False):
        on_change()


def make_server(preview: Preview, port: int) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1:``port`` (0: any free port) serving ``preview``."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(preview))
    server.daemon_threads = True
    return server


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet: the library never prints."""

        def do_GET(self) -> None:  # noqa: N802
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
            if host not in ("127.0.0.1", "localhost"):  # no DNS rebinding to the workspace
                self.send_error(403)
                return
            path = self.path.split("?", 1)[0]
            if path == "/":
                self._page()
            elif path == "/events":
                self._events()
            else:
                self.send_error(404)

        def _page(self) -> None:
            body = preview.page.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = -1
            try:
                while True:
                    version = preview.wait(seen, PING_S)
                    message = f"data: {version}\n\n" if version != seen else ": ping\n\n"
                    self.wfile.write(message.encode("ascii"))
                    self.wfile.flush()
                    seen = version
            except OSError:  # the tab was closed
                return

    return Handler
