"""A generated persona document: who they are, their Guest Compass and their journey."""

from __future__ import annotations

import random

from benchmarks import phrases, words
from benchmarks.emit import Value
from benchmarks.journey import (
    CAST_BACKSTAGE_SHARE,
    Compass,
    Draft,
    TouchpointPicker,
    build_step,
    stage_plan,
)

UNMET_NEED_SHARE = 0.08  # a need left unserved now and then: a realistic warning
UNCOUNTERED_SHARE = 0.1  # a negative stereotype nobody works on: another one


def build_persona(
    rng: random.Random, picker: TouchpointPicker, number: int, cast: bool, steps: int
) -> dict[str, Value]:
    """Persona ``p-NNNNN`` with a journey of exactly ``steps`` steps."""
    document: dict[str, Value] = {"persona": f"p-{number:05d}"}
    document.update(_identity(rng, cast))
    compass_doc, compass, need_ids = _compass(rng, cast)
    document["compass"] = compass_doc
    journey: list[Draft] = []
    for stage in stage_plan(rng, steps):
        tp = picker.pick(stage, cast and rng.random() < CAST_BACKSTAGE_SHARE)
        journey.append(build_step(rng, tp, compass, cast))
    _cover(rng, journey, need_ids, compass.bad_stereotypes)
    document["journey"] = [{k: v for k, v in s.items() if v is not None} for s in journey]
    return document


def _identity(rng: random.Random, cast: bool) -> dict[str, Value]:
    """Name, kind, summary, quote, demographics and attention tags."""
    if cast:
        out: dict[str, Value] = {"name": rng.choice(words.CAST_ROLES), "kind": "cast"}
        out["summary"] = rng.choice(words.CAST_SUMMARIES)
    else:
        family = rng.random() < 0.5
        name = (
            f"The {rng.choice(words.SURNAMES)} family" if family else rng.choice(words.GUEST_GROUPS)
        )
        out = {"name": name, "kind": "guest"}
        parts = (rng.choice(words.PARTIES), rng.choice(words.VISITS), rng.choice(words.MOTIVES))
        out["summary"] = ", ".join(parts) + "."
    if rng.random() < 0.4:
        out["quote"] = rng.choice(words.QUOTES)
    if cast:
        out["demographics"] = {"team": rng.choice(words.OWNERS), "years": rng.randint(1, 25)}
        return out
    out["demographics"] = {
        "party": rng.randint(1, 12),
        "home": rng.choice(words.HOMES),
        "visits": rng.choice(words.VISIT_COUNTS),
        "budget": rng.choice(words.BUDGETS),
    }
    tags = rng.sample(words.ATTENTION, rng.choice((0, 1, 1, 2, 2, 3)))
    if tags:
        out["attention"] = list(tags)
    return out


def _pick(
    rng: random.Random,
    own: tuple[tuple[str, str], ...],
    common: tuple[tuple[str, str], ...],
    total: int,
    cast: bool,
) -> list[tuple[str, str]]:
    """``total`` items: guests draw from ``common``; cast mostly from their ``own`` list."""
    mine = rng.sample(own, min(len(own), total, rng.randint(2, 4))) if cast else []
    return mine + rng.sample(common, total - len(mine))


def _priority(rng: random.Random) -> str:
    return rng.choices(phrases.LEVELS, weights=(2, 5, 3))[0]


def _compass(rng: random.Random, cast: bool) -> tuple[dict[str, Value], Compass, list[str]]:
    """The compass document, the ids steps may reference, and the need ids."""
    needs = _pick(rng, phrases.CAST_NEEDS, phrases.NEEDS, rng.randint(4, 8), cast)
    wants = _pick(rng, phrases.CAST_WANTS, phrases.WANTS, rng.randint(3, 6), cast)
    stereotypes = rng.sample(phrases.STEREOTYPES, rng.randint(2, 4))
    emotions = rng.sample(phrases.EMOTIONS, rng.randint(3, 6))
    need_ids = [i for i, _ in needs]
    good = [i for i, _ in stereotypes if i in phrases.POSITIVE_STEREOTYPES]
    bad = [i for i, _ in stereotypes if i not in phrases.POSITIVE_STEREOTYPES]
    negative = [i for i, _ in emotions if i in phrases.NEGATIVE_EMOTIONS]
    positive = [i for i, _ in emotions if i not in phrases.NEGATIVE_EMOTIONS]
    document: dict[str, Value] = {
        "needs": [{"id": i, "text": t, "priority": _priority(rng)} for i, t in needs],
        "wants": [
            {
                "id": i,
                "text": t,
                "priority": _priority(rng),
                "for": rng.sample(need_ids, rng.randint(1, 2)),
            }
            for i, t in wants
        ],
        "stereotypes": [
            {"id": i, "text": t, "valence": "positive" if i in good else "negative"}
            for i, t in stereotypes
        ],
        "emotions": [
            {"id": i, "text": t, "valence": "negative" if i in negative else "positive"}
            for i, t in emotions
        ],
    }
    served = need_ids + [i for i, _ in wants]
    return document, Compass(served, positive, negative, good, bad), need_ids


def _cover(rng: random.Random, journey: list[Draft], needs: list[str], bad: list[str]) -> None:
    """Serve most unmet needs and counter most negative stereotypes somewhere on the way."""
    served = {i for step in journey for i in step["serves"] or ()}
    for need in needs:
        if need not in served and rng.random() >= UNMET_NEED_SHARE:
            step = rng.choice(journey)
            step["serves"] = [*(step["serves"] or ()), need]
    countered = {i for step in journey for i in step["counters"] or ()}
    calm = [step for step in journey if step["emotion"] >= 0] or journey
    for stereotype in bad:
        if stereotype not in countered and rng.random() >= UNCOUNTERED_SHARE:
            step = rng.choice(calm)
            step["counters"] = [*(step["counters"] or ()), stereotype]
