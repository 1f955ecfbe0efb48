"""The semantic comparison of two workspaces: what counts as a change, and how it is said."""

from __future__ import annotations

from collections.abc import Callable

from diff_helpers import FAMILY, SERVICE, Files, base_files

from guestology.diff import diff_workspaces
from guestology.diff.changes import PersonaDiff, WorkspaceDiff
from guestology.diff.compare import compare
from guestology.model import Workspace

Make = Callable[[Files], Workspace]


def _diff(workspace: Make, changes: Files, base: Files | None = None) -> WorkspaceDiff:
    before = base or base_files("")
    return compare(workspace(before), workspace({**before, **changes}))


def _texts(persona: PersonaDiff) -> list[str]:
    return [c.text for c in persona.ordered()]


def _family(diff: WorkspaceDiff) -> PersonaDiff:
    [persona] = diff.personas
    assert persona.id == "family"
    return persona


def test_renaming_splitting_and_reformatting_files_is_not_a_change(workspace: Make) -> None:
    service_only = SERVICE.split("touchpoints:")[0]
    moved = FAMILY.replace("journey:", "# the family's day\njourney:") + (
        "touchpoints:" + SERVICE.split("touchpoints:")[1]
    )
    layout = {"park.yml": service_only, "people/family-v2.yaml": moved}
    diff = diff_workspaces(workspace(base_files("")), workspace(layout))
    assert not diff.changed, diff.to_dict()


def test_compass_items_added_removed_reworded_and_changed(workspace: Make) -> None:
    family = (
        FAMILY.replace(
            "{id: hydration, text: Water on a hot day}", "{id: hydration, text: Cold water}"
        )
        .replace("{id: thrills, text: Big rides}", "{id: thrills, text: Big rides, priority: high}")
        .replace("journey:", "  wants: [Bottled water]\njourney:")
    )
    diff = _diff(workspace, {"guests/family.yaml": family})
    assert _texts(_family(diff)) == [
        'want `bottled-water` added: "Bottled water"',
        'need `hydration` reworded: "Water on a hot day" -> "Cold water"',
        'need `thrills`: priority "medium" -> "high"',
    ]


def test_a_step_inserted_early_is_only_an_added_step(workspace: Make) -> None:
    family = FAMILY.replace(
        "  - {touchpoint: gate, emotion: 1}",
        "  - {touchpoint: ride, emotion: 2}\n  - {touchpoint: gate, emotion: 1}",
    )
    persona = _family(_diff(workspace, {"guests/family.yaml": family}))
    assert [c.kind for c in persona.ordered()] == ["step-added", "curve-changed"]
    assert persona.ordered()[0].text == "step 1 `ride` (visit 1) added (emotion +2)"


def test_steps_moved_and_removed(workspace: Make) -> None:
    journey = FAMILY.split("journey:\n")[1].splitlines()
    reordered = [journey[0], journey[3], journey[1]]  # fireworks before the fountain; no ride
    family = FAMILY.split("journey:\n")[0] + "journey:\n" + "\n".join(reordered) + "\n"
    family = family.replace(
        "{id: thrills, text: Big rides}", "{id: thrills, text: Big rides, priority: low}"
    )
    texts = _texts(_family(_diff(workspace, {"guests/family.yaml": family})))
    assert "step 3 `ride` removed (emotion 0)" in texts
    assert "step `fireworks` moved from step 4 to step 2" in texts
    assert "need `thrills` is no longer served (it was served by step 3 `ride`)" in texts


def test_expectation_and_delivery_with_the_verdict(workspace: Make) -> None:
    before = FAMILY.replace(
        "{touchpoint: gate, emotion: 1}",
        "{touchpoint: gate, emotion: 1, expectation: 3, delivery: 2}",
    )
    after = FAMILY.replace(
        "{touchpoint: gate, emotion: 1}",
        "{touchpoint: gate, emotion: 1, expectation: {adequate: 2, desired: 4}, delivery: 5}",
    )
    base = {**base_files(""), "guests/family.yaml": before}
    persona = _family(_diff(workspace, {"guests/family.yaml": after}, base))
    [change] = persona.changes
    assert change.kind == "gap-changed"
    assert (
        change.text == "step 1 `gate`: expectation 3 -> 2..4, delivery 2 -> 5 (now over-delivers)"
    )
    assert (
        change.before["verdict"] == "under-delivers" and change.after["verdict"] == "over-delivers"
    )


def test_a_need_that_becomes_met_and_step_details(workspace: Make) -> None:
    before = FAMILY.replace(", serves: [hydration]}", "}")
    after = FAMILY.replace(
        "{touchpoint: ride, emotion: 0, serves: [thrills]}",
        "{touchpoint: ride, emotion: 0, serves: [thrills], doing: Queueing,"
        " pain_points: [{text: Long line, severity: 3}]}",
    )
    base = {**base_files(""), "guests/family.yaml": before}
    texts = _texts(_family(_diff(workspace, {"guests/family.yaml": after}, base)))
    assert texts == [
        "need `hydration` is now served by step 2 `fountain`",
        'step 3 `ride`: pain point added: "Long line" (severity 3)',
        'step 3 `ride`: doing: none -> "Queueing"',
    ]


def test_touchpoints_added_removed_changed(workspace: Make) -> None:
    service = SERVICE.replace("owner: shows}", "owner: shows, moment_of_truth: true}")
    service += "  - {id: lockers, name: Lockers, stage: in-park, visibility: backstage,"
    service += " supports: [ride]}\n"
    diff = _diff(workspace, {"service.yaml": service})
    assert [c.text for c in diff.touchpoints] == [
        "touchpoint `fireworks`: moment_of_truth false -> true",
        'touchpoint `lockers` added: "Lockers" in stage `in-park`',
    ]
    assert diff.personas == []


def test_service_stages_channels_and_keys(workspace: Make) -> None:
    service = SERVICE.replace(
        "stages: [arrive, in-park, evening]",
        "stages: [arrive, {id: in-park, name: In the park}, evening]\n"
        "channels: [in-person, app]\nkeys: [courtesy, safety]",
    )
    texts = [c.text for c in _diff(workspace, {"service.yaml": service}).service]
    assert 'stage `in-park` renamed: "in-park" -> "In the park"' in texts
    assert "channel `web` removed" in texts
    assert "key `show` removed" in texts
    assert "keys reordered: safety, courtesy -> courtesy, safety" in texts


def test_personas_added_and_removed(workspace: Make) -> None:
    twin = FAMILY.replace("persona: family", "persona: twins").replace("The family", "The twins")
    diff = _diff(workspace, {"guests/family.yaml": twin})
    assert [(p.id, p.status) for p in diff.personas] == [("family", "removed"), ("twins", "added")]


def test_emotion_curve_summary(workspace: Make) -> None:
    family = FAMILY.replace("{touchpoint: gate, emotion: 1}", "{touchpoint: gate, emotion: -1}")
    persona = _family(_diff(workspace, {"guests/family.yaml": family}))
    assert _texts(persona) == [
        "step 1 `gate`: emotion +1 -> −1 (−2)",
        "emotion curve: mean 0.00 -> −0.50, peak −2 -> −2, end −2 -> −2",
    ]
    assert persona.curve_before and persona.curve_after and persona.curve_after.mean == -0.5
