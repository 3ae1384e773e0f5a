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
    "SA503": [
        ("SA503", None, 8, 12),
        ("SA503", "6.3", 19, 14),
        ("SA503", "6.3", 22, 14),
        ("SA503", "6.3", 25, 14),  # 9999-12-31: outside the years selfassess works with
    ],
    "SA003": [
        ("SA003", "2.5", 11, 20),  # waiver with an empty reason
        ("SA003", "6.2", 15, 13),  # waiver with no reason at all
        ("SA003", "6.2", 16, 7),  # a rule that does not exist
        ("SA003", "6.3", 20, 13),  # SA001 cannot be waived
    ],
    "SA004": [
        ("SA004", "2.5", 12, 13),  # SA201 has nothing to find: 2.5 cites its evidence
        ("SA004", "6.2", 17, 7),  # SA303 has nothing to find; the waiver of SA201 beside it is used
    ],  # not 6.3: a waiver without a reason is SA003's
    "SA201": [("SA201", "2.5", 10, 13), ("SA201", "6.2", 13, 13)],  # not for No or N/A
    "SA202": [("SA202", None, 9, 12), ("SA202", None, 15, 12)],  # 20 May 2024 is exactly 12 months: not stale
    "SA203": [
        ("SA203", None, 9, 11),  # missing
        ("SA203", None, 12, 11),  # ../../../../etc/passwd: outside, and never read
        ("SA203", None, 15, 11),  # a Windows path
        ("SA203", None, 18, 11),  # an absolute path
        ("SA203", None, 21, 11),  # a web address under file:
        ("SA203", None, 24, 11),  # a control character (a tab) no file name can hold
    ],
    "SA204": [("SA204", "2.5", 11, 16), ("SA204", "6.2", 14, 35)],  # titles and URLs are not keys
    "SA301": [("SA301", "6.2", 11, 13), ("SA301", "6.3", 16, 13)],
    "SA302": [("SA302", "6.2", 11, 13), ("SA302", "6.3", 17, 7)],  # 8.2 has an owned, dated action
    "SA303": [
        ("SA303", "2.5", 12, 17),
        ("SA303", "6.2", 18, 17),
        ("SA303", "8.2", 28, 17),
    ],  # not 6.3: Partial
    "SA401": [
        ("SA401", "6.2", 7, 23),  # policy: 2 weeks against 5 working days
        ("SA401", "6.3", 8, 20),  # policy: 15 working days against 10
        ("SA401", "6.2", 16, 17),  # commentary, by the provision's own limit: "within 2 weeks"
        (
            "SA401",
            "6.3",
            20,
            17,
        ),  # commentary: "within 20 days"; "due a response within two days" is no limit
    ],
    "SA402": [("SA402", "6.2", 7, 23), ("SA402", "6.3", 8, 20), ("SA402", "6.3", 17, 17)],
    "SA403": [("SA403", "6.2", 15, 17)],  # the clause says which limit "15 working days" is; "ten" agrees
    "SA404": [("SA404", "8.2", 17, 17)],  # against the organisation's own date, 31 August
    "SA501": [("SA501", "6.3", 15, 101), ("SA501", "6.3", 16, 101)],  # not done/dropped, not due that day
    "SA502": [("SA502", "6.3", 18, 9), ("SA502", "6.3", 20, 9), ("SA502", "6.3", 22, 9)],
    "SA504": [("SA504", "6.3", 18, 14)],  # the same day is fine
    "SA505": [("SA505", "7", 6, 13), ("SA505", "8", 9, 13)],  # 191 days after 12.12.23; 90 allowed
    "SA506": [
        ("SA506", "R1", 11, 112),  # after R1's November 2009
        ("SA506", "R3", 15, 106),  # after R3's April 2010
        ("SA506", "R3", 16, 102),  # under R3, but it also serves R1.4, whose recommendation ends sooner
    ],
    "SA507": [("SA507", "R1", 4, 1), ("SA507", "8", 9, 12)],  # no response; a response with no answer
    "SA601": [("SA601", None, 1, 1)],
}

#: Rules that run only when asked for.
OPTIONS = {"SA601": CheckOptions(for_publication=True)}


def _files(rule: str, which: str) -> list[Path]:
    single = FIXTURES / rule / f"{which}.yaml"
    return [single] if single.exists() else sorted((FIXTURES / rule / which).glob("*.yaml"))


def findings(path: Path, options: CheckOptions | None = None) -> list[tuple[str, str | None, int, int, str]]:
    """Every finding that counts (waived findings are listed in reports, but do not count)."""
    result = check_files([(path, path.name)], CodeLibrary(), options or CheckOptions())
    return [(f.rule, f.provision, f.line, f.column, f.message) for f in result.findings if f.waived is None]


def test_every_registered_rule_has_fixtures():
    documented = {rule.id for rule in RULES}
    assert documented == set(EXPECTED)
    for rule in documented:
        assert _files(rule, "failing"), rule
        assert _files(rule, "passing"), rule


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_failing_fixture_gives_exactly_the_expected_findings(rule):
    [path] = _files(rule, "failing")
    found = [item[:4] for item in findings(path, OPTIONS.get(rule)) if item[0] == rule]
    assert found == EXPECTED[rule]


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_passing_fixture_is_clean(rule):
    for path in _files(rule, "passing"):
        assert findings(path, OPTIONS.get(rule)) == [], path


def test_messages_are_single_plain_sentences():
    for rule in EXPECTED:
        for path in _files(rule, "failing"):
            for *_, message in findings(path, OPTIONS.get(rule)):
                assert message[-1] in ".?", message
                assert "\n" not in message
                for python_word in ("NoneType", "dict", "str ", "Input should", "pydantic", "Traceback"):
                    assert python_word not in message, message
