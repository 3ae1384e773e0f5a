"""Every rule has a failing fixture (with the exact findings expected) and a passing one."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.check.registry import RULES
from selfassess.check.runner import CheckOptions, check_files
from selfassess.load.codes import CodeLibrary

FIXTURES = Path(__file__).parent / "fixtures"

#: rule -> the findings of that rule in its failing fixture: (rule, provision, line, column)
EXPECTED: dict[str, list[tuple[str, str | None, int, int]]] = {
    "SA001": [
        ("SA001", None, 6, 3),  # policy key the code does not have: stage1-reponse
        ("SA001", None, 7, 23),  # policy value that is not a duration
        ("SA001", "2.5", 15, 5),  # evidnce
        ("SA001", "6.2", 19, 5),  # answer written twice
        ("SA001", "6.3", 23, 14),  # actions given as text
    ],
    "SA002": [
        ("SA002", None, 7, 13),  # supersedes a code that cannot be found
        ("SA002", None, 15, 5),  # 'N/A' and 'n/a'
        ("SA002", "6.3", 51, 23),  # undeclared time limit
        ("SA002", "6.2", 55, 17),  # numbered twice
        ("SA002", "8.2", 62, 21),  # undeclared deadline
    ],
    "SA101": [("SA101", "6.2", 6, 1), ("SA101", "8.2", 6, 1), ("SA101", "6.3", 11, 12)],
    "SA102": [("SA102", "6.30", 9, 3), ("SA102", "9.9", 11, 3)],
    "SA103": [("SA103", "2.5", 8, 13), ("SA103", "6.3", 14, 13), ("SA103", "8.2", 19, 13)],
    "SA503": [("SA503", None, 8, 12), ("SA503", "6.3", 19, 14), ("SA503", "6.3", 22, 14)],
}


def _files(rule: str, which: str) -> list[Path]:
    single = FIXTURES / rule / f"{which}.yaml"
    return [single] if single.exists() else sorted((FIXTURES / rule / which).glob("*.yaml"))


def findings(path: Path) -> list[tuple[str, str | None, int, int, str]]:
    result = check_files([(path, path.name)], CodeLibrary(), CheckOptions())
    return [(f.rule, f.provision, f.line, f.column, f.message) for f in result.findings]


def test_every_registered_rule_has_fixtures():
    documented = {rule.ID for rule in RULES}
    assert documented == set(EXPECTED)
    for rule in documented:
        assert _files(rule, "failing"), rule
        assert _files(rule, "passing"), rule


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_failing_fixture_gives_exactly_the_expected_findings(rule):
    [path] = _files(rule, "failing")
    found = [item[:4] for item in findings(path) if item[0] == rule]
    assert found == EXPECTED[rule]


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_passing_fixture_is_clean(rule):
    for path in _files(rule, "passing"):
        assert findings(path) == [], path


def test_messages_are_single_plain_sentences():
    for rule in EXPECTED:
        for path in _files(rule, "failing"):
            for *_, message in findings(path):
                assert message[-1] in ".?", message
                assert "\n" not in message
                for python_word in ("NoneType", "dict", "str ", "Input should", "pydantic", "Traceback"):
                    assert python_word not in message, message
