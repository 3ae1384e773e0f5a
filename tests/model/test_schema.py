"""The JSON Schema editors use: it accepts the real assessments and rejects what the checks reject."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from selfassess.cli import main
from selfassess.load.yaml_source import load_yaml_text

REPO = Path(__file__).parents[2]


def schema_from_the_command_line(capsys, *arguments: str) -> dict:
    assert main(["schema", *arguments]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def as_an_editor_reads(path: Path) -> object:
    """The file's data as a YAML 1.2 editor sees it: dates are text, only true/false are booleans."""

    def plain(value: object) -> object:
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        if isinstance(value, date):
            return getattr(value, "text", value.isoformat())
        return {"true": True, "false": False}.get(value, value) if isinstance(value, str) else value

    return plain(load_yaml_text(path.read_text(encoding="utf-8")).data)


@pytest.fixture
def hos_schema(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    return schema_from_the_command_line(capsys, "assessment", "--code", "hos-chc-2024")


def errors(schema: dict, data: object) -> list[str]:
    return [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data)]


@pytest.mark.parametrize("name", ["example-homes-2025.yaml"])
def test_the_example_assessment_is_valid(hos_schema, name):
    assert errors(hos_schema, as_an_editor_reads(REPO / "assessments" / name)) == []


def test_a_wrong_answer_an_unknown_field_and_a_misnumbered_provision_are_flagged(hos_schema):
    data = as_an_editor_reads(REPO / "assessments" / "westminster-2024.yaml")
    found = errors(hos_schema, data)
    assert len(found) == 1 and "'YAC'" in found[0]  # the one wrong answer in Westminster's form
    data["responses"]["6.3"]["answer"] = "yes."  # what selfassess accepts, the schema accepts too
    data["responses"]["2.5"]["answer"] = "Yes"
    assert errors(hos_schema, data) == []
    data["responses"]["6.3"]["evidnce"] = ["complaints-policy"]
    data["responses"]["6.30"] = {"answer": "Yes"}
    data["policy"] = {"stage1-reponse": "10 working days"}
    found = errors(hos_schema, data)
    assert len(found) == 3
    assert any("evidnce" in message for message in found)
    assert any("6.30" in message for message in found)
    assert any("stage1-reponse" in message for message in found)


def test_the_code_schema_accepts_the_shipped_code(capsys):
    schema = schema_from_the_command_line(capsys, "code")
    assert errors(schema, as_an_editor_reads(REPO / "codes" / "hos-chc-2024.yaml")) == []
    assert errors(schema, {"id": "x"})  # title, answers and sections are required


def test_schema_without_a_code_has_no_vocabulary(capsys):
    schema = schema_from_the_command_line(capsys, "assessment")
    assert "propertyNames" not in schema["properties"]["responses"]
    assert main(["schema", "assessment", "--code", "no-such-code"]) == 2
