"""The one spelling of every number and list: ``guestology.render.common``."""

from __future__ import annotations

from guestology.render.common import clip, name_list, pct, plural, signed, wrap

MINUS = "\u2212"


def test_signed_uses_a_true_minus_sign_and_no_plus_zero() -> None:
    assert [signed(v) for v in (2, 1, 0, -1, -2)] == ["+2", "+1", "0", f"{MINUS}1", f"{MINUS}2"]
    assert [signed(v) for v in (0.5, -0.66, 1.0, -0.04)] == ["+0.5", f"{MINUS}0.7", "+1", "0"]
    assert [signed(v, 1) for v in (1.5, -0.66, 0.0, -0.04, 2)] == [
        "+1.5", f"{MINUS}0.7", "0.0", "0.0", "+2.0",
    ]  # fmt: skip
    assert signed(-0.75, 2) == f"{MINUS}0.75" and signed(None) == "-"


def test_plural_and_name_list() -> None:
    assert plural(1, "persona") == "1 persona" and plural(0, "persona") == "0 personas"
    assert plural(2, "opportunity", "opportunities") == "2 opportunities"
    assert name_list(["a", "b"]) == "a, b"
    assert name_list(list("abcdef")) == "a, b, c, d and 2 more"


def test_wrap_cuts_long_text_with_an_ellipsis() -> None:
    assert wrap("Buy tickets on the website", 12) == ["Buy tickets", "on the", "website"]
    lines = wrap("word " * 40, 10, 3)
    assert len(lines) == 3 and lines[-1].endswith("\u2026") and len(lines[-1]) <= 10
    assert wrap("") == [""]
    assert wrap("one\ntwo", 20) == ["one", "two"]


def test_clip_and_pct() -> None:
    assert clip("short", 10) == "short"
    assert clip("a long sentence here", 8) == "a long\u2026"
    assert pct(0.5) == "50%" and pct(None) == "-"
