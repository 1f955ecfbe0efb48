"""The generated service file: stages, channels, keys and every touchpoint."""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks import words
from benchmarks.emit import Value

SERVICE_NAME = "Magic Harbor Theme Park"
STAGE_WEIGHTS = (0.15, 0.15, 0.35, 0.15, 0.1, 0.1)  # plan .. return; in-park is the park
BACKSTAGE_SHARE = 0.2
OWNED_SHARE = 0.85
MOMENT_SHARE = 0.12
ZONES = ("(north)", "(south)", "(east)", "(west)", "(hub)", "(annex)")
STOPWORDS = ("a", "an", "the", "at", "to", "in", "on", "of", "for", "up")


@dataclass(frozen=True)
class Touchpoint:
    """What journeys need to know of a generated touchpoint."""

    id: str
    stage: int  # index into words.STAGES
    backstage: bool
    owned: bool
    moment: bool


def slug(text: str, most: int = 3) -> str:
    """A short kebab-case id part: the first ``most`` words that are not stopwords."""
    kept = [w for w in text.lower().split() if w not in STOPWORDS]
    return "-".join(kept[:most])


def stage_counts(total: int) -> list[int]:
    """How many touchpoints each stage gets: at least one, the rest by STAGE_WEIGHTS."""
    spare = total - len(STAGE_WEIGHTS)
    counts, given = [], 0.0
    for weight in STAGE_WEIGHTS:
        before = round(given)
        given += weight * spare
        counts.append(1 + round(given) - before)
    return counts


def touchpoint_name(base: str, repeat: int) -> str:
    """The base name, with a place (or a zone, to stay within six words) on repeats."""
    if repeat == 0:
        return base
    place = words.PLACES[(repeat - 1) % len(words.PLACES)]
    if len(base.split()) + len(place.split()) <= 6:
        return f"{base} {place}"
    if len(base.split()) < 6:
        return f"{base} {ZONES[(repeat - 1) % len(ZONES)]}"
    return base


def build_touchpoints(rng: random.Random, total: int) -> tuple[list[Touchpoint], list[Value]]:
    """All touchpoints, as models for the journeys and as service-file entries."""
    models: list[Touchpoint] = []
    entries: list[Value] = []
    for stage, count in enumerate(stage_counts(total)):
        backstage = int(count * BACKSTAGE_SHARE + 0.5)
        flags = [True] * backstage + [False] * (count - backstage)
        rng.shuffle(flags)
        stage_models: list[Touchpoint] = []
        offset, seen = rng.randrange(97), {True: 0, False: 0}
        for is_back in flags:
            model, entry = _touchpoint(
                rng, stage, (offset, seen[is_back]), is_back, len(models) + 1
            )
            seen[is_back] += 1
            models.append(model)
            stage_models.append(model)
            entries.append(entry)
        _link_supports(rng, stage_models, entries[len(entries) - count :])
    return models, entries


def _touchpoint(
    rng: random.Random, stage: int, nth: tuple[int, int], backstage: bool, number: int
) -> tuple[Touchpoint, dict[str, Value]]:
    """Touchpoint ``number`` of the service; ``nth`` = (name offset, rank in its lane)."""
    stage_id = words.STAGES[stage][0]
    names = (words.BACKSTAGE if backstage else words.ONSTAGE)[stage_id]
    base = names[sum(nth) % len(names)]
    name = touchpoint_name(base, nth[1] // len(names) % (len(words.PLACES) + 1))
    tp_id = f"{slug(base)}-{number:03d}"
    owned = backstage or rng.random() < OWNED_SHARE
    moment = not backstage and rng.random() < MOMENT_SHARE
    entry: dict[str, Value] = {"id": tp_id, "name": name, "stage": stage_id}
    entry["channel"] = "in-person" if backstage else rng.choice(words.STAGE_CHANNELS[stage_id])
    if backstage:
        entry["visibility"] = "backstage"
    if rng.random() < 0.7:
        entry["system"] = (
            "process" if backstage and rng.random() < 0.6 else rng.choice(words.SYSTEMS)
        )
    if rng.random() < 0.6:
        picked = rng.sample(range(len(words.KEYS)), rng.randint(1, 3))
        entry["keys"] = [words.KEYS[i] for i in sorted(picked)]
    if owned:
        entry["owner"] = rng.choice(words.OWNERS)
    if moment:
        entry["moment_of_truth"] = True
    return Touchpoint(tp_id, stage, backstage, owned, moment), entry


def _link_supports(rng: random.Random, models: list[Touchpoint], entries: list[Value]) -> None:
    """Give each backstage touchpoint 1-3 onstage touchpoints of its stage to support."""
    onstage = [m.id for m in models if not m.backstage]
    for model, entry in zip(models, entries, strict=True):
        if model.backstage and onstage and isinstance(entry, dict):
            entry["supports"] = rng.sample(onstage, min(len(onstage), rng.randint(1, 3)))


def build_service(rng: random.Random, total: int) -> tuple[list[Touchpoint], dict[str, Value]]:
    """The touchpoint models and the service document (``format: 1``)."""
    models, entries = build_touchpoints(rng, total)
    document: dict[str, Value] = {
        "format": 1,
        "service": SERVICE_NAME,
        "stages": [{"id": sid, "name": name} for sid, name in words.STAGES],
        "channels": list(words.CHANNELS),
        "keys": list(words.KEYS),
        "touchpoints": entries,
    }
    return models, document
