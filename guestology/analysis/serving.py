"""When a step serves a need, and how well: the one home of these rules.

Validation (``unmet-need``), the report, the HTML map, the Graphviz views and ``diff`` all
ask the same questions, and all ask them here:

- **serving**: a step serves the needs and wants it lists in ``serves``; a step serving a
  want also serves the needs that want is ``for`` (the guest needs water, wants bottled
  water, and the kiosk selling bottled water meets the need);
- **band**: a step's delivery against its expectation's zone of tolerance is ``below``
  (delivery < adequate), ``above`` (delivery > desired) or ``within``; with a plain
  expectation the zone is one point.

This module imports nothing heavy, so ``guestology validate`` stays light.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from guestology.model import Persona

Band = Literal["below", "within", "above"]


def serving_steps(
    serves: Sequence[Iterable[str]], refines: Mapping[str, Iterable[str]], items: Iterable[str]
) -> dict[str, list[int]]:
    """Each need/want id in ``items`` -> the indexes of the steps serving it, in order.

    ``serves``: each step's ``serves`` ids, in journey order; ``refines``: want id -> the
    need ids it is ``for``.
    """
    found: dict[str, list[int]] = {item: [] for item in items}
    for index, ids in enumerate(serves):
        targets = set(ids)
        for served in ids:
            targets.update(refines.get(served, ()))
        for target in targets:
            if target in found:
                found[target].append(index)
    return found


def persona_serving(persona: Persona) -> dict[str, list[int]]:
    """``serving_steps`` of a model persona: every need and want id -> serving step indexes."""
    compass = persona.compass
    return serving_steps(
        [step.serves for step in persona.journey],
        {want.id: want.for_ for want in compass.wants},
        [item.id for item in (*compass.needs, *compass.wants)],
    )


def classify(adequate: int, desired: int, delivery: int) -> tuple[int, Band]:
    """``(gap, band)`` of one delivery against a zone of tolerance ``adequate..desired``.

    ``gap`` is how far outside the zone delivery lands (negative below, positive above).
    """
    if delivery < adequate:
        return delivery - adequate, "below"
    if delivery > desired:
        return delivery - desired, "above"
    return 0, "within"


def band(adequate: int | None, desired: int | None, delivery: int | None) -> Band | None:
    """The band of a step, or ``None`` when it lacks an expectation or a delivery."""
    if adequate is None or desired is None or delivery is None:
        return None
    return classify(adequate, desired, delivery)[1]
