"""The rule catalogue: one source (each rule's docstring) for `rules`, `explain` and docs/rules.md,
and every documented example really fails or passes its rule."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from selfassess.check.catalogue import PARTS, document, markdown
from selfassess.check.registry import BY_ID, RULES
from selfassess.check.runner import CheckOptions, check_files
from selfassess.load.codes import CodeLibrary
from selfassess.load.yaml_source import load_yaml_text

DOCS = Path(__file__).parents[2] / "docs" / "rules.md"
HOS_CODE = CodeLibrary().find("hos-chc-2024", Path(__file__).parent).code
FIXTURE_CODES = Path(__file__).parent / "fixtures" / "codes"
#: Rules whose examples are about a tracker rather than the Complaint Handling Code.
TRACKER_RULES = frozenset(("SA505", "SA506", "SA507"))
FENCE = re.compile(r"```yaml\n(.*?)```", re.DOTALL)
#: A complaints log beside an example (the log rules' and SA406's), written where `complaints_log:` says.
LOG_FENCE = re.compile(r"```csv\n(.*?)```", re.DOTALL)

BASE_ASSESSMENT: dict[str, Any] = {
    "code": "hos-chc-2024",
    "organisation": "Fenbrook Homes",
    "assessed_on": "2025-05-20",
    "period": {"from": "2024-04-01", "to": "2025-03-31"},
    "approved": {"by": "Board", "on": "2025-06-12"},
    "evidence": {"complaints-policy": {"title": "Complaints policy", "dated": "2025-01-15"}},
    "responses": {},
}
BASE_CODE: dict[str, Any] = {
    "title": "Complaint Handling Code",
    "answers": {"values": {"Yes": "met", "No": "not-met", "Partial": "partly-met", "N/A": "not-applicable"}},
    "time_limits": {"stage1-response": {"limit": "10 working days"}},
    "sections": [],
}


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        return {**base, **{key: _merge(base.get(key), value) for key, value in extra.items()}}
    return extra


def _example_document(rule: str, fragment: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(file name, a whole document) built around a documented fragment."""
    if "sections" in fragment or BY_ID[rule].applies_to == "code":
        merged = _merge(BASE_CODE, fragment)
        return f"{merged['id']}.yaml", merged
    if "code" in fragment:
        return "assessment.yaml", {"responses": {}, **fragment}
    if "actions" in fragment:
        fragment = {"responses": {"6.3": {"answer": "Partial", "commentary": "Late in winter.", **fragment}}}
    if rule in TRACKER_RULES:
        base = {
            "code": "mini-tracker",
            "organisation": "Westminster City Council",
            "assessed_on": "2024-02-20",
        }
        return "assessment.yaml", {**base, "responses": {}, **fragment}
    return "assessment.yaml", _merge(BASE_ASSESSMENT, fragment)


def _plain(value: Any) -> Any:
    """Our loader's data, ready for yaml.safe_dump (its dates remember their text as a subclass)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def _provisions(example: str) -> set[str | None]:
    fragment = _plain(load_yaml_text(example).data)
    in_code = [p["number"] for section in fragment.get("sections", []) for p in section.get("provisions", [])]
    # a finding about a limit in `policy:` is shown against the provision that sets it
    setters = [
        n for n, p in HOS_CODE.provisions.items() if set(p.time_limits) & set(fragment.get("policy", {}))
    ]
    return {
        None,
        *fragment.get("responses", {}),
        *in_code,
        *setters,
        *(["6.3"] if "actions" in fragment else []),
    }


#: The counterpart each example of SA304 names, as its comments describe it: 6.3 "No" beside the
#: failing example's "Yes", "Yes" beside the passing one's.
COUNTERPART = {
    "failing": {"code": "mini-chc", "organisation": "Fenbrook District Council", "assessed_on": "2026-05-20",
                "responses": {"6.3": {"answer": "No"}}},
    "passing": {"code": "mini-chc", "organisation": "Fenbrook District Council", "assessed_on": "2026-05-20",
                "responses": {"6.3": {"answer": "Yes"}}},
}  # fmt: skip


def _found(rule: str, example: str, folder: Path, log: str | None = None) -> set[tuple[str, str | None]]:
    # Our own loader reads the example: yaml.safe_load would turn the key `on:` into True.
    name, data = _example_document(rule, _plain(load_yaml_text(example).data))
    written = data.get("complaints_log")
    if log is not None and written and not written.startswith(("/", "..")):
        (folder / written).parent.mkdir(parents=True, exist_ok=True)
        (folder / written).write_text(log, encoding="utf-8")
    if "counterpart" in data:
        data = {**data, "code": "mini-lgsco", "answered_per": "provision"}
        counterpart = yaml.safe_dump(COUNTERPART[folder.name], sort_keys=False)
        (folder / data["counterpart"]).write_text(counterpart, encoding="utf-8")
    for item in data.get("evidence", {}).values():
        written = item.get("file") if isinstance(item, dict) else None
        if written and not written.startswith(("/", "..")):
            (folder / written).parent.mkdir(parents=True, exist_ok=True)
            (folder / written).write_text("evidence\n")
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    library = CodeLibrary([FIXTURE_CODES])
    result = check_files([(path, name)], library, CheckOptions(for_publication=True, use_config=False))
    return {(finding.rule, finding.provision) for finding in result.findings}


def test_docs_rules_md_is_generated_from_the_rules():
    assert DOCS.read_text(encoding="utf-8") == markdown(), "run: selfassess rules --markdown > docs/rules.md"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_is_documented_in_four_parts(rule):
    doc = document(rule)
    assert re.fullmatch(r"SA\d{3}", doc.id)
    assert doc.title and doc.summary and doc.name
    assert list(doc.parts) == list(PARTS)
    for part in PARTS:
        assert len(doc.parts[part]) > 20, (rule.id, part)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_documented_examples_fail_and_pass_as_they_say(rule, tmp_path):
    doc = document(rule)
    [failing] = FENCE.findall(doc.parts["Failing example"])
    [passing] = FENCE.findall(doc.parts["Passing example"])
    if rule.id == "SA001":  # the failing example's fault (a key written twice) is in the text itself
        assert load_yaml_text(failing).problems
        assert not load_yaml_text(passing).problems
        return
    (tmp_path / "failing").mkdir()
    (tmp_path / "passing").mkdir()
    # judged only for the provisions the examples are about (a fragment leaves other provisions as gaps)
    about = _provisions(failing) | _provisions(passing)
    failing_log = next(iter(LOG_FENCE.findall(doc.parts["Failing example"])), None)
    passing_log = next(iter(LOG_FENCE.findall(doc.parts["Passing example"])), None)
    assert {(rule.id, p) for p in about} & _found(rule.id, failing, tmp_path / "failing", failing_log)
    assert not {(rule.id, p) for p in about} & _found(rule.id, passing, tmp_path / "passing", passing_log)


def test_the_complaints_managers_guide_explains_every_rule():
    guide = (Path(__file__).parents[2] / "docs" / "complaints-managers.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| [{rule.id}](rules.md#{rule.id.lower()}) |" in guide, rule.id


def test_a_rules_options_are_shown_wherever_the_rule_is_described():
    """SA505's `days` is in `rules`, `explain` and docs/rules.md, with its default and how to set it."""
    from selfassess.check.catalogue import explain, markdown, rule_table

    [option] = BY_ID["SA505"].options
    setting = f"[rules.SA505] {option.name} = {option.default}"
    assert setting in rule_table()
    assert f"Options:\n    {option.name} (default 90)" in (explain("SA505") or "")
    assert f"### Options\n\n- `{option.name} (default 90)" in markdown()
    assert all(setting not in (explain(rule.id) or "") for rule in RULES if not rule.options)
