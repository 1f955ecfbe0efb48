"""Journey steps: which touchpoint each step visits and what the persona feels there."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from benchmarks import phrases
from benchmarks.emit import Value
from benchmarks.service import STAGE_WEIGHTS, Touchpoint

STAGE_MOOD = (1, -1, 1, 0, -1, 1)  # the usual emotion curve: dip at arrival and departure
DECK_SHARE = 0.6  # share of visits drawn from a shuffled deck (spread); the rest favour hits
CAST_BACKSTAGE_SHARE = 0.7
Draft = dict[str, Any]  # a step under construction: lanes are None until filled


@dataclass
class Compass:
    """The ids a step may reference, by kind, for one persona."""

    served: list[str]  # need and want ids
    positive: list[str]  # emotion ids, by valence
    negative: list[str]
    good_stereotypes: list[str]  # stereotype ids, by valence
    bad_stereotypes: list[str]


class TouchpointPicker:
    """Chooses touchpoints by stage and lane: a shuffled deck (so every touchpoint gets
    visited) mixed with a Zipf-like preference for popular touchpoints."""

    def __init__(self, touchpoints: list[Touchpoint], rng: random.Random) -> None:
        self.rng = rng
        self.pools: dict[tuple[bool, int], list[Touchpoint]] = {}
        for tp in touchpoints:
            self.pools.setdefault((tp.backstage, tp.stage), []).append(tp)
        self.decks: dict[tuple[bool, int], list[Touchpoint]] = {k: [] for k in self.pools}
        self.weights = {k: _zipf(len(v)) for k, v in self.pools.items()}

    def pick(self, stage: int, backstage: bool) -> Touchpoint:
        """A touchpoint of the stage (or the nearest stage that has one) in that lane."""
        key = self._nearest(stage, backstage) or self._nearest(stage, not backstage)
        assert key is not None, "a workspace needs at least one touchpoint"
        if self.rng.random() < DECK_SHARE:
            deck = self.decks[key]
            if not deck:
                deck.extend(self.pools[key])
                self.rng.shuffle(deck)
            return deck.pop()
        return self.rng.choices(self.pools[key], cum_weights=self.weights[key])[0]

    def _nearest(self, stage: int, backstage: bool) -> tuple[bool, int] | None:
        for distance in range(len(STAGE_WEIGHTS)):
            for candidate in (stage - distance, stage + distance):
                if (backstage, candidate) in self.pools:
                    return backstage, candidate
        return None


def _zipf(count: int) -> list[float]:
    total, cumulative = 0.0, []
    for rank in range(count):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    return cumulative


def stage_plan(rng: random.Random, steps: int) -> list[int]:
    """The stage of each step: in order by STAGE_WEIGHTS, with an occasional step aside."""
    bounds, total = [], 0.0
    for weight in STAGE_WEIGHTS:
        total += weight
        bounds.append(total * steps)
    plan = []
    for i in range(steps):
        stage = next(s for s, bound in enumerate(bounds) if i < bound or s == len(bounds) - 1)
        if rng.random() < 0.08:
            stage = min(max(stage + rng.choice((-1, 1)), 0), len(bounds) - 1)
        plan.append(stage)
    return plan


def build_step(rng: random.Random, tp: Touchpoint, compass: Compass, cast: bool) -> Draft:
    """One journey step; empty lanes are None (dropped when the persona is finished)."""
    emotion = max(-2, min(2, STAGE_MOOD[tp.stage] + rng.choice((-2, -1, -1, 0, 0, 0, 1, 1))))
    expectation, delivery = _gap(rng, emotion, tp.moment)
    feelings = compass.negative if emotion < 0 else compass.positive
    return {
        "touchpoint": tp.id,
        "emotion": emotion,
        "expectation": expectation,
        "delivery": delivery,
        "serves": _some(rng, compass.served, 0.55, 2),
        "evokes": _some(rng, feelings or compass.positive + compass.negative, 0.5, 1),
        "counters": _some(rng, compass.bad_stereotypes, 0.1 if emotion >= 0 else 0.0, 1),
        "reinforces": _reinforced(rng, compass, emotion),
        "doing": _doing(rng, cast) if rng.random() < 0.7 else None,
        "thinking": _thinking(rng, cast, emotion) if rng.random() < 0.5 else None,
        "pain_points": _pains(rng, emotion, tp.owned),
        "opportunities": _opportunities(rng, emotion),
        "wow": [rng.choice(phrases.WOWS)] if emotion >= 1 and rng.random() < 0.08 else None,
    }


def _some(rng: random.Random, ids: list[str], chance: float, most: int) -> list[Value] | None:
    if not ids or rng.random() >= chance:
        return None
    return list(rng.sample(ids, min(len(ids), rng.randint(1, most))))


def _reinforced(rng: random.Random, compass: Compass, emotion: int) -> list[Value] | None:
    """A good stereotype confirmed on a good step, a bad one on a bad step; both rare."""
    if emotion > 0:
        return _some(rng, compass.good_stereotypes, 0.06, 1)
    return _some(rng, compass.bad_stereotypes, 0.05 if emotion < 0 else 0.0, 1)


def _gap(rng: random.Random, emotion: int, moment: bool) -> tuple[Value | None, Value | None]:
    """Expectation (a score or an {adequate, desired} zone) and delivery, often absent."""
    if rng.random() >= 0.55:
        return None, None
    delivery = max(1, min(5, 3 + emotion + rng.choice((-1, 0, 0, 1))))
    if rng.random() < 0.7:
        expected = rng.randint(2, 5)
        low = expected
        expectation: Value = expected
    else:
        low = rng.randint(1, 4)
        expectation = {"adequate": low, "desired": rng.randint(low + 1, 5)}
    if moment and rng.random() < 0.95:  # mostly over-deliver on moments of truth
        delivery = max(delivery, expectation if isinstance(expectation, int) else 5)
    return expectation, delivery if rng.random() < 0.85 else None


def _doing(rng: random.Random, cast: bool) -> str:
    doing = rng.choice(phrases.CAST_DOING if cast else phrases.DOING)
    return f"{doing} {rng.choice(phrases.CONTEXTS)}."


def _thinking(rng: random.Random, cast: bool, emotion: int) -> str:
    if cast:
        return rng.choice(phrases.CAST_GOOD_THOUGHTS if emotion >= 0 else phrases.CAST_BAD_THOUGHTS)
    return rng.choice(phrases.GOOD_THOUGHTS if emotion >= 0 else phrases.BAD_THOUGHTS)


def _pains(rng: random.Random, emotion: int, owned: bool) -> list[Value] | None:
    if rng.random() >= (0.85 if emotion <= -1 else 0.12):
        return None
    pains: list[Value] = []
    for text in rng.sample(phrases.PAINS, rng.randint(1, 2)):
        severity = min(3, max(1, -emotion + rng.choice((0, 0, 1))))
        if severity == 3 and not owned and rng.random() < 0.9:
            severity = 2  # severe pains at unowned touchpoints are warnings: keep them rare
        pains.append({"text": text, "severity": severity})
    return pains


def _opportunities(rng: random.Random, emotion: int) -> list[Value] | None:
    if rng.random() >= (0.97 if emotion <= -1 else 0.08):
        return None
    return [
        {
            "text": rng.choice(phrases.OPPORTUNITIES),
            "effort": rng.choice(phrases.LEVELS),
            "impact": rng.choice(phrases.LEVELS),
        }
        for _ in range(rng.randint(1, 2) if rng.random() < 0.3 else 1)
    ]
