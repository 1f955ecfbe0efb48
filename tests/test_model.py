"""The model's own rules: slugs, plain-string forms, zones of tolerance, located objects."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from guestology import model
from guestology.analysis.serving import persona_serving
from guestology.convert import from_data
from guestology.model import slugify
from guestology.schema_model import Expectation, Need, PainPoint, Persona, Stage
from guestology.workspace import check_workspace

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Family restroom near the rides", "family-restroom-near-the-rides"),
        ("Water & shade!", "water-shade"),
        ("  Café au lait ", "café-au-lait"),
        ("snake_case words", "snake-case-words"),
        ("v1.2 release", "v1.2-release"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_plain_string_compass_item_gets_a_slug_id() -> None:
    need = Need.model_validate("Shade at noon")
    assert (need.id, need.text, need.priority) == ("shade-at-noon", "Shade at noon", "medium")


def test_text_without_letters_cannot_be_a_plain_item() -> None:
    with pytest.raises(ValidationError, match="cannot make an id"):
        Need.model_validate("!!!")


def test_expectation_forms() -> None:
    single = Expectation.model_validate(3)
    assert (single.adequate, single.desired, single.is_zone) == (3, 3, False)
    zone = Expectation.model_validate({"adequate": 2, "desired": 4})
    assert zone.is_zone
    with pytest.raises(ValidationError, match="must not be above"):
        Expectation.model_validate({"adequate": 5, "desired": 2})
    with pytest.raises(ValidationError, match="between 1 and 5"):
        Expectation.model_validate(0)


def test_plain_string_pain_point_and_stage() -> None:
    assert PainPoint.model_validate("Long queue").severity == 2
    assert Stage.model_validate("in-park").name == "in-park"


def test_defaults_follow_the_format() -> None:
    persona = Persona.model_validate(
        {"persona": "p", "name": "P", "compass": {"stereotypes": ["Pricey"], "emotions": ["Joy"]}}
    )
    assert persona.kind == "guest"
    assert persona.compass.stereotypes[0].valence == "negative"
    assert persona.compass.emotions[0].valence == "positive"


def test_serving_a_want_serves_the_need_it_refines() -> None:
    persona = from_data(
        model.Persona,
        {
            "persona": "p",
            "name": "P",
            "compass": {
                "needs": ["Water"],
                "wants": [{"id": "bottled", "text": "B", "for": ["water"]}],
            },
            "journey": [{"touchpoint": "kiosk", "emotion": 1, "serves": ["bottled"]}],
        },
    )
    assert persona_serving(persona) == {"water": [0], "bottled": [0]}


def test_model_objects_know_where_they_came_from(monkeypatch: pytest.MonkeyPatch) -> None:
    case = DATA / "valid" / "format-and-zones"
    lines = (case / "guest.yaml").read_text().splitlines()

    def at(line: int, needle: str) -> tuple[str, tuple[int, int]]:
        return "guest.yaml", (line, lines[line - 1].index(needle) + 1)

    monkeypatch.chdir(case)
    ws = check_workspace(Path(".")).workspace
    assert ws is not None
    persona = ws.personas["guest"]
    assert persona.where() == ("guest.yaml", (1, 1))
    assert persona.where("persona") == at(2, "guest")
    assert persona.compass.needs[0].where("text") == at(6, "Information")
    assert persona.journey[1].where("delivery") == at(11, "3}")
    assert persona.journey[0].where("serves", 0) == at(10, "info]")
    assert persona.journey[0].where("no-such-key") == at(10, "{touchpoint")


def test_the_light_model_and_the_checking_classes_agree() -> None:
    """The two definitions of each class (pydantic's, which checks a file, and the light one
    everything else reads) must not drift: same fields, in the same order, under the same
    YAML keys, with the same plain defaults."""
    from dataclasses import MISSING, fields

    from pydantic_core import PydanticUndefined

    from guestology import schema_model
    from guestology.nodes import INTERNAL

    light_classes = [
        c for c in vars(model).values()
        if isinstance(c, type) and issubclass(c, model.Node) and c.KEYS
    ]  # fmt: skip
    assert len(light_classes) == 16
    for light in light_classes:
        checked = getattr(schema_model, light.__name__)
        names = list(checked.model_fields)
        assert list(light.NAMES) == names, light.__name__
        assert list(light.KEYS) == [i.alias or n for n, i in checked.model_fields.items()]
        defaults = {f.name: f.default for f in fields(light) if f.name not in INTERNAL}
        for name, info in checked.model_fields.items():
            plain = info.default if info.default is not PydanticUndefined else MISSING
            if info.default_factory is None:
                assert defaults[name] == plain, (light.__name__, name)
